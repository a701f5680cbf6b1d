package org.iscsismis.iscsi.disk;

/** A write needed more space than its pool has left; the write changed nothing. */
public final class PoolExhaustedException extends DiskIoException {

    private final String poolId;
    private final long neededBytes;
    private final long freeBytes;

    public PoolExhaustedException(String diskId, String poolId, long neededBytes, long freeBytes) {
        super(diskId, "pool " + poolId + " exhausted: write to disk " + diskId + " needs " + neededBytes
                + " bytes, " + freeBytes + " bytes free");
        this.poolId = poolId;
        this.neededBytes = neededBytes;
        this.freeBytes = freeBytes;
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
