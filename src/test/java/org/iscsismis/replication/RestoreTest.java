package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Restore From Replica writes the source through the one write path its other pairs see, and only from a whole copy. */
class RestoreTest {

    private final EngineFixture f = new EngineFixture(EngineConfig.defaults().withCopyWorkers(1).withSliceChunks(1));

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aRestoreReachesEveryOtherPairOfTheSource() {
        VirtualDisk src = f.filledDisk(16, 1);
        PairSnapshot sync = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        PairSnapshot async = f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
        f.await(sync.id(), CopyState.SYNCHRONIZED);
        f.await(async.id(), CopyState.SYNCHRONIZED);
        PairSnapshot restoreFrom = f.engine.createPair(PairSpec.snapshot(src.id()));
        byte[] restorePoint = contents(src);
        src.write(0, bytes(4 * CHUNK, 2));
        src.write(9L * CHUNK, bytes(512, 3));
        PairSnapshot witness = f.engine.createPair(PairSpec.snapshot(src.id()));
        byte[] witnessPoint = contents(src);
        f.engine.holdCopying(true);
        PairSnapshot clone = f.engine.createPair(PairSpec.clone(src.id()));

        var restored = f.engine.modify(restoreFrom.id(), Operation.RESTORE_FROM_REPLICA, CopyState.SYNCHRONIZED);
        f.engine.holdCopying(false); // the restore and the clone's copy now run side by side
        f.await(restored);

        assertArrayEquals(restorePoint, contents(src), "the source is back at the snapshot's point in time");
        assertSameBytes(src, f.registry.disk(sync.targetDiskId()));
        PairSnapshot syncNow = f.engine.pair(sync.id());
        assertEquals(CopyState.SYNCHRONIZED, syncNow.copyState());
        assertEquals(0, syncNow.lagChunks());
        awaitCondition("async mirror drained", () -> f.engine.pair(async.id()).lagChunks() == 0);
        assertSameBytes(src, f.registry.disk(async.targetDiskId()));
        assertArrayEquals(witnessPoint, contents(f.registry.disk(witness.targetDiskId())), "the other snapshot kept its point in time");
        f.await(clone.id(), CopyState.SYNCHRONIZED);
        assertArrayEquals(witnessPoint, contents(f.registry.disk(clone.targetDiskId())), "the clone copied its own point in time");
        assertEquals(5, f.engine.statistics().chunksRestored(), "chunks 0-3 and 9");
    }

    @Test
    void aMirrorThatNeverFinishedItsFirstCopyCannotRestore() {
        VirtualDisk src = f.filledDisk(16, 4);
        f.engine.holdCopying(true);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.engine.modify(p.id(), Operation.FRACTURE);
        byte[] before = contents(src);
        InvalidTransitionException e = assertThrows(InvalidTransitionException.class,
                () -> f.engine.modify(p.id(), Operation.RESTORE_FROM_REPLICA));
        assertTrue(e.getMessage().contains("does not hold a complete copy of " + src.id()), e.getMessage());
        assertEquals(CopyState.FRACTURED, f.engine.pair(p.id()).copyState(), "nothing changed");
        f.engine.holdCopying(false);
        assertArrayEquals(before, contents(src));
    }

    @Test
    void aResyncInterruptedHalfwayLeavesNoWholeCopyToRestore() {
        VirtualDisk src = f.filledDisk(16, 5);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(p.id(), CopyState.SYNCHRONIZED);
        f.engine.modify(p.id(), Operation.FRACTURE);
        src.write(0, bytes(8 * CHUNK, 6));
        f.engine.holdCopying(true);
        f.engine.modify(p.id(), Operation.RESYNC_REPLICA);
        f.engine.modify(p.id(), Operation.FRACTURE);
        assertThrows(InvalidTransitionException.class, () -> f.engine.modify(p.id(), Operation.RESTORE_FROM_REPLICA));
        f.engine.holdCopying(false);
        f.await(f.engine.modify(p.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
        f.engine.modify(p.id(), Operation.FRACTURE);
        byte[] fractured = contents(src);
        src.write(0, bytes(CHUNK, 7));
        f.await(f.engine.modify(p.id(), Operation.RESTORE_FROM_REPLICA, CopyState.SYNCHRONIZED));
        assertArrayEquals(fractured, contents(src), "a finished resync makes the copy whole again");
    }

    @Test
    void oneRestoreOfADiskRunsAtATime() {
        VirtualDisk src = f.filledDisk(8, 8);
        PairSnapshot a = f.engine.createPair(PairSpec.snapshot(src.id()));
        PairSnapshot b = f.engine.createPair(PairSpec.snapshot(src.id()));
        src.write(0, bytes(2 * CHUNK, 9));
        f.engine.holdCopying(true);
        f.engine.modify(a.id(), Operation.RESTORE_FROM_REPLICA);
        InvalidTransitionException e = assertThrows(InvalidTransitionException.class,
                () -> f.engine.modify(b.id(), Operation.RESTORE_FROM_REPLICA));
        assertTrue(e.getMessage().contains("is being restored from pair " + a.id()), e.getMessage());
        assertTrue(e.elementInUse(), "the source is busy, not the pair's state wrong");
        assertEquals(CopyState.SYNCHRONIZED, f.engine.pair(b.id()).copyState());
        f.engine.holdCopying(false);
        f.await(a.id(), CopyState.SYNCHRONIZED);
        f.await(f.engine.modify(b.id(), Operation.RESTORE_FROM_REPLICA, CopyState.SYNCHRONIZED));
    }

    @Test
    void aHostWriteToAChunkStillOwedLandsOnTheRestoredChunk() {
        VirtualDisk src = f.filledDisk(8, 10);
        byte[] pit = contents(src);
        PairSnapshot snap = f.engine.createPair(PairSpec.snapshot(src.id()));
        PairSnapshot sync = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        f.await(sync.id(), CopyState.SYNCHRONIZED);
        src.write(0, bytes(3 * CHUNK, 11));
        f.engine.holdCopying(true);
        f.engine.modify(snap.id(), Operation.RESTORE_FROM_REPLICA);
        byte[] block = bytes(512, 12);
        src.write(CHUNK + 1024, block); // chunk 1 is owed: restored first, then written
        System.arraycopy(block, 0, pit, CHUNK + 1024, 512);
        assertSameBytes(src, f.registry.disk(sync.targetDiskId()));
        f.engine.holdCopying(false);
        f.await(snap.id(), CopyState.SYNCHRONIZED);
        assertArrayEquals(pit, contents(src));
        assertSameBytes(src, f.registry.disk(sync.targetDiskId()));
    }
}
