package org.iscsismis.replication;

import java.time.Instant;
import java.util.Optional;

/**
 * An immutable, consistent view of one replication pair (a CIM_StorageSynchronized instance to be): every field
 * was read under the pair's lock at one instant. Derived properties (SyncState, CopyType, ReplicaType,
 * CopyMethodology, ProgressStatus, PercentSynced, SyncMaintained, ReadOnly) are computed here, never stored.
 *
 * @param id                   stable pair id ({@code pair-N})
 * @param sourceDiskId         SystemElement
 * @param targetDiskId         SyncedElement
 * @param requestedCopyState   the state the last operation asked for; {@link CopyState#NOT_APPLICABLE} once reached
 * @param workProgress         ProgressStatus of running background work, {@code null} when none runs
 * @param bytesCopied          bytes the current (or last) background work has moved so far
 * @param bytesToCopy          bytes that work had to move when it started (plus what was added while it ran)
 * @param chunksCopied         chunks this pair has copied between its disks since it was created (all work)
 * @param lagChunks            chunks the target still lacks (mirror) or that changed since the point in time
 * @param faultCause           why the pair last went Broken/Partitioned, {@code null} if never
 */
public record PairSnapshot(
        String id,
        String sourceDiskId,
        String targetDiskId,
        SyncType syncType,
        Mode mode,
        CopyState copyState,
        CopyState requestedCopyState,
        ProgressStatus workProgress,
        CopyPriority copyPriority,
        CopyRecoveryMode copyRecoveryMode,
        boolean failedCopyStopsHostIO,
        boolean pathDown,
        Instant whenEstablished,
        Instant whenActivated,
        Instant whenSynced,
        Instant whenSynchronized,
        Instant whenSuspended,
        Instant whenDeactivated,
        long bytesCopied,
        long bytesToCopy,
        long chunksCopied,
        long lagChunks,
        String faultCause) {

    /** CIM ProgressStatus: the running work's status, else what the resting state calls for. */
    public ProgressStatus progressStatus() {
        if (workProgress != null) {
            return workProgress;
        }
        return switch (copyState) {
            case SYNCHRONIZED -> ProgressStatus.COMPLETED;
            case INITIALIZED -> ProgressStatus.REQUIRES_ACTIVATE;
            case FRACTURED, SPLIT, SUSPENDED, INACTIVE -> ProgressStatus.DORMANT;
            case BROKEN, PARTITIONED, ABORTED -> ProgressStatus.REQUIRES_RESYNC;
            default -> ProgressStatus.UNKNOWN;
        };
    }

    /** Legacy Copy Services SyncState, derived from SyncType, CopyState and the running work. */
    public SyncState syncState() {
        boolean restoring = workProgress == ProgressStatus.RESTORING;
        boolean mirror = syncType == SyncType.MIRROR;
        return switch (copyState) {
            case INITIALIZED -> SyncState.INITIALIZED;
            case UNSYNCHRONIZED -> restoring ? SyncState.RESTORE_IN_PROGRESS
                    : mirror ? SyncState.RESYNC_IN_PROGRESS : SyncState.COPY_IN_PROGRESS;
            case SYNCHRONIZED -> workProgress == ProgressStatus.SPLITTING ? SyncState.FRACTURE_IN_PROGRESS
                    : mirror ? SyncState.SYNCHRONIZED
                    : syncType == SyncType.CLONE ? SyncState.FROZEN : SyncState.IDLE;
            case FRACTURED, SPLIT -> SyncState.FRACTURED;
            case SUSPENDED -> SyncState.QUIESCED;
            case INACTIVE, ABORTED -> SyncState.IDLE;
            default -> SyncState.BROKEN;
        };
    }

    public CopyType copyType() {
        if (syncType == SyncType.MIRROR) {
            return mode == Mode.ASYNCHRONOUS ? CopyType.ASYNC : CopyType.SYNC;
        }
        return CopyType.UNSYNC_ASSOC;
    }

    public ReplicaType replicaType() {
        return syncType == SyncType.SNAPSHOT ? ReplicaType.AFTER_DELTA : ReplicaType.FULL_COPY;
    }

    public CopyMethodology copyMethodology() {
        return switch (syncType) {
            case MIRROR -> CopyMethodology.DELTA_UPDATE;
            case SNAPSHOT -> CopyMethodology.COPY_ON_WRITE;
            case CLONE -> CopyMethodology.SNAP_AND_CLONE;
        };
    }

    /** True for a mirror that is keeping the target in step (Synchronized, whatever its mode). */
    public boolean syncMaintained() {
        return syncType == SyncType.MIRROR && copyState == CopyState.SYNCHRONIZED;
    }

    /** Percent of the work to reach synchronization that is done (100 when synchronized). */
    public int percentSynced() {
        if (copyState == CopyState.SYNCHRONIZED && workProgress == null) {
            return 100;
        }
        if (bytesToCopy <= 0) {
            return copyState == CopyState.SYNCHRONIZED ? 100 : 0;
        }
        return (int) Math.min(100, bytesCopied * 100 / bytesToCopy);
    }

    /** Which elements the host may not write: the target while the engine owns its content. */
    public Optional<ReadOnlyElement> readOnly() {
        boolean targetWritable = syncType != SyncType.SNAPSHOT
                && (copyState == CopyState.FRACTURED || copyState == CopyState.SPLIT);
        return targetWritable ? Optional.empty() : Optional.of(ReadOnlyElement.SYNCED_ELEMENT);
    }
}
