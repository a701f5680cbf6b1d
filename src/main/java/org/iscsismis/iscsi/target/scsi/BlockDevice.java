package org.iscsismis.iscsi.target.scsi;

import org.iscsismis.iscsi.disk.DiskFaults;
import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.PoolExhaustedException;
import org.iscsismis.iscsi.disk.VirtualDisk;

/**
 * The medium of one logical unit: a {@link VirtualDisk} addressed in logical blocks. Host I/O uses only the disk's
 * host door ({@code read}, {@code write}, {@code trim}, {@code flush}), so the replication engine sees every write.
 * Disk failures become sense data here, in one place.
 *
 * @param designator  the 16-byte NAA designator of VPD page 83h
 * @param serial      the unit serial number of VPD page 80h
 * @param thin        report logical block provisioning (LBPME): UNMAP and WRITE SAME with UNMAP free chunks
 */
public record BlockDevice(VirtualDisk disk, byte[] designator, String serial, boolean thin, WriteProtection protection) {

    public int blockSize() {
        return disk.blockSize();
    }

    public long blocks() {
        return disk.blockCount();
    }

    /** Blocks per chunk: the unmap granularity, since whole chunks return to the pool. */
    public int blocksPerChunk() {
        return disk.chunkSize() / disk.blockSize();
    }

    public boolean writeProtected() {
        return protection.isWriteProtected(disk);
    }

    /** Fails with LBA OUT OF RANGE unless {@code [lba, lba + count)} lies inside the medium. */
    public void checkRange(long lba, long count) {
        if (lba < 0 || count < 0 || lba > blocks() || count > blocks() - lba) {
            throw ScsiError.lbaOutOfRange(lba, "blocks " + lba + "+" + count + " are outside the " + blocks() + " blocks of "
                    + disk.id());
        }
    }

    /** Fails with DATA PROTECT / WRITE PROTECTED while the engine keeps the disk read-only to hosts. */
    public void checkWritable() {
        if (writeProtected()) {
            throw ScsiError.of(AdditionalSense.WRITE_PROTECTED, disk.id() + " is read-only to hosts");
        }
    }

    /** Fails with NOT READY when the disk cannot do I/O at all (offline). */
    public void checkReady() {
        if (disk.isDeleted()) {
            throw ScsiError.of(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, disk.id() + " has been deleted");
        }
        if (disk.faults().isOffline()) {
            throw ScsiError.of(AdditionalSense.LOGICAL_UNIT_NOT_READY_CAUSE_NOT_REPORTABLE, disk.id() + " is offline");
        }
    }

    public void read(long byteOffset, byte[] dst, int dstOff, int len) {
        try {
            disk.read(byteOffset, dst, dstOff, len);
        } catch (DiskIoException e) {
            throw failure(e, DiskFaults.IoKind.READ);
        }
    }

    public void write(long byteOffset, byte[] src, int srcOff, int len) {
        try {
            disk.write(byteOffset, src, srcOff, len);
        } catch (DiskIoException e) {
            throw failure(e, DiskFaults.IoKind.WRITE);
        }
    }

    public void trim(long byteOffset, int len) {
        try {
            disk.trim(byteOffset, len);
        } catch (DiskIoException e) {
            throw failure(e, DiskFaults.IoKind.WRITE);
        }
    }

    public void flush() {
        try {
            disk.flush();
        } catch (DiskIoException e) {
            throw failure(e, DiskFaults.IoKind.WRITE);
        }
    }

    /** The sense for a refused disk request, most specific cause first. */
    private ScsiError failure(DiskIoException e, DiskFaults.IoKind kind) {
        String why = e.getMessage();
        if (disk.isDeleted()) {
            return ScsiError.of(AdditionalSense.LOGICAL_UNIT_NOT_SUPPORTED, why);
        }
        if (disk.faults().isOffline()) {
            return ScsiError.of(AdditionalSense.LOGICAL_UNIT_NOT_READY_CAUSE_NOT_REPORTABLE, why);
        }
        if (e instanceof PoolExhaustedException) {
            return ScsiError.of(AdditionalSense.SPACE_ALLOCATION_FAILED_WRITE_PROTECT, why);
        }
        if (kind == DiskFaults.IoKind.WRITE && writeProtected()) {
            return ScsiError.of(AdditionalSense.WRITE_PROTECTED, why);
        }
        return ScsiError.of(kind == DiskFaults.IoKind.READ ? AdditionalSense.UNRECOVERED_READ_ERROR : AdditionalSense.WRITE_ERROR, why);
    }
}
