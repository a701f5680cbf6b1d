package org.iscsismis.replication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.iscsismis.replication.CopyState.*;

/**
 * What a pair shows in each state, as data: (SyncType, CopyState, running work) ──▶ the values of the
 * state-dependent properties of its CIM_StorageSynchronized instance. {@link PairSnapshot} derives ProgressStatus,
 * SyncState, SyncMaintained, PercentSynced and ReadOnly from the row, and the engine lets hosts write a target exactly
 * where the row's ReadOnly is NULL; RequestedCopyState and the When* instants are facts the engine records, and the
 * row says which of them a state can show. There is a row for every state the {@link TransitionTable} can reach
 * (a test checks it), and docs/model.md prints the rows.
 *
 * <p>The legacy SyncState follows the CopyType: a mirror (Sync, Async) shows the Sync/Async family (Resync In
 * Progress, Synchronized, Fracture In Progress, Fractured, Quiesced); a snapshot or clone (UnSyncAssoc) shows the
 * UnSyncAssoc family (Copy In Progress, Idle, Frozen). Initialized, Restore In Progress and Broken are shared.
 */
public final class PairStateTable {

    /** A state a pair can be in: its CopyState and the ProgressStatus of the work running, or {@code null} at rest. */
    public record State(SyncType type, CopyState copyState, ProgressStatus activity) {
        public State {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(copyState, "copyState");
        }
    }

    /** How PercentSynced is found. */
    public enum Percent {
        FULL("100"),
        NONE("0"),
        /** floor(100 × chunks in step / all chunks), never 100: only a Synchronized pair shows 100. */
        IN_STEP("in step, ≤ 99");

        private final String description;

