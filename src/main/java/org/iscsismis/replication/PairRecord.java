package org.iscsismis.replication;

import java.time.Instant;

/**
 * What a pair must remember across a restart, besides its chunk maps: the facts its state derives from, as they
 * were when the record was taken (under the pair's lock). A {@link PairStore} keeps it; recovery builds the pair
 * again from it ({@link ReplicationEngine#restorePair}).
 */
public record PairRecord(
        String id,
        SyncType type,
        String sourceDiskId,
        String targetDiskId,
        boolean targetCreatedByEngine,
        Mode mode,
        CopyState state,
        CopyState requested,
        Transition.Work work,
        ProgressStatus workProgress,
        CopyPriority priority,
        CopyRecoveryMode recoveryMode,
        boolean failedCopyStopsHostIO,
        boolean pitView,
        boolean fillComplete,
        boolean mirrorComplete,
        String faultCause,
        long chunksCopied,
        Instant whenEstablished,
        Instant whenActivated,
        Instant whenSynced,
        Instant whenSynchronized,
        Instant whenSuspended,
        Instant whenDeactivated,
        Instant pointInTime) {
}
