package org.iscsismis.iscsi.provider;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.SyncType;

/**
 * The older Copy Services vocabulary of the storage configuration service (CreateReplica, AttachReplica,
 * AttachOrModifyReplica CopyType; ModifySynchronization Operation) in the engine's terms, and the
 * ModifyReplicaSynchronization Operation codes the engine does not implement.
 */
final class CopyServicesMapping {

    /** A CopyType as the engine makes it. */
    record Kind(SyncType syncType, Mode mode, boolean unassociated) {
    }

    /**
     * CopyType 2 Async / 3 Sync: a mirror in that mode; 4 UnSyncAssoc: a clone (a full point-in-time copy that stays
     * associated; snapshots are made with CreateElementReplica SyncType 7); 5 UnSyncUnAssoc: a clone whose association
     * is detached once the copy is complete. The legacy capabilities' SupportedCopyTypes are these keys.
     */
    private static final Map<Integer, Kind> COPY_TYPES = sorted(Map.of(
            2, new Kind(SyncType.MIRROR, Mode.ASYNCHRONOUS, false),
            3, new Kind(SyncType.MIRROR, Mode.SYNCHRONOUS, false),
            4, new Kind(SyncType.CLONE, null, false),
            5, new Kind(SyncType.CLONE, null, true)));

    /**
     * ModifySynchronization's Operation: 2 Detach, 3 Fracture, 4 Resync Replica, 5 Restore from Replica, 8 Quiesce
     * (Suspend), 9 Unquiesce (Resume), 10 Reset To Sync, 11 Reset To Async, 12 Start Copy (Activate), 13 Stop Copy
     * (Abort). The legacy capabilities' SupportedModifyOperations are these keys.
     */
    private static final Map<Integer, Operation> LEGACY_OPERATIONS = sorted(Map.of(
            2, Operation.DETACH, 3, Operation.FRACTURE, 4, Operation.RESYNC_REPLICA, 5, Operation.RESTORE_FROM_REPLICA,
            8, Operation.SUSPEND, 9, Operation.RESUME, 10, Operation.RESET_TO_SYNC, 11, Operation.RESET_TO_ASYNC,
            12, Operation.ACTIVATE, 13, Operation.ABORT));

    private CopyServicesMapping() {
    }

    /** The CopyType codes CreateReplica, AttachReplica and AttachOrModifyReplica accept. */
    static List<Integer> copyTypes() {
        return List.copyOf(COPY_TYPES.keySet());
    }

    /** The Operation codes ModifySynchronization runs. */
    static List<Integer> legacyOperations() {
        return List.copyOf(LEGACY_OPERATIONS.keySet());
    }

    /** A CopyType as the engine makes it ({@link #COPY_TYPES}); NULL or any other value → 5. */
    static Kind copyType(Integer copyType) {
        if (copyType == null) {
            throw MethodRefusal.invalid("CopyType is required");
        }
        Kind kind = COPY_TYPES.get(copyType);
        if (kind == null) {
            throw MethodRefusal.invalid("CopyType " + copyType + " is not one of 2 (Async), 3 (Sync), 4 (UnSyncAssoc), 5 (UnSyncUnAssoc)");
        }
        return kind;
    }

    /** ModifySynchronization's Operation ({@link #LEGACY_OPERATIONS}); 6 Prepare and 7 Unprepare → 1; other values → 5. */
    static Operation legacyOperation(Integer code) {
        if (code == null) {
            throw MethodRefusal.invalid("Operation is required");
        }
        Operation op = LEGACY_OPERATIONS.get(code);
        if (op != null) {
            return op;
        }
        if (code == 6 || code == 7) {
            throw MethodRefusal.notSupported("Operation " + code + " (Prepare/Unprepare) is not supported");
        }
        throw MethodRefusal.invalid("Operation " + code + " is not in ModifySynchronization's value map");
    }

    /**
     * A legacy operation as it applies to a pair of {@code type}: in Copy Services a point-in-time snapshot is deleted
     * by Detach, which is Return To ResourcePool in Replication Services terms (a snapshot's target cannot live on
     * without its source).
     */
    static Operation legacyOperation(Operation op, SyncType type) {
        return op == Operation.DETACH && type == SyncType.SNAPSHOT ? Operation.RETURN_TO_RESOURCE_POOL : op;
    }

    private static <V> Map<Integer, V> sorted(Map<Integer, V> m) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }

    /**
     * ModifyReplicaSynchronization's Operation (value map 2..23): the engine's operation, 1 for the values it does not
     * implement (3 and 6 consistency, 5 and 13 sync pairs, 10 Failover, 11 Failback, 20 Reverse Roles, 23 Unprepare),
     * 5 for values outside the map.
     */
    static Operation replicaOperation(int code) {
        for (Operation op : Operation.values()) {
            if (op.code() == code) {
                return op;
            }
        }
        if (code >= 2 && code <= 23) {
            throw MethodRefusal.notSupported("Operation " + code + " is not supported by this target");
        }
        throw MethodRefusal.invalid("Operation " + code + " is not in ModifyReplicaSynchronization's value map");
    }
}
