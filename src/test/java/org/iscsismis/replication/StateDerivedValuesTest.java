package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** The contradictions a client saw, one by one: values that follow the state and the data, not the way there. */
class StateDerivedValuesTest {

    private final EngineFixture f = new EngineFixture(EngineConfig.defaults().withCopyWorkers(1).withSliceChunks(1));

    @AfterEach
    void close() {
        f.close();
    }

    /** Every chunk written: a chunk in step is then one whose bytes agree. */
    private VirtualDisk fullDisk(int chunks, long seed) {
        VirtualDisk d = f.disk(chunks);
        for (int c = 0; c < chunks; c++) {
            d.write((long) c * CHUNK, bytes(CHUNK, seed + c));
        }
        return d;
    }

    @Test
    void aFracturedMirrorShowsWhatIsInStepWhicheverWayItGotThere() {
        VirtualDisk a = fullDisk(4, 1);
        VirtualDisk b = fullDisk(4, 1);
        f.engine.holdCopying(true);
        PairSnapshot early = f.engine.createPair(PairSpec.mirror(a.id(), Mode.SYNCHRONOUS));
        assertEquals(0, f.engine.modify(early.id(), Operation.FRACTURE).percentSynced(), "fractured before any chunk moved");
        f.engine.holdCopying(false);
        PairSnapshot late = f.engine.createPair(PairSpec.mirror(b.id(), Mode.SYNCHRONOUS));
        f.await(late.id(), CopyState.SYNCHRONIZED);
        f.await(f.engine.modify(early.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
        f.engine.modify(early.id(), Operation.FRACTURE);
        f.engine.modify(late.id(), Operation.FRACTURE);
        a.write(0, bytes(512, 9));
        b.write(0, bytes(512, 9));
        assertEquals(75, f.engine.pair(early.id()).percentSynced(), "3 of 4 chunks in step");
        assertEquals(75, f.engine.pair(late.id()).percentSynced(), "the same state and extent show the same value");
    }

    @Test
    void aCloneAtAThirdStaysThereThroughSuspendAndResume() {
        VirtualDisk src = fullDisk(6, 2);
        f.engine.holdCopying(true);
        PairSnapshot p = f.engine.createPair(PairSpec.clone(src.id()));
        src.write(0, bytes(512, 3));      // preserved first: chunks 0 and 1 of 6 are on the clone
        src.write(CHUNK, bytes(512, 4));
        assertEquals(33, f.engine.pair(p.id()).percentSynced());
        assertEquals(33, f.engine.modify(p.id(), Operation.SUSPEND).percentSynced());
        assertEquals(33, f.engine.modify(p.id(), Operation.RESUME).percentSynced());
        f.engine.holdCopying(false);
        assertEquals(100, f.await(p.id(), CopyState.SYNCHRONIZED).percentSynced());
    }

    @Test
    void anAbortedMirrorIsNeverAtAHundredNorIdle() {
        VirtualDisk src = fullDisk(4, 5);
        f.engine.holdCopying(true);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
        PairSnapshot aborted = f.engine.modify(p.id(), Operation.ABORT);
        assertEquals(0, aborted.percentSynced());
        assertEquals(SyncState.FRACTURED, aborted.syncState());
        assertEquals(ProgressStatus.REQUIRES_RESYNC, aborted.progressStatus());
    }

    @Test
    void aDeactivatedSnapshotKeepsNoPointInTimeAndLooksDeactivated() {
        VirtualDisk src = fullDisk(4, 6);
        PairSnapshot active = f.engine.createPair(PairSpec.snapshot(src.id()));
        assertEquals(T0, active.whenSynced());
        assertEquals(T0, active.whenSynchronized());
        assertEquals(SyncState.IDLE, active.syncState());
        f.clock.advance(Duration.ofMinutes(1));
        PairSnapshot inactive = f.engine.modify(active.id(), Operation.DEACTIVATE);
        assertNull(inactive.whenSynced());
        assertNull(inactive.whenSynchronized());
        assertEquals(T0.plusSeconds(60), inactive.whenDeactivated());
        assertEquals(SyncState.INITIALIZED, inactive.syncState());
        assertEquals(0, inactive.percentSynced());
        f.clock.advance(Duration.ofMinutes(1));
        PairSnapshot again = f.engine.modify(active.id(), Operation.ACTIVATE);
        assertEquals(T0.plusSeconds(120), again.whenSynced(), "a new point in time");
    }

    @Test
    void aFinishedCloneIsTheHostsToWrite() {
        VirtualDisk src = fullDisk(4, 7);
        PairSnapshot p = f.engine.createPair(PairSpec.clone(src.id()));
        PairSnapshot done = f.await(p.id(), CopyState.SYNCHRONIZED);
        assertTrue(done.readOnly().isEmpty());
        VirtualDisk clone = f.registry.disk(p.targetDiskId());
        clone.write(0, bytes(512, 8));
        assertArrayEquals(bytes(512, 8), clone.read(0, 512));
        f.await(f.engine.modify(p.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
        assertSameBytes(src, clone); // the host's write was tracked and copied over by the resync
    }

    @Test
    void aResetToSyncWhileCopyingKeepsTheRequestOfTheCopy() {
        VirtualDisk src = fullDisk(4, 9);
        f.engine.holdCopying(true);
        PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS));
        PairSnapshot reset = f.engine.modify(p.id(), Operation.RESET_TO_SYNC);
        assertEquals(CopyState.UNSYNCHRONIZED, reset.copyState());
        assertEquals(CopyState.SYNCHRONIZED, reset.requestedCopyState(), "the copy still heads for Synchronized");
        assertEquals(Mode.SYNCHRONOUS, reset.mode());
    }
}
