package org.iscsismis.iscsi.provider;

import static org.iscsismis.replication.CopyState.*;
import static org.iscsismis.replication.Operation.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.SyncType;
import org.iscsismis.replication.TransitionTable;
import org.junit.jupiter.api.Test;

/** What the capabilities say the engine supports, read from its transition table. */
class ReplicationCapabilitiesTest {

    final ReplicationCapabilities support = ReplicationCapabilities.standard();

    @Test
    void replicationTypesMapToTheEngineSyncTypes() {
        assertEquals(SyncType.MIRROR, support.syncTypeOf(2).orElseThrow());
        assertEquals(SyncType.MIRROR, support.syncTypeOf(3).orElseThrow());
        assertEquals(SyncType.SNAPSHOT, support.syncTypeOf(6).orElseThrow());
        assertEquals(SyncType.CLONE, support.syncTypeOf(10).orElseThrow());
        for (int unsupported : List.of(4, 5, 7, 11, 14, 18, 26)) {
            assertTrue(support.syncTypeOf(unsupported).isEmpty(), "type " + unsupported);
        }
        assertEquals(List.of(Mode.SYNCHRONOUS, Mode.ASYNCHRONOUS), support.modes(SyncType.MIRROR));
        assertEquals(List.of(Mode.SYNCHRONOUS), support.modes(SyncType.CLONE));
    }

    @Test
    void mirrorOperationsAreTheTableRows() {
        assertEquals(List.of(ABORT, ACTIVATE, DETACH, DISSOLVE, FRACTURE, RESYNC_REPLICA, RESTORE_FROM_REPLICA, RESUME,
                RESET_TO_SYNC, RESET_TO_ASYNC, Operation.SPLIT, SUSPEND), support.operations(SyncType.MIRROR, null));
        assertEquals(List.of(DETACH, DISSOLVE, RESYNC_REPLICA, RESTORE_FROM_REPLICA, RESET_TO_SYNC, RESET_TO_ASYNC),
                support.operations(SyncType.MIRROR, FRACTURED));
        assertEquals(List.of(), support.operations(SyncType.MIRROR, INACTIVE));
    }

    @Test
    void snapshotsNeitherFractureNorSplitButReturnToThePool() {
        List<Operation> ops = support.operations(SyncType.SNAPSHOT, null);
        assertFalse(ops.contains(FRACTURE));
        assertFalse(ops.contains(Operation.SPLIT));
        assertTrue(ops.contains(RETURN_TO_RESOURCE_POOL));
        assertTrue(ops.contains(DEACTIVATE));
        // a snapshot's target holds only the preserved chunks: it is never detached or dissolved, in any state
        for (CopyState s : CopyState.values()) {
            assertFalse(support.operations(SyncType.SNAPSHOT, s).contains(DETACH), s::toString);
            assertFalse(support.operations(SyncType.SNAPSHOT, s).contains(DISSOLVE), s::toString);
        }
        assertTrue(support.operations(SyncType.SNAPSHOT, INACTIVE).contains(RETURN_TO_RESOURCE_POOL));
        assertTrue(support.features(SyncType.SNAPSHOT).contains(16));
    }

    @Test
    void theOperationsAreExactlyTheEngineTable() {
        // what a CIM client is allowed and what a direct engine caller is allowed are one table
        TransitionTable table = TransitionTable.standard();
        for (SyncType t : SyncType.values()) {
            for (CopyState s : CopyState.values()) {
                for (Operation op : Operation.values()) {
                    assertEquals(table.find(t, s, op), support.transition(t, s, op), t + " " + s + " " + op);
                }
            }
        }
    }

    @Test
    void everyKindHasTheModesAndRecoveryTheEngineRuns() {
        assertEquals(List.of(2, 3, 6, 10), support.replicationTypes());
        assertEquals(List.of(Mode.SYNCHRONOUS), support.modes(SyncType.SNAPSHOT));
        for (SyncType t : SyncType.values()) {
            assertEquals(Mode.SYNCHRONOUS, support.defaultMode(t));
        }
        assertEquals(List.of(CopyRecoveryMode.MANUAL), support.recoveryModes(SyncType.SNAPSHOT));
        assertFalse(support.features(SyncType.SNAPSHOT).contains(15), "a snapshot never recovers by itself");
        assertTrue(support.features(SyncType.MIRROR).contains(15));
        assertTrue(support.features(SyncType.CLONE).contains(51), "the client names a new target");
    }

    @Test
    void copyStatesAreTheStatesATypeCanReach() {
        assertEquals(List.of(INITIALIZED, UNSYNCHRONIZED, SYNCHRONIZED, BROKEN, FRACTURED, CopyState.SPLIT, SUSPENDED, ABORTED, PARTITIONED),
                support.copyStates(SyncType.MIRROR));
        assertEquals(List.of(INITIALIZED, UNSYNCHRONIZED, SYNCHRONIZED, BROKEN, INACTIVE, ABORTED, PARTITIONED),
                support.copyStates(SyncType.SNAPSHOT));
        assertFalse(support.copyStates(SyncType.CLONE).contains(CopyState.SPLIT));
    }

    @Test
    void statesToWaitFor() {
        assertEquals(List.of(UNSYNCHRONIZED, SYNCHRONIZED), support.statesAfter(SyncType.MIRROR, RESYNC_REPLICA));
        assertEquals(List.of(FRACTURED), support.statesAfter(SyncType.MIRROR, FRACTURE));
        assertEquals(List.of(SYNCHRONIZED, CopyState.SPLIT), support.statesAfter(SyncType.MIRROR, Operation.SPLIT));
        assertEquals(List.of(), support.statesAfter(SyncType.MIRROR, DETACH)); // the association is gone
        assertEquals(List.of(INITIALIZED, UNSYNCHRONIZED, SYNCHRONIZED), support.statesAfterCreate(SyncType.CLONE));
        assertEquals(List.of(INITIALIZED, SYNCHRONIZED), support.statesAfterCreate(SyncType.SNAPSHOT));
    }
}
