package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.SyncType;
import org.iscsismis.replication.Transition;
import org.iscsismis.replication.TransitionTable;

/**
 * What the replication engine supports, in the codes of the capabilities classes. Operations and copy states are
 * read from the engine's {@link TransitionTable}, so the answers follow the table when it grows.
 *
 * <p>Replication types: local mirrors, synchronous (2) and asynchronous (3); local snapshots (6) and clones (10),
 * both "synchronous" because the point in time is kept inside the host write (a chunk is preserved before a source
 * write overwrites it), never afterwards. Nothing remote (the engine knows one system), no adaptive or active mode,
 * no tokenized clone.
 */
public final class EngineSupport {

    /** Synchronous Mirror Local, Asynchronous Mirror Local, Synchronous Snapshot Local, Synchronous Clone Local. */
    public static final List<Integer> REPLICATION_TYPES = List.of(2, 3, 6, 10);

    private final TransitionTable table;

    public EngineSupport(TransitionTable table) {
        this.table = table;
    }

    public static EngineSupport standard() {
        return new EngineSupport(TransitionTable.standard());
    }

    /** The engine's SyncType for a ReplicationType code it supports, else empty. */
    public Optional<SyncType> syncTypeOf(int replicationType) {
        if (!REPLICATION_TYPES.contains(replicationType)) {
            return Optional.empty();
        }
        return ReplicationType.ofCode(replicationType).map(t -> SyncType.fromCode(t.syncType()));
    }

    /** The Modes the engine accepts for a SyncType: a mirror is synchronous or asynchronous, the others synchronous. */
    public List<Mode> modes(SyncType type) {
        return type == SyncType.MIRROR ? List.of(Mode.SYNCHRONOUS, Mode.ASYNCHRONOUS) : List.of(Mode.SYNCHRONOUS);
    }

    /** ModifyReplicaSynchronization operations the table allows for {@code type}, from {@code from} (null: any state). */
    public List<Operation> operations(SyncType type, CopyState from) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : Operation.values()) {
            for (CopyState s : CopyState.values()) {
                if ((from == null || from == s) && table.find(type, s, op).isPresent()) {
                    out.add(op);
                    break;
                }
            }
        }
        return out;
    }

    /** Every CopyState a pair of {@code type} can be in (states with a row, and states a row leads to). */
    public List<CopyState> copyStates(SyncType type) {
        TreeSet<CopyState> out = new TreeSet<>();
        for (TransitionTable.Edge e : table.edges(type)) {
            out.add(e.from());
            out.add(e.to());
        }
        for (CopyState s : CopyState.values()) {
            for (Operation op : Operation.values()) {
                table.find(type, s, op).ifPresent(t -> {
                    out.add(s);
                    if (!t.removes()) {
                        out.add(t.to());
                        out.add(t.result());
                    }
                });
            }
        }
        return sorted(out);
    }

    /**
     * The CopyStates a client may wait for (WaitForCopyState) after {@code operation} on a pair of {@code type}:
     * where the operation goes at once and where its background work ends. Null operation: after any.
     */
    public List<CopyState> statesAfter(SyncType type, Operation operation) {
        TreeSet<CopyState> out = new TreeSet<>();
        for (Operation op : Operation.values()) {
            if (operation != null && op != operation) {
                continue;
            }
            for (CopyState s : CopyState.values()) {
                table.find(type, s, op).filter(t -> !t.removes()).ifPresent(t -> {
                    out.add(t.to());
                    out.add(t.result());
                });
            }
        }
        return sorted(out);
    }

    /** The CopyStates a client may wait for after CreateElementReplica: Initialized (created inactive) and Activate's. */
    public List<CopyState> statesAfterCreate(SyncType type) {
        TreeSet<CopyState> out = new TreeSet<>();
        out.add(CopyState.INITIALIZED);
        Optional<Transition> activate = table.find(type, CopyState.INITIALIZED, Operation.ACTIVATE);
        activate.ifPresent(t -> {
            out.add(t.to());
            out.add(t.result());
        });
        return sorted(out);
    }

    private static List<CopyState> sorted(TreeSet<CopyState> states) {
        List<CopyState> out = new ArrayList<>(states);
        out.sort((a, b) -> Integer.compare(a.code(), b.code()));
        return out;
    }
}
