package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Restores racing host writers and copy workers on a source that also has a synchronous and an asynchronous mirror,
 * a witness snapshot and a clone. Each round restores from a snapshot or from a fractured mirror while four writers
 * keep writing; at the quiescent point after it, every pair's bytes are compared with what it claims, and a last
 * write of every block by its owner shows no write was lost and no stale restore landed after the restore ended.
 */
class RestoreStressTest {

    private static final int CHUNKS = 32;
    private static final int WRITERS = 4;
    private static final int WRITES = 150;
    private static final int ROUNDS = 6;

    @Test
    void restoresRaceWritersAndCopiesWithoutAnyPairLosingTheTruth() {
        assertTimeoutPreemptively(Duration.ofSeconds(90), this::run);
    }

    private void run() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        try (EngineFixture f = new EngineFixture(EngineConfig.defaults().withCopyWorkers(2).withSliceChunks(2).withAsyncMaxLagChunks(4))) {
            VirtualDisk src = f.filledDisk(CHUNKS, 1);
            PairSnapshot sync = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
            PairSnapshot async = f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
            PairSnapshot restoreMirror = f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
            PairSnapshot restoreSnapshot = f.engine.createPair(PairSpec.snapshot(src.id()));
            PairSnapshot witness = f.engine.createPair(PairSpec.snapshot(src.id()));
            PairSnapshot clone = f.engine.createPair(PairSpec.clone(src.id()));
            quiesce(f, List.of(sync, async, restoreMirror, restoreSnapshot, witness, clone));

            for (int round = 0; round < ROUNDS; round++) {
                boolean fromMirror = round % 2 == 1;
                PairSnapshot from = fromMirror ? restoreMirror : restoreSnapshot;
                if (fromMirror) {
                    f.engine.modify(from.id(), Operation.FRACTURE);
                } else {
                    f.engine.modify(from.id(), Operation.RESYNC_REPLICA); // a new point in time to go back to
                }
                writeConcurrently(threads, src, round, 0, () -> { });       // the source moves away from the replica
                f.engine.modify(witness.id(), Operation.RESYNC_REPLICA);     // points in time the restore must not move
                byte[] witnessPoint = contents(src);
                f.engine.modify(clone.id(), Operation.RESYNC_REPLICA);
                byte[] replica = contents(f.registry.disk(from.targetDiskId()));
                writeConcurrently(threads, src, round, 1, () ->              // and keeps moving while it is restored
                        f.engine.modify(from.id(), Operation.RESTORE_FROM_REPLICA));
                f.await(from.id(), CopyState.SYNCHRONIZED);
                writeConcurrently(threads, src, round, 2, () -> { });       // every block once more, by its owner
                quiesce(f, List.of(sync, async, restoreMirror, restoreSnapshot, witness, clone));

                String when = "round " + round + " (restore from " + (fromMirror ? "a fractured mirror" : "a snapshot") + ")";
                assertArrayEquals(lastWrites(replica, round), contents(src), when + ": the source holds every last write");
                assertSameBytes(src, f.registry.disk(sync.targetDiskId()));
                assertSameBytes(src, f.registry.disk(async.targetDiskId()));
                assertArrayEquals(witnessPoint, contents(f.registry.disk(witness.targetDiskId())), when + ": the witness snapshot");
                assertArrayEquals(witnessPoint, contents(f.registry.disk(clone.targetDiskId())), when + ": the clone");
                assertEquals(f.pool.allocatedBytes(), f.registry.disksIn(f.pool.id()).stream().mapToLong(VirtualDisk::allocatedBytes).sum());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Wait until no pair has work left and the mirrors have drained. */
    private static void quiesce(EngineFixture f, List<PairSnapshot> pairs) {
        for (PairSnapshot p : pairs) {
            awaitCondition(p.id() + " at rest", () -> {
                PairSnapshot now = f.engine.pair(p.id());
                return now.workProgress() == null && now.copyState() == CopyState.SYNCHRONIZED
                        && (now.syncType() != SyncType.MIRROR || now.lagChunks() == 0);
            });
        }
    }

    /**
     * {@link #WRITERS} threads write their own block of chunks in a fixed order; {@code midway} runs on this thread
     * once every writer is halfway. Writer t owns block t (phases 1 and 2) and block t + WRITERS (phase 0, undone by
     * the restore); phase 2 writes block t of every chunk, so the source's final bytes are known exactly.
     */
    private static void writeConcurrently(ExecutorService threads, VirtualDisk src, int round, int phase, Runnable midway)
            throws Exception {
        CountDownLatch halfway = new CountDownLatch(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < WRITERS; t++) {
            int thread = t;
            writers.add(threads.submit(() -> {
                int writes = phase == 2 ? CHUNKS : WRITES;
                for (int i = 0; i < writes; i++) {
                    if (i == writes / 2) {
                        halfway.countDown();
                    }
                    long chunk = phase == 2 ? i : (i * 7L + thread * 3L) % CHUNKS;
                    long block = phase == 0 ? thread + WRITERS : thread;
                    src.write(chunk * CHUNK + block * 512L, block(round, phase, thread, chunk));
                }
                return null;
            }));
        }
        assertTrue(halfway.await(30, TimeUnit.SECONDS), "writers reached halfway");
        midway.run();
        for (Future<?> w : writers) {
            w.get(30, TimeUnit.SECONDS);
        }
    }

    /** The source after phase 2: the replica's bytes, with every writer's block t of every chunk written last. */
    private static byte[] lastWrites(byte[] replica, int round) {
        byte[] expected = replica.clone();
        for (int t = 0; t < WRITERS; t++) {
            for (long c = 0; c < CHUNKS; c++) {
                System.arraycopy(block(round, 2, t, c), 0, expected, (int) (c * CHUNK + t * 512L), 512);
            }
        }
        return expected;
    }

    private static byte[] block(int round, int phase, int thread, long chunk) {
        ByteBuffer b = ByteBuffer.allocate(512);
        while (b.hasRemaining()) {
            b.putInt(((round * 3 + phase) * WRITERS + thread) * 1_000_003 + (int) chunk);
        }
        return b.array();
    }
}
