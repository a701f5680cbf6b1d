package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.NoSuchElementException;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Snapshots (virtual, copy-on-write) and clones (full background copy of a point in time). */
class PointInTimeTest {

    private final EngineFixture f = new EngineFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void snapshotShowsTheSourceAsItWasWhileTheSourceKeepsChanging() {
        VirtualDisk src = f.filledDisk(32, 1);
        byte[] pit = contents(src);
        PairSnapshot p = f.engine.createPair(PairSpec.snapshot(src.id()));
        assertEquals(CopyState.SYNCHRONIZED, p.copyState());
        assertEquals(SyncState.IDLE, p.syncState());
        assertEquals(ReplicaType.AFTER_DELTA, p.replicaType());
        assertEquals(CopyMethodology.COPY_ON_WRITE, p.copyMethodology());
        assertEquals(CopyType.UNSYNC_ASSOC, p.copyType());
        VirtualDisk snap = f.registry.disk(p.targetDiskId());
        assertEquals(0, snap.allocatedBytes(), "a fresh snapshot stores nothing");
        src.write(0, bytes(2 * CHUNK, 2));           // chunks 0, 1 (1 was a hole)
        src.write(10L * CHUNK + 512, bytes(512, 3));
        src.trim(20L * CHUNK, CHUNK);
        src.write(0, bytes(512, 4));                  // chunk 0 again: preserved once only
        assertArrayEquals(pit, contents(snap));
        assertEquals(3L * CHUNK, snap.allocatedBytes(), "the four overwritten chunks were preserved; the hole costs nothing");
        assertEquals(4, f.engine.statistics().chunksCopiedOnWrite());
        assertThrows(DiskIoException.class, () -> snap.write(0, new byte[512]), "snapshots are read-only");
    }

    @Test
    void snapshotResyncTakesANewPointInTimeAndDeactivateDiscards() {
        VirtualDisk src = f.filledDisk(8, 5);
        PairSnapshot p = f.engine.createPair(PairSpec.snapshot(src.id()));
        VirtualDisk snap = f.registry.disk(p.targetDiskId());
        src.write(0, bytes(512, 6));
        byte[] second = contents(src);
        f.engine.modify(p.id(), Operation.RESYNC_REPLICA);
        assertEquals(0, snap.allocatedBytes());
        src.write(0, bytes(512, 7));
        assertArrayEquals(second, contents(snap));
        assertEquals(CopyState.INACTIVE, f.engine.modify(p.id(), Operation.DEACTIVATE).copyState());
        assertEquals(0, snap.allocatedBytes());
        assertEquals(CopyState.SYNCHRONIZED, f.engine.modify(p.id(), Operation.ACTIVATE).copyState());
        assertArrayEquals(contents(src), contents(snap));
    }

    @Test
    void snapshotRestoreRollsTheSourceBack() {
        VirtualDisk src = f.filledDisk(16, 8);
        byte[] pit = contents(src);
        PairSnapshot p = f.engine.createPair(PairSpec.snapshot(src.id()));
        src.write(CHUNK, bytes(4 * CHUNK, 9));
        f.await(f.engine.modify(p.id(), Operation.RESTORE_FROM_REPLICA, CopyState.SYNCHRONIZED));
        assertArrayEquals(pit, contents(src));
        assertArrayEquals(pit, contents(f.registry.disk(p.targetDiskId())));
    }

    @Test
    void returnToPoolDeletesTheSnapshotAndFreesItsSpace() {
        VirtualDisk src = f.filledDisk(8, 10);
        long used = f.pool.allocatedBytes();
        PairSnapshot p = f.engine.createPair(PairSpec.snapshot(src.id()));
        src.write(0, bytes(2 * CHUNK, 11));
        assertEquals(used + 2L * CHUNK, f.pool.allocatedBytes(), "1 new source chunk + 1 preserved (the other was a hole)");
        f.engine.modify(p.id(), Operation.RETURN_TO_RESOURCE_POOL);
        assertThrows(NoSuchElementException.class, () -> f.registry.disk(p.targetDiskId()));
        assertEquals(used + CHUNK, f.pool.allocatedBytes());
        assertThrows(NoSuchElementException.class, () -> f.engine.pair(p.id()));
    }

    @Test
    void snapshotWhoseTargetPoolRunsOutBreaksAndSourceWritesContinue() {
        VirtualDisk src = f.filledDisk(8, 12);
        var tiny = f.registry.createPool("tiny", CHUNK);
        PairSnapshot p = f.engine.createPair(PairSpec.snapshot(src.id()).inPool(tiny.id(), "snap"));
        src.write(0, bytes(512, 1));
        src.write(2L * CHUNK, bytes(512, 2));     // needs a second preserved chunk: the pool has none
        PairSnapshot broken = f.engine.pair(p.id());
        assertEquals(CopyState.BROKEN, broken.copyState());
        assertTrue(broken.faultCause().contains(tiny.id()), broken.faultCause());
        assertArrayEquals(bytes(512, 2), src.read(2L * CHUNK, 512));
    }

