package org.iscsismis.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ProgressStatus;
import org.iscsismis.replication.ReplicationEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target kept in a data directory comes back whole: disks, pools, pairs in their states, copies resuming. */
class DataStoreTest {

    private static final int CHUNK = DiskRegistry.DEFAULT_CHUNK_SIZE;
    private static final long SIZE = 32L * CHUNK;

    @TempDir
    Path dir;

    /** One run of a server's target on the data directory. */
    private final class Run implements AutoCloseable {
        final DataStore store = DataStore.open(dir, 0);
        final ReplicationEngine engine = new ReplicationEngine(store.disks(), EngineConfig.defaults());

        Run() {
            this(false);
        }

        /** {@code held}: copying is held from the start, so what recovery decided can be seen before work runs. */
        Run(boolean held) {
            engine.holdCopying(held);
            store.recoverPairs(engine);
        }

        DiskRegistry disks() {
            return store.disks();
        }

        PairSnapshot await(String pairId, CopyState state) throws Exception {
            return engine.awaitCopyState(pairId, state).get(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            engine.close();
            store.disks().close();
            store.close();
        }
    }

    private static byte[] filled(int n, int seed) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) seed);
        return b;
    }

    @Test
    void disksPoolsAndPairsComeBackInTheirStatesAndCopiesResume() throws Exception {
        String pool;
        String source;
        String mirror;
        String snapshot;
        String clone;
        String fractured;
        byte[] pointInTime;
        byte[] sourceNow;
        try (Run run = new Run()) {
            assertTrue(run.store.isNew());
            DiskPool p = run.disks().createPool("pool", 1L << 30);
            pool = p.id();
            VirtualDisk src = run.disks().createDisk(pool, "src", SIZE, 512);
            source = src.id();
            for (int c = 0; c < 32; c += 3) {
                src.write((long) c * CHUNK, filled(CHUNK, c + 1));
            }
            mirror = run.await(run.engine.createPair(PairSpec.mirror(source, Mode.SYNCHRONOUS)).id(), CopyState.SYNCHRONIZED).id();
            snapshot = run.engine.createPair(PairSpec.snapshot(source)).id();
            pointInTime = src.read(0, (int) SIZE);
            run.engine.holdCopying(true);
            clone = run.engine.createPair(PairSpec.clone(source)).id();
            VirtualDisk other = run.disks().createDisk(pool, "other", SIZE, 512);
            fractured = run.engine.createPair(PairSpec.mirror(other.id(), Mode.ASYNCHRONOUS)).id();
            run.engine.modify(fractured, Operation.FRACTURE);
            other.write(5L * CHUNK, filled(CHUNK, 99)); // pending for the resync
            src.write(3L * CHUNK, filled(CHUNK, 77)); // preserved by the snapshot and the clone first
            src.write(4L * CHUNK + 512, filled(512, 78));
            sourceNow = src.read(0, (int) SIZE);
        }
        try (Run run = new Run()) {
            assertEquals(pool, run.disks().pools().get(0).id());
            VirtualDisk src = run.disks().disk(source);
            assertArrayEquals(sourceNow, src.read(0, (int) SIZE));
            assertEquals(CopyState.SYNCHRONIZED, run.engine.pair(mirror).copyState());
            assertArrayEquals(sourceNow, run.disks().disk(run.engine.pair(mirror).targetDiskId()).read(0, (int) SIZE));
            assertArrayEquals(pointInTime, run.disks().disk(run.engine.pair(snapshot).targetDiskId()).read(0, (int) SIZE),
                    "the snapshot still shows its point in time");
            PairSnapshot c = run.await(clone, CopyState.SYNCHRONIZED);
            assertArrayEquals(pointInTime, run.disks().disk(c.targetDiskId()).read(0, (int) SIZE), "the clone resumed and filled");
            PairSnapshot f = run.engine.pair(fractured);
            assertEquals(CopyState.FRACTURED, f.copyState());
            assertEquals(1, f.lagChunks(), "the chunk written since the fracture is still owed");
            run.engine.modify(fractured, Operation.RESYNC_REPLICA);
            PairSnapshot resynced = run.await(fractured, CopyState.SYNCHRONIZED);
            VirtualDisk other = run.disks().disk(resynced.sourceDiskId());
            assertArrayEquals(other.read(0, (int) SIZE), run.disks().disk(resynced.targetDiskId()).read(0, (int) SIZE));
            VirtualDisk next = run.disks().createDisk(pool, "next", SIZE, 512);
            assertTrue(DiskRegistry.number(next.id()) > DiskRegistry.number(resynced.targetDiskId()), "ids go on: " + next.id());
            long used = run.disks().disks().stream().mapToLong(VirtualDisk::allocatedBytes).sum();
            assertEquals(used, run.disks().pools().get(0).allocatedBytes(), "the pool counts exactly its disks' chunks");
        }
    }

    @Test
    void aSynchronousMirrorWhoseLastWriteIsNotProvenOnBothDisksIsResyncedNotShownSynchronized() throws Exception {
        String mirror;
        String target;
        try (Run run = new Run()) {
            DiskPool p = run.disks().createPool("pool", 1L << 30);
            VirtualDisk src = run.disks().createDisk(p.id(), "src", SIZE, 512);
            src.write(0, filled(CHUNK * 4, 5));
            PairSnapshot m = run.await(run.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS)).id(), CopyState.SYNCHRONIZED);
            mirror = m.id();
            target = m.targetDiskId();
        }
        // what a crash between the source's write and the target's leaves: different bytes, the chunk's intent bit set
        try (FileChannel img = FileChannel.open(dir.resolve("disks").resolve(target + ".img"), StandardOpenOption.WRITE);
             FileChannel intent = FileChannel.open(dir.resolve("pairs").resolve(mirror + ".intent"), StandardOpenOption.WRITE)) {
            img.write(ByteBuffer.wrap(filled(512, 66)), 2L * CHUNK);
            intent.write(ByteBuffer.allocate(8).putLong(0, 1L << 2), 0);
        }
        try (Run run = new Run(true)) {
            PairSnapshot after = run.engine.pair(mirror);
            assertNotEquals(CopyState.SYNCHRONIZED, after.copyState(), "never Synchronized while the disks may differ");
            assertEquals(ProgressStatus.RESYNCING, after.progressStatus());
            assertEquals(1, after.lagChunks());
            run.engine.holdCopying(false);
            PairSnapshot synced = run.await(mirror, CopyState.SYNCHRONIZED);
            assertArrayEquals(run.disks().disk(synced.sourceDiskId()).read(0, (int) SIZE),
                    run.disks().disk(target).read(0, (int) SIZE));
        }
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefused() {
        try (DataStore first = DataStore.open(dir, 0)) {
            DataDirectoryLockedException e = assertThrows(DataDirectoryLockedException.class, () -> DataStore.open(dir, 0));
            assertTrue(e.getMessage().contains("in use by another server"), e.getMessage());
            first.disks().close();
        }
        DataStore again = DataStore.open(dir, 0); // released with the first
        again.disks().close();
        again.close();
    }
}
