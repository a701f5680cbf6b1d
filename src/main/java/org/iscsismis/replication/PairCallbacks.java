package org.iscsismis.replication;

/** What the I/O hooks and copy workers tell the engine; called with no engine lock held. */
interface PairCallbacks {

    /** The pair has background work to schedule (an async mirror queued chunks). */
    void workAvailable(ReplicationPair pair);

    /** Copying between the pair's disks failed; turn it into a Broken/Partitioned transition. */
    void copyFailed(ReplicationPair pair, RuntimeException failure);
}
