package org.iscsismis.replication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The state table against the transition table and against the spec's rules for the legacy values (seed page and
 * reference): these rules are written here independently of the rows, so a row that breaks one fails.
 */
class PairStateTableTest {

    private static final PairStateTable TABLE = PairStateTable.standard();

    /** The Sync/Async family of SyncState (CopyType 2, 3) and the UnSyncAssoc family (CopyType 4); shared values in both. */
    private static final Set<SyncState> MIRROR_FAMILY = EnumSet.of(SyncState.INITIALIZED, SyncState.RESYNC_IN_PROGRESS,
            SyncState.SYNCHRONIZED, SyncState.FRACTURE_IN_PROGRESS, SyncState.FRACTURED, SyncState.QUIESCE_IN_PROGRESS,
            SyncState.QUIESCED, SyncState.RESTORE_IN_PROGRESS, SyncState.BROKEN);
    private static final Set<SyncState> UNSYNC_ASSOC_FAMILY = EnumSet.of(SyncState.INITIALIZED, SyncState.COPY_IN_PROGRESS,
            SyncState.IDLE, SyncState.FROZEN, SyncState.RESTORE_IN_PROGRESS, SyncState.BROKEN);

    @ParameterizedTest
    @EnumSource(SyncType.class)
    void everyReachableStateHasARowAndEveryRowIsReachable(SyncType type) {
        Set<PairStateTable.State> reachable = ReachableStates.pathsTo(type).keySet();
        Set<PairStateTable.State> rows = new HashSet<>();
        TABLE.rows(type).forEach(r -> rows.add(r.state()));
        assertEquals(reachable, rows);
    }

    @ParameterizedTest
    @EnumSource(SyncType.class)
    void legacyValuesFollowTheSpecRulesOfTheCopyType(SyncType type) {
        for (PairStateTable.Row r : TABLE.rows(type)) {
            String what = type + " " + r.state();
            Set<SyncState> family = type == SyncType.MIRROR ? MIRROR_FAMILY : UNSYNC_ASSOC_FAMILY;
            assertTrue(family.contains(r.syncState()), what + ": " + r.syncState() + " is not a value of its CopyType");
            // "Synchronized: ... When this value is set, SyncMaintained will be true"; only a mirror maintains one
            if (r.syncState() == SyncState.SYNCHRONIZED) {
                assertTrue(r.syncMaintained(), what);
            }
            assertEquals(type == SyncType.MIRROR && r.state().copyState() == CopyState.SYNCHRONIZED, r.syncMaintained(), what);
            assertEquals(r.state().copyState() == CopyState.SYNCHRONIZED, r.percentSynced() == PairStateTable.Percent.FULL,
                    what + ": 100 % exactly when Synchronized");
            if (r.state().activity() != null) {
                assertEquals(r.state().activity(), r.progressStatus(), what);
                assertEquals(SyncState.RESTORE_IN_PROGRESS == r.syncState(), r.state().activity() == ProgressStatus.RESTORING, what);
            }
            if (r.state().copyState() == CopyState.BROKEN || r.state().copyState() == CopyState.PARTITIONED) {
                assertEquals(SyncState.BROKEN, r.syncState(), what);
            }
            assertFalse(r.whenSynced() == PairStateTable.Moment.NULL && r.percentSynced() == PairStateTable.Percent.FULL
                    && type != SyncType.MIRROR, what + ": a finished point in time has a time");
        }
    }

    @Test
    void theIssuesContradictionsAreGone() {
        assertNotEquals(SyncState.IDLE, TABLE.row(SyncType.MIRROR, CopyState.ABORTED, null).syncState(), "an aborted Sync mirror is not Idle");
        for (PairStateTable.Row r : TABLE.rows(SyncType.CLONE)) {
            assertFalse(List.of(SyncState.FRACTURED, SyncState.QUIESCED).contains(r.syncState()), "a clone is never " + r.syncState());
        }
        assertNotEquals(TABLE.row(SyncType.SNAPSHOT, CopyState.SYNCHRONIZED, null).syncState(),
                TABLE.row(SyncType.SNAPSHOT, CopyState.INACTIVE, null).syncState(), "active and deactivated snapshots differ");
        assertNull(TABLE.row(SyncType.CLONE, CopyState.SYNCHRONIZED, null).readOnly(), "a finished clone is not left read-only");
        assertEquals(PairStateTable.Moment.NULL, TABLE.row(SyncType.SNAPSHOT, CopyState.INACTIVE, null).whenSynchronized(),
                "a deactivated snapshot keeps no point in time");
        assertEquals(PairStateTable.Percent.IN_STEP, TABLE.row(SyncType.MIRROR, CopyState.ABORTED, null).percentSynced());
    }
}
