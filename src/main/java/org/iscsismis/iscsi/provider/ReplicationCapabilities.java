package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.iscsismis.replication.CopyMethodology;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairStateTable;
import org.iscsismis.replication.SyncType;
import org.iscsismis.replication.Transition;
import org.iscsismis.replication.TransitionTable;

/**
 * What the replication service does, in the codes of the capabilities classes: the one source that both the
 * GetSupported* answers and the checks of the methods that create and change replicas read, so the two cannot
 * drift. Operations and copy states come from the engine's {@link TransitionTable} unchanged: a direct engine caller
 * and a CIM client are allowed exactly the same.
 *
 * <p>Per SyncType ({@link Kind}): the Modes it really runs in (a mirror synchronous or asynchronous; a snapshot or
 * clone keeps its point in time inside the host write that would overwrite it, so synchronous only), the
 * CopyRecoveryModes the engine honours (a broken snapshot has lost its point in time and never recovers by itself:
 * Manual only) and the GetSupportedFeatures codes, among them 16 (the target must remain associated) for a kind the
 * table never detaches (a snapshot: its target holds only the chunks the source overwrote; Return To ResourcePool
 * removes it). Nothing remote, adaptive, active or tokenized.
 */
public final class ReplicationCapabilities {

    /** Features every kind has: 8 targets from any pool, 24 adjustable CopyPriority, 44 targets in the source's pool by default, 51 client names the target. */
    private static final List<Integer> COMMON_FEATURES = List.of(8, 24, 44, 51);
    /** 15 Error recovery from Broken state Automatic. */
    static final int AUTOMATIC_RECOVERY = 15;
    /** 16 Target must remain associated to source. */
    static final int TARGET_STAYS_ASSOCIATED = 16;

    /** GetSupportedReplicationSettingData PropertyName codes of the properties {@link #settingValues} knows. */
    static final int DESIRED_COPY_METHODOLOGY = 3;
    static final int TARGET_ELEMENT_SUPPLIER = 7;
    static final int THIN_PROVISIONING_POLICY = 8;
    static final int FAILED_COPY_STOPS_HOST_IO = 10;
    static final int COPY_RECOVERY_MODE = 11;
    static final int READ_ONLY = 15;

    /** One SyncType as this service runs it; the first Mode and CopyRecoveryMode are the defaults. */
    record Kind(List<Mode> modes, List<CopyRecoveryMode> recoveryModes) {
    }

    private static final Map<SyncType, Kind> KINDS = kinds();

    private final TransitionTable table;

    public ReplicationCapabilities(TransitionTable table) {
        this.table = table;
    }

    public static ReplicationCapabilities standard() {
        return new ReplicationCapabilities(TransitionTable.standard());
    }

    private static Map<SyncType, Kind> kinds() {
        List<CopyRecoveryMode> both = List.of(CopyRecoveryMode.AUTOMATIC, CopyRecoveryMode.MANUAL);
        Map<SyncType, Kind> m = new EnumMap<>(SyncType.class);
        m.put(SyncType.MIRROR, new Kind(List.of(Mode.SYNCHRONOUS, Mode.ASYNCHRONOUS), both));
        m.put(SyncType.SNAPSHOT, new Kind(List.of(Mode.SYNCHRONOUS), List.of(CopyRecoveryMode.MANUAL)));
        m.put(SyncType.CLONE, new Kind(List.of(Mode.SYNCHRONOUS), both));
        return Map.copyOf(m);
    }

    // ------------------------------------------------------------------ kinds and modes

    /** SupportedReplicationTypes: every (SyncType, Mode) the service runs, locally, as ReplicationType codes. */
    public List<Integer> replicationTypes() {
        TreeSet<Integer> out = new TreeSet<>();
        for (SyncType type : SyncType.values()) {
            for (Mode mode : modes(type)) {
                out.add(ReplicationType.of(type.code(), mode.code(), ReplicationType.LOCAL).orElseThrow().code());
            }
        }
        return List.copyOf(out);
    }

    /** The engine's SyncType for a ReplicationType code the service supports, else empty. */
    public Optional<SyncType> syncTypeOf(int replicationType) {
        if (!replicationTypes().contains(replicationType)) {
            return Optional.empty();
        }
        return ReplicationType.ofCode(replicationType).map(t -> SyncType.fromCode(t.syncType()));
    }

    /** The Modes the service runs {@code type} in; the first is what a NULL Mode gets. */
    public List<Mode> modes(SyncType type) {
        return KINDS.get(type).modes();
    }

