package org.iscsismis.replication;

import org.iscsismis.replication.Transition.Effect;
import org.iscsismis.replication.Transition.Work;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.iscsismis.replication.CopyState.*;
import static org.iscsismis.replication.EngineEvent.*;
import static org.iscsismis.replication.Operation.*;
import static org.iscsismis.replication.SyncType.*;

/**
 * The replication state machine as data: (SyncType, CopyState, Trigger) ──▶ {@link Transition}. A missing cell
 * means the trigger is not allowed in that state; {@link #lookup} then throws {@link InvalidTransitionException}
 * and the caller changes nothing. The rows follow SMI-S Replication Services (cim-xml-protocol.md §7.6), restricted
 * to what this engine implements; docs/engine.md prints them.
 */
public final class TransitionTable {

    private static final TransitionTable STANDARD = new TransitionTable();

    private final Map<Key, Transition> cells = new HashMap<>();

    private record Key(SyncType type, CopyState state, Trigger trigger) { }

    /** One allowed CopyState change, as a client may observe it. */
    public record Edge(CopyState from, CopyState to) { }

    public static TransitionTable standard() {
        return STANDARD;
    }

    private TransitionTable() {
        mirrorRows();
        snapshotRows();
        cloneRows();
    }

    private void mirrorRows() {
        Set<CopyState> stable = EnumSet.of(INITIALIZED, SYNCHRONIZED, FRACTURED, CopyState.SPLIT, SUSPENDED, BROKEN, PARTITIONED, ABORTED);
        put(MIRROR, INITIALIZED, ACTIVATE, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.SYNCHRONIZING, Work.DRAIN, Effect.NONE));
        put(MIRROR, UNSYNCHRONIZED, WORK_DONE, Transition.stay(SYNCHRONIZED, Effect.NONE));
        put(MIRROR, UNSYNCHRONIZED, ABORT, Transition.stay(ABORTED, Effect.CANCEL_WORK));
        put(MIRROR, UNSYNCHRONIZED, SUSPEND, Transition.stay(SUSPENDED, Effect.CANCEL_WORK));
        put(MIRROR, UNSYNCHRONIZED, FRACTURE, Transition.stay(FRACTURED, Effect.CANCEL_WORK));
        put(MIRROR, SYNCHRONIZED, FRACTURE, Transition.stay(FRACTURED, Effect.NONE));
        put(MIRROR, SYNCHRONIZED, Operation.SPLIT, work(SYNCHRONIZED, CopyState.SPLIT, ProgressStatus.SPLITTING, Work.DRAIN, Effect.NONE));
        put(MIRROR, SYNCHRONIZED, WORK_DONE, Transition.stay(CopyState.SPLIT, Effect.NONE));
        put(MIRROR, SYNCHRONIZED, SUSPEND, Transition.stay(SUSPENDED, Effect.NONE));
        for (CopyState s : List.of(FRACTURED, CopyState.SPLIT, SUSPENDED, BROKEN, PARTITIONED, ABORTED)) {
            put(MIRROR, s, RESYNC_REPLICA, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.RESYNCING, Work.DRAIN, Effect.NONE));
        }
        put(MIRROR, SUSPENDED, RESUME, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.SYNCHRONIZING, Work.DRAIN, Effect.NONE));
        for (CopyState s : List.of(FRACTURED, CopyState.SPLIT)) {
            put(MIRROR, s, RESTORE_FROM_REPLICA, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.RESTORING, Work.RESTORE, Effect.NONE));
        }
        for (CopyState s : stable) {
            put(MIRROR, s, DETACH, Transition.stay(s, Effect.REMOVE));
            put(MIRROR, s, DISSOLVE, Transition.stay(s, Effect.REMOVE));
        }
        for (CopyState s : List.of(INITIALIZED, UNSYNCHRONIZED, SYNCHRONIZED, SUSPENDED, FRACTURED, CopyState.SPLIT)) {
            put(MIRROR, s, RESET_TO_ASYNC, Transition.stay(s, Effect.MODE_ASYNC));
            if (s != SYNCHRONIZED) {
                put(MIRROR, s, RESET_TO_SYNC, Transition.stay(s, Effect.MODE_SYNC));
            }
        }
        // A synchronous mirror is Synchronized only while its target equals the source: one that lags (its
        // asynchronous writes not yet drained) is Unsynchronized until the lag is copied; one that does not lag stays.
        put(MIRROR, SYNCHRONIZED, RESET_TO_SYNC, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.SYNCHRONIZING, Work.CATCH_UP,
                Effect.MODE_SYNC));
        failures(MIRROR);
    }

    private void snapshotRows() {
        put(SNAPSHOT, INITIALIZED, ACTIVATE, Transition.stay(SYNCHRONIZED, Effect.NEW_PIT));
        put(SNAPSHOT, INACTIVE, ACTIVATE, Transition.stay(SYNCHRONIZED, Effect.NEW_PIT));
        put(SNAPSHOT, SYNCHRONIZED, DEACTIVATE, Transition.stay(INACTIVE, Effect.DISCARD_PIT));
        for (CopyState s : List.of(SYNCHRONIZED, BROKEN, PARTITIONED, ABORTED)) {
            put(SNAPSHOT, s, RESYNC_REPLICA, Transition.stay(SYNCHRONIZED, Effect.NEW_PIT));
        }
        put(SNAPSHOT, BROKEN, DEACTIVATE, Transition.stay(INACTIVE, Effect.DISCARD_PIT));
        put(SNAPSHOT, PARTITIONED, DEACTIVATE, Transition.stay(INACTIVE, Effect.DISCARD_PIT));
        put(SNAPSHOT, SYNCHRONIZED, RESTORE_FROM_REPLICA, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.RESTORING, Work.RESTORE, Effect.NONE));
        put(SNAPSHOT, UNSYNCHRONIZED, WORK_DONE, Transition.stay(SYNCHRONIZED, Effect.NONE));
        put(SNAPSHOT, UNSYNCHRONIZED, ABORT, Transition.stay(ABORTED, Effect.CANCEL_WORK));
        for (CopyState s : List.of(INITIALIZED, SYNCHRONIZED, INACTIVE, BROKEN, PARTITIONED, ABORTED)) {
            put(SNAPSHOT, s, RETURN_TO_RESOURCE_POOL, Transition.stay(s, Effect.REMOVE_AND_DELETE_TARGET));
        }
        // No Detach or Dissolve, in any state: a snapshot's target holds only the chunks the source overwrote (none
        // at all once deactivated), so on its own it would be a torn volume that looks healthy. Its target stays
        // associated to the source until Return To ResourcePool deletes both (GetSupportedFeatures 16).
        failures(SNAPSHOT);
    }

    private void cloneRows() {
        put(CLONE, INITIALIZED, ACTIVATE, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.SYNCHRONIZING, Work.FILL, Effect.NEW_PIT));
        put(CLONE, UNSYNCHRONIZED, WORK_DONE, Transition.stay(SYNCHRONIZED, Effect.NONE));
        put(CLONE, UNSYNCHRONIZED, ABORT, Transition.stay(ABORTED, Effect.CANCEL_WORK));
        put(CLONE, UNSYNCHRONIZED, SUSPEND, Transition.stay(SUSPENDED, Effect.CANCEL_WORK));
        put(CLONE, SUSPENDED, RESUME, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.SYNCHRONIZING, Work.FILL, Effect.NONE));
        put(CLONE, SUSPENDED, ABORT, Transition.stay(ABORTED, Effect.CANCEL_WORK));
        put(CLONE, SYNCHRONIZED, FRACTURE, Transition.stay(FRACTURED, Effect.NONE));
        for (CopyState s : List.of(SYNCHRONIZED, FRACTURED, ABORTED, BROKEN, PARTITIONED, SUSPENDED)) {
            put(CLONE, s, RESYNC_REPLICA, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.RESYNCING, Work.FILL, Effect.NEW_PIT));
        }
        for (CopyState s : List.of(SYNCHRONIZED, FRACTURED)) {
            put(CLONE, s, RESTORE_FROM_REPLICA, work(UNSYNCHRONIZED, SYNCHRONIZED, ProgressStatus.RESTORING, Work.RESTORE, Effect.NONE));
        }
        for (CopyState s : List.of(INITIALIZED, SYNCHRONIZED, FRACTURED, ABORTED, BROKEN, PARTITIONED)) {
            put(CLONE, s, DETACH, Transition.stay(s, Effect.REMOVE));
            put(CLONE, s, DISSOLVE, Transition.stay(s, Effect.REMOVE));
        }
        failures(CLONE);
    }

    /** Where a pair goes when a disk or the path fails while data flows, and after a manual recovery. */
    private void failures(SyncType type) {
        for (CopyState s : List.of(UNSYNCHRONIZED, SYNCHRONIZED)) {
            put(type, s, DISK_FAILED, Transition.stay(BROKEN, Effect.CANCEL_WORK));
            put(type, s, PATH_LOST, Transition.stay(PARTITIONED, Effect.CANCEL_WORK));
        }
        if (type != SNAPSHOT) {
            put(type, BROKEN, RECOVERED_MANUAL, Transition.stay(SUSPENDED, Effect.NONE));
            put(type, PARTITIONED, RECOVERED_MANUAL, Transition.stay(SUSPENDED, Effect.NONE));
        }
    }

    private static Transition work(CopyState to, CopyState result, ProgressStatus progress, Work work, Effect effect) {
        return new Transition(to, result, progress, work, effect);
    }

    private void put(SyncType type, CopyState state, Trigger trigger, Transition t) {
        if (cells.put(new Key(type, state, trigger), t) != null) {
            throw new IllegalStateException("duplicate cell " + type + " " + state + " " + trigger);
        }
    }

    public Optional<Transition> find(SyncType type, CopyState state, Trigger trigger) {
        return Optional.ofNullable(cells.get(new Key(type, state, trigger)));
    }

    /** The cell, or {@link InvalidTransitionException} naming the pair, its state and the trigger. */
    public Transition lookup(String pairId, SyncType type, CopyState state, Trigger trigger) {
        Transition t = cells.get(new Key(type, state, trigger));
        if (t == null) {
            throw new InvalidTransitionException(pairId, type, state, trigger);
        }
        return t;
    }

    /** Every CopyState change a pair of this type may show: immediate moves and work completions. */
    public Set<Edge> edges(SyncType type) {
        Set<Edge> out = new LinkedHashSet<>();
        cells.forEach((k, t) -> {
            if (k.type() == type && !t.removes()) {
                out.add(new Edge(k.state(), t.to()));
            }
        });
        return out;
    }

    /** All triggers, in a fixed order: operations then engine events. */
    public static List<Trigger> triggers() {
        List<Trigger> all = new java.util.ArrayList<>(List.of(Operation.values()));
        all.addAll(List.of(EngineEvent.values()));
        return all;
    }
}
