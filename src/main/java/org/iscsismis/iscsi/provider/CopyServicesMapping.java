package org.iscsismis.iscsi.provider;

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

    private CopyServicesMapping() {
    }

    /**
     * CopyType 2 Async / 3 Sync: a mirror in that mode; 4 UnSyncAssoc: a clone (a full point-in-time copy that stays
     * associated; snapshots are made with CreateElementReplica SyncType 7); 5 UnSyncUnAssoc: a clone whose association
     * is detached once the copy is complete. NULL or any other value → 5.
     */
    static Kind copyType(Integer copyType) {
        if (copyType == null) {
            throw MethodRefusal.invalid("CopyType is required");
        }
        return switch (copyType) {
            case 2 -> new Kind(SyncType.MIRROR, Mode.ASYNCHRONOUS, false);
            case 3 -> new Kind(SyncType.MIRROR, Mode.SYNCHRONOUS, false);
            case 4 -> new Kind(SyncType.CLONE, null, false);
            case 5 -> new Kind(SyncType.CLONE, null, true);
            default -> throw MethodRefusal.invalid("CopyType " + copyType + " is not one of 2 (Async), 3 (Sync), 4 (UnSyncAssoc), 5 (UnSyncUnAssoc)");
        };
    }

    /**
     * ModifySynchronization's Operation: 2 Detach, 3 Fracture, 4 Resync Replica, 5 Restore from Replica, 8 Quiesce
     * (Suspend), 9 Unquiesce (Resume), 10 Reset To Sync, 11 Reset To Async, 12 Start Copy (Activate), 13 Stop Copy
     * (Abort); 6 Prepare and 7 Unprepare → 1; other values → 5.
     */
    static Operation legacyOperation(Integer code) {
        if (code == null) {
            throw MethodRefusal.invalid("Operation is required");
        }
        return switch (code) {
            case 2 -> Operation.DETACH;
            case 3 -> Operation.FRACTURE;
            case 4 -> Operation.RESYNC_REPLICA;
            case 5 -> Operation.RESTORE_FROM_REPLICA;
            case 8 -> Operation.SUSPEND;
            case 9 -> Operation.RESUME;
            case 10 -> Operation.RESET_TO_SYNC;
            case 11 -> Operation.RESET_TO_ASYNC;
            case 12 -> Operation.ACTIVATE;
            case 13 -> Operation.ABORT;
            case 6, 7 -> throw MethodRefusal.notSupported("Operation " + code + " (Prepare/Unprepare) is not supported");
            default -> throw MethodRefusal.invalid("Operation " + code + " is not in ModifySynchronization's value map");
        };
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
