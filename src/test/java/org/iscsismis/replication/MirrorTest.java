package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

class MirrorTest {

    private final EngineFixture f = new EngineFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void synchronousMirrorCopiesThenForwardsEveryHostWrite() {
        VirtualDisk src = f.filledDisk(32, 1);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        assertEquals(EngineFixture.T0, p.whenEstablished());
        PairSnapshot synced = f.await(p.id(), CopyState.SYNCHRONIZED);
        assertSameBytes(src, tgt);
        assertEquals(SyncState.SYNCHRONIZED, synced.syncState());
        assertEquals(ProgressStatus.COMPLETED, synced.progressStatus());
        assertEquals(CopyType.SYNC, synced.copyType());
        assertEquals(ReplicaType.FULL_COPY, synced.replicaType());
        assertTrue(synced.syncMaintained());
        assertEquals(100, synced.percentSynced());
        assertEquals(CopyState.NOT_APPLICABLE, synced.requestedCopyState());
        assertEquals(16, synced.chunksCopied(), "only the 16 written chunks are copied; holes stay holes");

        src.write(CHUNK + 1024, bytes(4096, 9));
        assertArrayEquals(bytes(4096, 9), tgt.read(CHUNK + 1024, 4096), "a synchronous write is on the target when it returns");
        assertSameBytes(src, tgt);
    }

    @Test
    void targetIsReadOnlyToHostsWhileMirrored() {
        VirtualDisk src = f.filledDisk(4, 1);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        DiskIoException e = assertThrows(DiskIoException.class, () -> tgt.write(0, new byte[512]));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }

    @Test
    void asynchronousMirrorFollowsWithinItsLagBound() {
        EngineFixture g = new EngineFixture(EngineConfig.defaults().withAsyncMaxLagChunks(4));
        try (g) {
            VirtualDisk src = g.filledDisk(64, 2);
            PairSnapshot p = g.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
            g.await(p.id(), CopyState.SYNCHRONIZED);
            for (int i = 0; i < 64; i++) {
                src.write((long) i * CHUNK, bytes(512, i));
                assertTrue(g.engine.pair(p.id()).lagChunks() <= 4 + 1, "lag stays bounded");
            }
            awaitCondition("async drain", () -> g.engine.pair(p.id()).lagChunks() == 0);
            assertSameBytes(src, g.registry.disk(p.targetDiskId()));
            assertEquals(CopyType.ASYNC, g.engine.pair(p.id()).copyType());
        }
    }

    @Test
    void resyncAfterFractureCopiesOnlyTheDirtyChunks() {
        VirtualDisk src = f.filledDisk(64, 3);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        PairSnapshot fr = f.engine.modify(p.id(), Operation.FRACTURE);
        assertEquals(CopyState.FRACTURED, fr.copyState());
        assertEquals(SyncState.FRACTURED, fr.syncState());
        src.write(5L * CHUNK, bytes(512, 50));
        src.write(6L * CHUNK + 512, bytes(CHUNK, 51)); // spans chunks 6 and 7
        tgt.write(40L * CHUNK, bytes(512, 52));          // the host may write a fractured target
        assertFalse(java.util.Arrays.equals(contents(src), contents(tgt)));
        long before = f.engine.pair(p.id()).chunksCopied();
        long engineBefore = f.engine.statistics().chunksCopied();
        f.await(f.engine.modify(p.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
        assertSameBytes(src, tgt);
        assertEquals(4, f.engine.pair(p.id()).chunksCopied() - before, "chunks 5, 6, 7 and 40 only");
        assertEquals(4, f.engine.statistics().chunksCopied() - engineBefore);
    }

    @Test
    void restorePutsTheReplicaBackOntoTheSource() {
        VirtualDisk src = f.filledDisk(16, 4);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        byte[] atFracture = contents(src);
        f.engine.modify(p.id(), Operation.SPLIT);
        f.await(p.id(), CopyState.SPLIT);
        src.write(0, bytes(3 * CHUNK, 7));
        f.await(f.engine.modify(p.id(), Operation.RESTORE_FROM_REPLICA, CopyState.SYNCHRONIZED));
        assertArrayEquals(atFracture, contents(src));
        assertSameBytes(src, tgt);
        assertEquals(3, f.engine.statistics().chunksRestored());
    }

    @Test
    void failingTargetBreaksThePairAndAutomaticRecoveryResyncs() {
        VirtualDisk src = f.filledDisk(16, 5);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        tgt.faults().offline(true);
        PairSnapshot broken = f.engine.pair(p.id());
        assertEquals(CopyState.BROKEN, broken.copyState());
        assertEquals(SyncState.BROKEN, broken.syncState());
        assertTrue(broken.faultCause().contains(tgt.id()) && broken.faultCause().contains("offline"), broken.faultCause());
        src.write(3L * CHUNK, bytes(512, 1)); // no FailedCopyStopsHostIO: host I/O continues, tracked for resync
        tgt.faults().offline(false);
        f.await(p.id(), CopyState.SYNCHRONIZED);
        assertSameBytes(src, tgt);
    }

    @Test
    void failedCopyStopsHostIoRefusesSourceWritesWhileBroken() {
        VirtualDisk src = f.filledDisk(8, 6);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS)
                .stopHostIoOnFailure(true).recovery(CopyRecoveryMode.MANUAL));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        tgt.faults().failWrites(true);
        assertEquals(CopyState.BROKEN, f.engine.pair(p.id()).copyState());
        byte[] before = contents(src);
        DiskIoException e = assertThrows(DiskIoException.class, () -> src.write(0, bytes(512, 2)));
        assertTrue(e.getMessage().contains("FailedCopyStopsHostIO"), e.getMessage());
        assertArrayEquals(before, contents(src), "the refused write changed nothing");
        tgt.faults().clear();
        assertEquals(CopyState.SUSPENDED, f.engine.pair(p.id()).copyState(), "Manual recovery waits, Suspended");
        f.await(f.engine.modify(p.id(), Operation.RESUME, CopyState.SYNCHRONIZED));
        src.write(0, bytes(512, 2));
        assertSameBytes(src, tgt);
    }

