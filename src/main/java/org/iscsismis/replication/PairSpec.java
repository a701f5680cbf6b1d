package org.iscsismis.replication;

import java.util.Objects;

/**
 * What to replicate and how: the input of {@link ReplicationEngine#createPair} (CreateElementReplica's
 * parameters, engine side). The target is either an existing disk ({@code targetDiskId}) or a new disk the engine
 * creates in {@code targetPoolId} (default: the source's pool) with the source's size and block size.
 */
public record PairSpec(
        SyncType syncType,
        Mode mode,
        String sourceDiskId,
        String targetDiskId,
        String targetPoolId,
        String targetName,
        boolean activate,
        CopyPriority copyPriority,
        CopyRecoveryMode copyRecoveryMode,
        boolean failedCopyStopsHostIO) {

    public PairSpec {
        Objects.requireNonNull(syncType, "syncType");
        Objects.requireNonNull(sourceDiskId, "sourceDiskId");
        // A snapshot or clone keeps its point in time inside the host write that would overwrite it: it is
        // synchronous whatever was asked. A mirror is what was asked, synchronous by default.
        mode = syncType != SyncType.MIRROR || mode == null || mode == Mode.UNKNOWN ? Mode.SYNCHRONOUS : mode;
        copyPriority = copyPriority == null ? CopyPriority.SAME : copyPriority;
        // A broken snapshot has lost its point in time: the engine never resumes one by itself (Manual, always).
        copyRecoveryMode = syncType == SyncType.SNAPSHOT ? CopyRecoveryMode.MANUAL
                : copyRecoveryMode == null || copyRecoveryMode == CopyRecoveryMode.UNKNOWN ? CopyRecoveryMode.AUTOMATIC
                : copyRecoveryMode;
        if (targetDiskId != null && targetPoolId != null) {
            throw new IllegalArgumentException("give either a target disk or a target pool, not both");
        }
    }

    public static PairSpec mirror(String sourceDiskId, Mode mode) {
        return new PairSpec(SyncType.MIRROR, mode, sourceDiskId, null, null, null, true, null, null, false);
    }

    public static PairSpec snapshot(String sourceDiskId) {
        return new PairSpec(SyncType.SNAPSHOT, null, sourceDiskId, null, null, null, true, null, null, false);
    }

    public static PairSpec clone(String sourceDiskId) {
        return new PairSpec(SyncType.CLONE, null, sourceDiskId, null, null, null, true, null, null, false);
    }

    public PairSpec toDisk(String diskId) {
        return new PairSpec(syncType, mode, sourceDiskId, diskId, null, targetName, activate, copyPriority, copyRecoveryMode, failedCopyStopsHostIO);
    }

    public PairSpec inPool(String poolId, String name) {
        return new PairSpec(syncType, mode, sourceDiskId, null, poolId, name, activate, copyPriority, copyRecoveryMode, failedCopyStopsHostIO);
    }

    /** Create the association Initialized; an Activate starts it. */
    public PairSpec inactive() {
        return new PairSpec(syncType, mode, sourceDiskId, targetDiskId, targetPoolId, targetName, false, copyPriority, copyRecoveryMode, failedCopyStopsHostIO);
    }

    public PairSpec priority(CopyPriority p) {
        return new PairSpec(syncType, mode, sourceDiskId, targetDiskId, targetPoolId, targetName, activate, p, copyRecoveryMode, failedCopyStopsHostIO);
    }

    public PairSpec recovery(CopyRecoveryMode m) {
        return new PairSpec(syncType, mode, sourceDiskId, targetDiskId, targetPoolId, targetName, activate, copyPriority, m, failedCopyStopsHostIO);
    }

    public PairSpec stopHostIoOnFailure(boolean on) {
        return new PairSpec(syncType, mode, sourceDiskId, targetDiskId, targetPoolId, targetName, activate, copyPriority, copyRecoveryMode, on);
    }
}
