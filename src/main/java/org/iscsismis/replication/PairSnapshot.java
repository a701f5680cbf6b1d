package org.iscsismis.replication;

import java.time.Instant;
import java.util.Optional;

/**
 * An immutable, consistent view of one replication pair (a CIM_StorageSynchronized instance to be): every field
 * was read under the pair's lock at one instant. Derived properties (ProgressStatus, SyncState, SyncMaintained,
 * PercentSynced, ReadOnly from the state's {@link PairStateTable} row; CopyType, ReplicaType, CopyMethodology from
 * SyncType and Mode) are computed here, never stored.
 *
 * @param id                   stable pair id ({@code pair-N})
 * @param sourceDiskId         SystemElement
 * @param targetDiskId         SyncedElement
 * @param requestedCopyState   the state the last operation asked for; {@link CopyState#NOT_APPLICABLE} once reached
 * @param workProgress         ProgressStatus of running background work, {@code null} when none runs
 * @param chunksInStep         chunks the target already holds as the current or next synchronization needs them
 * @param chunkCount           chunks of each disk
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
        long chunksInStep,
        long chunkCount,
        long chunksCopied,
        long lagChunks,
        String faultCause) {

    /** The row of this pair's state in {@link PairStateTable}. */
    public PairStateTable.Row stateRow() {
        return PairStateTable.standard().row(syncType, copyState, workProgress);
    }

    /** CIM ProgressStatus: the running work's status, else what the resting state calls for. */
    public ProgressStatus progressStatus() {
        return stateRow().progressStatus();
    }

    /** Legacy Copy Services SyncState, in the family of the pair's CopyType. */
    public SyncState syncState() {
        return stateRow().syncState();
    }

    public CopyType copyType() {
        return PairStateTable.copyType(syncType, mode);
    }

    public ReplicaType replicaType() {
        return PairStateTable.replicaType(syncType);
    }

    public CopyMethodology copyMethodology() {
        return PairStateTable.copyMethodology(syncType);
    }

    /** True for a mirror that is keeping the target in step (Synchronized, whatever its mode). */
    public boolean syncMaintained() {
        return stateRow().syncMaintained();
    }

    /** Percent of the work to reach synchronization that is done: 100 exactly when Synchronized, else from the extent in step. */
    public int percentSynced() {
        return switch (stateRow().percentSynced()) {
            case FULL -> 100;
            case NONE -> 0;
            case IN_STEP -> chunkCount <= 0 ? 0 : (int) Math.min(99, chunksInStep * 100 / chunkCount);
        };
    }

    /** Which elements the host may not write: the target while the engine owns its content. */
    public Optional<ReadOnlyElement> readOnly() {
        return Optional.ofNullable(stateRow().readOnly());
    }
}