    @Test
    void pathDownPartitionsThePairAndKeepsTheCause() {
        VirtualDisk src = f.filledDisk(8, 7);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        PairSnapshot part = f.engine.setPathDown(p.id(), true);
        assertEquals(CopyState.PARTITIONED, part.copyState());
        assertTrue(part.faultCause().contains("path"));
        src.write(0, bytes(512, 3));
        f.engine.setPathDown(p.id(), false);
        f.await(p.id(), CopyState.SYNCHRONIZED);
        assertSameBytes(src, f.registry.disk(p.targetDiskId()));
    }

    @Test
    void whenInstantsComeFromTheInjectedClock() {
        VirtualDisk src = f.filledDisk(4, 8);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS).inactive());
        assertEquals(CopyState.INITIALIZED, p.copyState());
        assertNull(p.whenActivated());
        f.clock.advance(Duration.ofMinutes(1));
        f.engine.modify(p.id(), Operation.ACTIVATE);
        PairSnapshot s = f.await(p.id(), CopyState.SYNCHRONIZED);
        assertEquals(T0, s.whenEstablished());
        assertEquals(T0.plusSeconds(60), s.whenActivated());
        assertEquals(T0.plusSeconds(60), s.whenSynchronized());
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(T0.plusSeconds(120), f.engine.modify(p.id(), Operation.SUSPEND).whenSuspended());
    }

    @Test
    void detachEndsTheAssociationAndKeepsBothDisks() {
        VirtualDisk src = f.filledDisk(4, 9);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        f.engine.modify(p.id(), Operation.DETACH);
        assertTrue(f.engine.findPair(p.id()).isEmpty());
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        tgt.write(0, new byte[512]);
        assertFalse(src.isInUse());
        assertFalse(tgt.isInUse());
    }

    @Test
    void fractureWhileSplittingAbandonsTheSplit() {
        VirtualDisk src = f.filledDisk(16, 10);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        f.engine.holdCopying(true);
        src.write(0, bytes(512, 1)); // one chunk queued for the async target
        PairSnapshot splitting = f.engine.modify(p.id(), Operation.SPLIT);
        assertEquals(ProgressStatus.SPLITTING, splitting.progressStatus());
        assertEquals(CopyState.SPLIT, splitting.requestedCopyState());
        PairSnapshot fractured = f.engine.modify(p.id(), Operation.FRACTURE);
        assertEquals(CopyState.FRACTURED, fractured.copyState());
        assertNull(fractured.workProgress(), "the split's drain was abandoned");
        f.engine.holdCopying(false);
        f.await(f.engine.modify(p.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
        assertSameBytes(src, f.registry.disk(p.targetDiskId()));
    }
}
