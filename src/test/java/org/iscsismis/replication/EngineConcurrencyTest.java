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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Sixteen host writers against one source while copies, fractures and resyncs run on its pairs. */
class EngineConcurrencyTest {

    private static final int THREADS = 16;
    private static final int CHUNKS = 32;
    private static final int WRITES_PER_THREAD = 300;

    @Test
    void sixteenWritersWhileCopiesFracturesAndResyncsRun() {
        assertTimeoutPreemptively(Duration.ofSeconds(40), this::run);
    }

    private void run() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineConfig.defaults().withSliceChunks(2))) {
            VirtualDisk src = f.filledDisk(CHUNKS, 1);
            byte[] pit = contents(src);
            PairSnapshot snap = f.engine.createPair(PairSpec.snapshot(src.id()));
            PairSnapshot sync = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
            PairSnapshot async = f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
            PairSnapshot clone = f.engine.createPair(PairSpec.clone(src.id()));

            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < WRITES_PER_THREAD; i++) {
                        // thread t owns 512-byte block t of every chunk: its last write there must survive
                        long chunk = (i * 7L + thread) % CHUNKS;
                        src.write(chunk * CHUNK + thread * 512L, block(thread, i));
                    }
                    return null;
                }));
            }
            Future<Integer> operator = pool.submit(() -> {
                start.await();
                int rounds = 0;
                while (writing.get()) {
                    f.engine.modify(sync.id(), Operation.FRACTURE);
                    f.await(f.engine.modify(sync.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
                    f.await(clone.id(), CopyState.SYNCHRONIZED);
                    f.engine.modify(clone.id(), Operation.RESYNC_REPLICA);
                    rounds++;
                }
                return rounds;
            });
            start.countDown();
            for (Future<?> w : writers) {
                w.get(30, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertTrue(operator.get(30, TimeUnit.SECONDS) > 0, "operations ran during the writes");
            pool.shutdown();

            // no lost write: every thread's last write to each of its chunks is on the source
            for (int t = 0; t < THREADS; t++) {
                for (int i = WRITES_PER_THREAD - CHUNKS; i < WRITES_PER_THREAD; i++) {
                    long chunk = (i * 7L + t) % CHUNKS;
                    assertArrayEquals(block(t, lastWrite(t, chunk)), src.read(chunk * CHUNK + t * 512L, 512));
                }
            }
            f.await(sync.id(), CopyState.SYNCHRONIZED);
            assertSameBytes(src, f.registry.disk(sync.targetDiskId()));
            awaitCondition("async mirror drained", () -> f.engine.pair(async.id()).lagChunks() == 0);
            assertSameBytes(src, f.registry.disk(async.targetDiskId()));
            f.await(clone.id(), CopyState.SYNCHRONIZED);
            f.await(f.engine.modify(clone.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
            assertSameBytes(src, f.registry.disk(clone.targetDiskId()));
            assertArrayEquals(pit, contents(f.registry.disk(snap.targetDiskId())), "the snapshot never moved");
        }
    }

    private static int lastWrite(int thread, long chunk) {
        int last = -1;
        for (int i = 0; i < WRITES_PER_THREAD; i++) {
            if ((i * 7L + thread) % CHUNKS == chunk) {
                last = i;
            }
        }
        return last;
    }

    private static byte[] block(int thread, int i) {
        ByteBuffer b = ByteBuffer.allocate(512);
        while (b.hasRemaining()) {
            b.putInt(thread * 1_000_003 + i);
        }
        return b.array();
    }

    @Test
    void pairsCreatedWhileHostsWriteMissNoWrite() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (EngineFixture f = new EngineFixture()) {
                VirtualDisk src = f.disk(CHUNKS); // all holes: every first write allocates
                ExecutorService pool = Executors.newFixedThreadPool(8);
                CountDownLatch started = new CountDownLatch(8);
                AtomicBoolean writing = new AtomicBoolean(true);
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    writers.add(pool.submit(() -> {
                        started.countDown();
                        for (int i = 0; writing.get() || i < CHUNKS; i++) {
                            src.write(((i * 5L + thread) % CHUNKS) * CHUNK + thread * 512L, block(thread, i));
                        }
                        return null;
                    }));
                }
                started.await();
                PairSnapshot mirror = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
                PairSnapshot async = f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
                writing.set(false);
                for (Future<?> w : writers) {
                    w.get(20, TimeUnit.SECONDS);
                }
                pool.shutdown();
                f.await(mirror.id(), CopyState.SYNCHRONIZED);
                assertSameBytes(src, f.registry.disk(mirror.targetDiskId()));
                f.await(async.id(), CopyState.SYNCHRONIZED);
                awaitCondition("async drained", () -> f.engine.pair(async.id()).lagChunks() == 0);
                assertSameBytes(src, f.registry.disk(async.targetDiskId()));
            }
        });
    }
}