    @Test
    void cloneEqualsThePointInTimeOnceCompleteWhileTheSourceChanges() {
        EngineFixture g = new EngineFixture(EngineConfig.defaults().withSliceChunks(1).withCopyWorkers(1));
        try (g) {
            VirtualDisk src = g.filledDisk(64, 13);
            byte[] pit = contents(src);
            PairSnapshot p = g.engine.createPair(PairSpec.clone(src.id()));
            for (int i = 0; i < 64; i++) {
                src.write((long) i * CHUNK, bytes(1024, 100 + i)); // races the background copy chunk by chunk
            }
            PairSnapshot done = g.await(p.id(), CopyState.SYNCHRONIZED);
            VirtualDisk clone = g.registry.disk(p.targetDiskId());
            assertArrayEquals(pit, contents(clone), "no write to the source leaked into the clone");
            assertEquals(SyncState.FROZEN, done.syncState());
            assertEquals(CopyMethodology.SNAP_AND_CLONE, done.copyMethodology());
            assertEquals(T0, done.whenSynced());
        }
    }

    @Test
    void cloneResyncCopiesOnlyWhatChangedSinceThePointInTime() {
        VirtualDisk src = f.filledDisk(64, 14);
        PairSnapshot p = f.engine.createPair(PairSpec.clone(src.id()));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        VirtualDisk clone = f.registry.disk(p.targetDiskId());
        f.engine.modify(p.id(), Operation.FRACTURE);
        src.write(3L * CHUNK, bytes(512, 1));
        clone.write(9L * CHUNK, bytes(512, 2));
        long before = f.engine.statistics().chunksCopied();
        f.await(f.engine.modify(p.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
        assertSameBytes(src, clone);
        assertEquals(2, f.engine.statistics().chunksCopied() - before);
    }

    @Test
    void abortedCloneRestartsWithAFullCopyOnResync() {
        EngineFixture g = new EngineFixture(EngineConfig.defaults().withCopyWorkers(1).withSliceChunks(1));
        try (g) {
            VirtualDisk src = g.filledDisk(64, 15);
            PairSnapshot p = g.engine.createPair(PairSpec.clone(src.id()).inactive());
            g.engine.modify(p.id(), Operation.ACTIVATE);
            PairSnapshot aborted;
            try {
                aborted = g.engine.modify(p.id(), Operation.ABORT);
            } catch (InvalidTransitionException alreadyDone) {
                return; // the copy won the race: nothing to abort
            }
            assertEquals(CopyState.ABORTED, aborted.copyState());
            assertEquals(ProgressStatus.REQUIRES_RESYNC, aborted.progressStatus());
            src.write(0, bytes(512, 1));
            g.await(g.engine.modify(p.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
            assertSameBytes(src, g.registry.disk(p.targetDiskId()));
        }
    }

    @Test
    void suspendedCloneKeepsItsPointInTimeAndResumes() {
        VirtualDisk src = f.filledDisk(32, 16);
        byte[] pit = contents(src);
        f.engine.holdCopying(true);
        PairSnapshot p = f.engine.createPair(PairSpec.clone(src.id()));
        assertEquals(CopyState.SUSPENDED, f.engine.modify(p.id(), Operation.SUSPEND).copyState());
        src.write(0, bytes(8 * CHUNK, 17)); // preserved first: the suspended clone still owns its point in time
        f.engine.holdCopying(false);
        PairSnapshot done = f.await(f.engine.modify(p.id(), Operation.RESUME, CopyState.SYNCHRONIZED));
        assertArrayEquals(pit, contents(f.registry.disk(p.targetDiskId())));
        assertEquals(100, done.percentSynced());
    }

    @Test
    void abortedCloneStopsCopyingOnWrite() {
        VirtualDisk src = f.filledDisk(8, 18);
        f.engine.holdCopying(true);
        PairSnapshot p = f.engine.createPair(PairSpec.clone(src.id()));
        f.engine.modify(p.id(), Operation.SUSPEND);
        f.engine.modify(p.id(), Operation.ABORT);
        long cow = f.engine.statistics().chunksCopiedOnWrite();
        src.write(0, bytes(512, 1));
        assertEquals(cow, f.engine.statistics().chunksCopiedOnWrite());
        f.engine.holdCopying(false);
    }
}
