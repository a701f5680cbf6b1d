package org.iscsismis.iscsi.provider;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.SyncType;

/**
 * A replica to create, as the service methods (CreateElementReplica, CreateReplica, AttachReplica) describe it once
 * their arguments are read: the target is an existing disk ({@code target}) or a new disk in {@code pool} (null:
 * the source's pool) named {@code name}.
 *
 * @param waitFor        the CopyState the caller waits for: Initialized (create without activating), Unsynchronized
 *                       (return once the copy runs), Synchronized or null (the copy's natural end)
 * @param priority       null: Same
 * @param recovery       null: Automatic
 * @param detachWhenDone an unassociated copy: the association goes once the copy is complete
 */
record ReplicaRequest(
        String method,
        SyncType syncType,
        Mode mode,
        VirtualDisk source,
        VirtualDisk target,
        DiskPool pool,
        String name,
        CopyState waitFor,
        CopyPriority priority,
        CopyRecoveryMode recovery,
        boolean failedCopyStopsHostIO,
        boolean detachWhenDone) {

    static ReplicaRequest of(String method, SyncType syncType, Mode mode, VirtualDisk source) {
        return new ReplicaRequest(method, syncType, mode, source, null, null, null, null, null, null, false, false);
    }

    ReplicaRequest toDisk(VirtualDisk disk) {
        return new ReplicaRequest(method, syncType, mode, source, disk, pool, name, waitFor, priority, recovery,
                failedCopyStopsHostIO, detachWhenDone);
    }

    ReplicaRequest inPool(DiskPool newPool, String newName) {
        return new ReplicaRequest(method, syncType, mode, source, target, newPool, newName, waitFor, priority, recovery,
                failedCopyStopsHostIO, detachWhenDone);
    }

    ReplicaRequest waitingFor(CopyState state) {
        return new ReplicaRequest(method, syncType, mode, source, target, pool, name, state, priority, recovery,
                failedCopyStopsHostIO, detachWhenDone);
    }

    ReplicaRequest settings(CopyPriority newPriority, CopyRecoveryMode newRecovery, boolean stopHostIo) {
        return new ReplicaRequest(method, syncType, mode, source, target, pool, name, waitFor, newPriority, newRecovery,
                stopHostIo, detachWhenDone);
    }

    ReplicaRequest detachedWhenDone() {
        return new ReplicaRequest(method, syncType, mode, source, target, pool, name, waitFor, priority, recovery,
                failedCopyStopsHostIO, true);
    }
}
