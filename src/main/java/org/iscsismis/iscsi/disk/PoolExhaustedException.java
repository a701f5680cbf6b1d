package org.iscsismis.iscsi.disk;

/** A write needed more space than its pool has left; the write changed nothing. */
public final class PoolExhaustedException extends DiskIoException {

    private final String poolId;
    private final long neededBytes;
    private final long freeBytes;

    public PoolExhaustedException(String diskId, String poolId, long neededBytes, long freeBytes) {
        this(diskId, poolId, neededBytes, freeBytes, "pool " + poolId + " exhausted: write to disk " + diskId + " needs "
                + neededBytes + " bytes, " + freeBytes + " bytes free");
    }

    private PoolExhaustedException(String diskId, String poolId, long neededBytes, long freeBytes, String message) {
        super(diskId, message);
        this.poolId = poolId;
        this.neededBytes = neededBytes;
        this.freeBytes = freeBytes;
    }

    /** The pool had room, but the data all disks may keep on the heap would exceed its limit. */
    static PoolExhaustedException heapLimit(String diskId, String poolId, long neededBytes, long freeBytes, long limit) {
        return new PoolExhaustedException(diskId, poolId, neededBytes, freeBytes, "in-heap disk data limit of " + limit
                + " bytes reached: write to disk " + diskId + " (pool " + poolId + ") needs " + neededBytes + " bytes, "
                + freeBytes + " bytes free");
    }

    /** The pool had room, but the data directory's file system would fall below its free-space margin. */
    static PoolExhaustedException fileSystemFull(String diskId, String poolId, long neededBytes, long freeBytes, String directory) {
        return new PoolExhaustedException(diskId, poolId, neededBytes, freeBytes, "file system of " + directory
                + " is nearly full: write to disk " + diskId + " (pool " + poolId + ") needs " + neededBytes + " bytes, "
                + freeBytes + " bytes free above the margin kept free");
    }

    public String poolId() {
        return poolId;
    }

    public long neededBytes() {
        return neededBytes;
    }

    public long freeBytes() {
        return freeBytes;
    }
}