    public Mode defaultMode(SyncType type) {
        return modes(type).get(0);
    }

    /** The CopyRecoveryModes the engine honours for {@code type}; the first is what "implementation decides" gets. */
    public List<CopyRecoveryMode> recoveryModes(SyncType type) {
        return KINDS.get(type).recoveryModes();
    }

    public CopyRecoveryMode defaultRecovery(SyncType type) {
        return recoveryModes(type).get(0);
    }

    /** GetSupportedFeatures of {@code type}. */
    public List<Integer> features(SyncType type) {
        TreeSet<Integer> out = new TreeSet<>(COMMON_FEATURES);
        if (recoveryModes(type).contains(CopyRecoveryMode.AUTOMATIC)) {
            out.add(AUTOMATIC_RECOVERY);
        }
        if (!runs(type, Operation.DETACH)) {
            out.add(TARGET_STAYS_ASSOCIATED);
        }
        return List.copyOf(out);
    }

    /**
     * GetSupportedReplicationSettingData: the values of CIM_ReplicationSettingData property {@code propertyName} (its
     * PropertyName code) the service accepts for {@code type}, "implementation decides" included where the property
     * has it; null for a property it does not support (the engine has no such choice).
     */
    public List<Long> settingValues(SyncType type, int propertyName) {
        return switch (propertyName) {
            case DESIRED_COPY_METHODOLOGY -> List.of(2L, (long) copyMethodology(type).code()); // or Instrumentation decides
            case TARGET_ELEMENT_SUPPLIER -> List.of(1L, 2L, 4L); // Use existing, Create new, Instrumentation decides
            case THIN_PROVISIONING_POLICY -> List.of(2L, 7L); // thin source to thin target, Implementation decides
            case FAILED_COPY_STOPS_HOST_IO -> List.of(0L, 1L);
            case COPY_RECOVERY_MODE -> {
                List<Long> out = new ArrayList<>();
                recoveryModes(type).forEach(m -> out.add((long) m.code()));
                out.add(4L); // Implementation decides
                yield List.copyOf(out);
            }
            case READ_ONLY -> List.of(3L); // SyncedElement: the target is the engine's while data flows
            default -> null;
        };
    }

    /** The CopyMethodology the engine uses for a SyncType: Delta-Update, Copy-On-Write, Snap-And-Clone. */
    public static CopyMethodology copyMethodology(SyncType type) {
        return switch (type) {
            case MIRROR -> CopyMethodology.DELTA_UPDATE;
            case SNAPSHOT -> CopyMethodology.COPY_ON_WRITE;
            case CLONE -> CopyMethodology.SNAP_AND_CLONE;
        };
    }

    // ------------------------------------------------------------------ operations and states

    /** The row {@code operation} takes for a pair of {@code type} in {@code state}, if the service runs it there. */
    public Optional<Transition> transition(SyncType type, CopyState state, Operation operation) {
        return table.find(type, state, operation);
    }

    /** True if the service runs {@code operation} for {@code type} in some state. */
    public boolean runs(SyncType type, Operation operation) {
        for (CopyState s : CopyState.values()) {
            if (transition(type, s, operation).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** ModifyReplicaSynchronization operations the service runs for {@code type}, from {@code from} (null: any state). */
    public List<Operation> operations(SyncType type, CopyState from) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : Operation.values()) {
            if (from == null ? runs(type, op) : transition(type, from, op).isPresent()) {
                out.add(op);
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
                transition(type, s, op).ifPresent(t -> {
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

    /** The CopyStates in which the service accepts {@code operation} for a pair of {@code type}. */
    public List<CopyState> statesAccepting(SyncType type, Operation operation) {
        TreeSet<CopyState> out = new TreeSet<>();
        for (CopyState s : CopyState.values()) {
            transition(type, s, operation).ifPresent(t -> out.add(s));
        }
        return sorted(out);
    }

    /**
     * Whether hosts may use the target of a pair of {@code type} in {@code state}: where the engine lets them write
     * it ({@link PairStateTable}'s ReadOnly NULL in every row of the state). A read-only target is still readable,
     * but not usable as a volume of its own.
     */
    public boolean hostAccessible(SyncType type, CopyState state) {
        return PairStateTable.standard().hostAccessible(type, state);
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
                transition(type, s, op).filter(t -> !t.removes()).ifPresent(t -> {
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
        transition(type, CopyState.INITIALIZED, Operation.ACTIVATE).ifPresent(t -> {
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