        Percent(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Which RequestedCopyState a state shows. */
    public enum Requested {
        NOT_APPLICABLE("Not Applicable (15)"),
        SYNCHRONIZED("Synchronized (4)"),
        SPLIT("Split (7)"),
        /** A failure or a manual recovery leaves the request of the work it interrupted in place. */
        NOT_APPLICABLE_OR_INTERRUPTED("Not Applicable (15), or an interrupted request");

        private final String description;

        Requested(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Which instant WhenSynced or WhenSynchronized shows. */
    public enum Moment {
        NULL("NULL", false),
        SYNCHRONIZED("last became Synchronized", true),
        SYNCHRONIZED_OR_NULL("last became Synchronized, or NULL", false),
        POINT_IN_TIME("its point in time", true),
        POINT_IN_TIME_OR_NULL("point in time of its finished copy, or NULL", false),
        COPY_SYNCHRONIZED_OR_NULL("finished copy last became Synchronized, or NULL", false);

        private final String description;
        private final boolean alwaysSet;

        Moment(String description, boolean alwaysSet) {
            this.description = description;
            this.alwaysSet = alwaysSet;
        }

        public String description() {
            return description;
        }

        /** True if every pair in a state with this moment has the instant; false: NULL, or NULL until it happens. */
        public boolean alwaysSet() {
            return alwaysSet;
        }
    }

    /** The values one state shows; {@code readOnly} null means NULL (no element is read-only to hosts). */
    public record Row(State state, ProgressStatus progressStatus, SyncState syncState, boolean syncMaintained, Percent percentSynced,
                      ReadOnlyElement readOnly, Requested requested, Moment whenSynced, Moment whenSynchronized) {
    }

    private static final PairStateTable STANDARD = new PairStateTable();

    private final Map<State, Row> rows = new LinkedHashMap<>();
    /** The rows by [SyncType][CopyState][no work, or the work's ProgressStatus]: every instance a client reads looks here. */
    private final Row[][][] index = new Row[SyncType.values().length][CopyState.values().length][ProgressStatus.values().length + 1];

    public static PairStateTable standard() {
        return STANDARD;
    }

    private PairStateTable() {
        mirrorRows();
        snapshotRows();
        cloneRows();
    }

    private void mirrorRows() {
        RowBuilder m = new RowBuilder(SyncType.MIRROR);
        m.moments(Moment.SYNCHRONIZED_OR_NULL, Moment.SYNCHRONIZED_OR_NULL);
        m.rest(INITIALIZED, SyncState.INITIALIZED, Percent.NONE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        m.working(UNSYNCHRONIZED, ProgressStatus.SYNCHRONIZING, SyncState.RESYNC_IN_PROGRESS, Requested.SYNCHRONIZED);
        m.working(UNSYNCHRONIZED, ProgressStatus.RESYNCING, SyncState.RESYNC_IN_PROGRESS, Requested.SYNCHRONIZED);
        m.working(UNSYNCHRONIZED, ProgressStatus.RESTORING, SyncState.RESTORE_IN_PROGRESS, Requested.SYNCHRONIZED);
        m.rest(BROKEN, SyncState.BROKEN, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
        m.rest(FRACTURED, SyncState.FRACTURED, Percent.IN_STEP, null, Requested.NOT_APPLICABLE);
        m.rest(CopyState.SPLIT, SyncState.FRACTURED, Percent.IN_STEP, null, Requested.NOT_APPLICABLE);
        m.rest(SUSPENDED, SyncState.QUIESCED, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
        // an aborted copy must be resynced, like a fractured one: for a Sync/Async mirror that is Fractured, not Idle
        m.rest(ABORTED, SyncState.FRACTURED, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        m.rest(PARTITIONED, SyncState.BROKEN, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
        m.moments(Moment.SYNCHRONIZED, Moment.SYNCHRONIZED);
        m.synced(null, SyncState.SYNCHRONIZED, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        m.synced(ProgressStatus.SPLITTING, SyncState.FRACTURE_IN_PROGRESS, ReadOnlyElement.SYNCED_ELEMENT, Requested.SPLIT);
    }

    private void snapshotRows() {
        RowBuilder s = new RowBuilder(SyncType.SNAPSHOT);
        s.moments(Moment.NULL, Moment.NULL); // no point in time: not yet taken, deactivated, or lost to a failure
        s.rest(INITIALIZED, SyncState.INITIALIZED, Percent.NONE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        s.rest(INACTIVE, SyncState.INITIALIZED, Percent.NONE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        s.rest(BROKEN, SyncState.BROKEN, Percent.NONE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
        s.rest(PARTITIONED, SyncState.BROKEN, Percent.NONE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
        s.moments(Moment.POINT_IN_TIME, Moment.SYNCHRONIZED);
        s.synced(null, SyncState.IDLE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        s.working(UNSYNCHRONIZED, ProgressStatus.RESTORING, SyncState.RESTORE_IN_PROGRESS, Requested.SYNCHRONIZED);
        s.rest(ABORTED, SyncState.IDLE, Percent.NONE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
    }

    private void cloneRows() {
        RowBuilder c = new RowBuilder(SyncType.CLONE);
        c.moments(Moment.NULL, Moment.NULL); // no finished copy yet: a copy of a new point in time runs or is to run
        c.rest(INITIALIZED, SyncState.INITIALIZED, Percent.NONE, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        c.working(UNSYNCHRONIZED, ProgressStatus.SYNCHRONIZING, SyncState.COPY_IN_PROGRESS, Requested.SYNCHRONIZED);
        c.working(UNSYNCHRONIZED, ProgressStatus.RESYNCING, SyncState.COPY_IN_PROGRESS, Requested.SYNCHRONIZED);
        c.moments(Moment.POINT_IN_TIME, Moment.SYNCHRONIZED);
        // a finished clone stands alone: all blocks copied, the copy engine stopped, the target the host's to write
        c.synced(null, SyncState.FROZEN, null, Requested.NOT_APPLICABLE);
        c.rest(FRACTURED, SyncState.FROZEN, Percent.IN_STEP, null, Requested.NOT_APPLICABLE);
        c.working(UNSYNCHRONIZED, ProgressStatus.RESTORING, SyncState.RESTORE_IN_PROGRESS, Requested.SYNCHRONIZED);
        c.moments(Moment.POINT_IN_TIME_OR_NULL, Moment.COPY_SYNCHRONIZED_OR_NULL);
        c.rest(SUSPENDED, SyncState.IDLE, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
        c.rest(ABORTED, SyncState.IDLE, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE);
        c.rest(BROKEN, SyncState.BROKEN, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
        c.rest(PARTITIONED, SyncState.BROKEN, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, Requested.NOT_APPLICABLE_OR_INTERRUPTED);
    }

    /** The row of a state; {@link IllegalStateException} for a state no pair can reach. */
    public Row row(SyncType type, CopyState copyState, ProgressStatus activity) {
        Row r = index[type.ordinal()][copyState.ordinal()][slot(activity)];
        if (r == null) {
            throw new IllegalStateException("no row for a " + type.displayName() + " in " + copyState.displayName()
                    + (activity == null ? "" : " (" + activity.displayName() + ")"));
        }
        return r;
    }

    /** The rows of one SyncType, by CopyState code, the state at rest before the states with work running. */
    public List<Row> rows(SyncType type) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows.values()) {
            if (r.state().type() == type) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing((Row r) -> r.state().copyState())
                .thenComparing(r -> r.state().activity(), Comparator.nullsFirst(Comparator.naturalOrder())));
        return Collections.unmodifiableList(out);
    }

    /**
     * Whether hosts may use (read and write) the target of a pair of {@code type} in {@code copyState}: its ReadOnly
     * is NULL in every row of that CopyState, whatever work runs. GetSupportedCopyStates' HostAccessible answers this.
     */
    public boolean hostAccessible(SyncType type, CopyState copyState) {
        return allWritable(r -> r.state().type() == type && r.state().copyState() == copyState);
    }

    /** The legacy SyncStates in which hosts may use a target, whatever the pair's kind (HostAccessibleState). */
    public List<SyncState> hostAccessibleSyncStates() {
        List<SyncState> out = new ArrayList<>();
        for (SyncState sync : SyncState.values()) {
            if (allWritable(r -> r.syncState() == sync)) {
                out.add(sync);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** True if some row matches and every matching row leaves the target writable. */
    private boolean allWritable(java.util.function.Predicate<Row> matching) {
        boolean any = false;
        for (Row r : rows.values()) {
            if (matching.test(r)) {
                if (r.readOnly() != null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static int slot(ProgressStatus activity) {
        return activity == null ? 0 : activity.ordinal() + 1;
    }

    // ------------------------------------------------------------------ what does not depend on the state

    public static CopyType copyType(SyncType type, Mode mode) {
        if (type == SyncType.MIRROR) {
            return mode == Mode.ASYNCHRONOUS ? CopyType.ASYNC : CopyType.SYNC;
        }
        return CopyType.UNSYNC_ASSOC;
    }

    public static ReplicaType replicaType(SyncType type) {
        return type == SyncType.SNAPSHOT ? ReplicaType.AFTER_DELTA : ReplicaType.FULL_COPY;
    }

    public static CopyMethodology copyMethodology(SyncType type) {
        return switch (type) {
            case MIRROR -> CopyMethodology.DELTA_UPDATE;
            case SNAPSHOT -> CopyMethodology.COPY_ON_WRITE;
            case CLONE -> CopyMethodology.SNAP_AND_CLONE;
        };
    }

    /** The ProgressStatus of a state at rest: what it waits for. */
    private static ProgressStatus resting(CopyState s) {
        return switch (s) {
            case SYNCHRONIZED -> ProgressStatus.COMPLETED;
            case INITIALIZED -> ProgressStatus.REQUIRES_ACTIVATE;
            case BROKEN, PARTITIONED, ABORTED -> ProgressStatus.REQUIRES_RESYNC;
            default -> ProgressStatus.DORMANT; // Fractured, Split, Suspended, Inactive
        };
    }

    /** Adds the rows of one SyncType; When* moments apply to the rows added after {@link #moments}. */
    private final class RowBuilder {
        private final SyncType type;
        private Moment whenSynced;
        private Moment whenSynchronized;

        RowBuilder(SyncType type) {
            this.type = type;
        }

        void moments(Moment synced, Moment synchronizedAt) {
            this.whenSynced = synced;
            this.whenSynchronized = synchronizedAt;
        }

        /** A state with no work running. */
        void rest(CopyState s, SyncState sync, Percent percent, ReadOnlyElement readOnly, Requested requested) {
            add(s, null, resting(s), sync, false, percent, readOnly, requested);
        }

        /** Unsynchronized while work runs: the target is the engine's (or a restore's source) until it ends. */
        void working(CopyState s, ProgressStatus activity, SyncState sync, Requested requested) {
            add(s, activity, activity, sync, false, Percent.IN_STEP, ReadOnlyElement.SYNCED_ELEMENT, requested);
        }

        /** Synchronized: 100 %, and SyncMaintained for a mirror (its SyncState is then Synchronized or Fracture In Progress). */
        void synced(ProgressStatus activity, SyncState sync, ReadOnlyElement readOnly, Requested requested) {
            add(SYNCHRONIZED, activity, activity == null ? resting(SYNCHRONIZED) : activity, sync, type == SyncType.MIRROR,
                    Percent.FULL, readOnly, requested);
        }

        private void add(CopyState s, ProgressStatus activity, ProgressStatus progress, SyncState sync, boolean maintained,
                         Percent percent, ReadOnlyElement readOnly, Requested requested) {
            Row r = new Row(new State(type, s, activity), progress, sync, maintained, percent, readOnly, requested, whenSynced,
                    whenSynchronized);
            if (rows.put(r.state(), r) != null) {
                throw new IllegalStateException("duplicate row " + r.state());
            }
            index[type.ordinal()][s.ordinal()][slot(activity)] = r;
        }
    }
}
