package org.iscsismis.iscsi.provider;

import java.util.Base64;

import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.MethodResult;

/**
 * WriteBlocks and ReadBlocks of {@code ISMIS_FaultInjectionService}: a host's reads and writes of a volume's blocks
 * over CIM, Base64-encoded, at most {@link #MAX_BYTES} per call. They take the volume's host I/O path, so its pairs
 * see every write and a snapshot reads as its point in time. A refused I/O (a fault, a read-only replica, a full
 * pool) answers 4 (Failed) naming the reason; a range outside the volume or data that is not whole blocks, 5.
 */
final class BlockAccess {

    /** 512 KiB: their Base64 (699 051 characters) fits the default limit of an XML text (limits.xml.maxTextLength). */
    static final int MAX_BYTES = 512 << 10;

    private BlockAccess() {
    }

    static MethodResult write(VirtualDisk disk, CallArguments args) {
        long offset = offset(disk, args);
        String text = args.string("Data");
        if (text == null || text.length() > (MAX_BYTES / 3 + 1) * 4) {
            throw MethodRefusal.invalid("Data must be Base64 of at most " + MAX_BYTES + " bytes");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw MethodRefusal.invalid("Data is not Base64: " + e.getMessage());
        }
        checkRange(disk, offset, data.length);
        try {
            disk.write(offset, data);
            if (args.flag("Flush")) {
                disk.flush();
            }
        } catch (DiskIoException e) {
            throw new MethodRefusal(ReturnCode.FAILED, e.getMessage());
        }
        return ReturnCode.COMPLETED.result();
    }

    static MethodResult read(VirtualDisk disk, CallArguments args) {
        long offset = offset(disk, args);
        Long blocks = args.uint64("BlockCount");
        if (blocks == null || blocks < 1 || blocks * disk.blockSize() > MAX_BYTES) {
            throw MethodRefusal.invalid("BlockCount must be 1.." + MAX_BYTES / disk.blockSize() + ", not " + blocks);
        }
        int length = (int) (blocks * disk.blockSize());
        checkRange(disk, offset, length);
        byte[] data;
        try {
            data = disk.read(offset, length);
        } catch (DiskIoException e) {
            throw new MethodRefusal(ReturnCode.FAILED, e.getMessage());
        }
        return ReturnCode.COMPLETED.result().with("Data", CimValue.ofString(Base64.getEncoder().encodeToString(data)));
    }

    private static long offset(VirtualDisk disk, CallArguments args) {
        Long block = args.uint64("StartingBlock");
        if (block == null || block < 0 || block >= disk.blockCount()) {
            throw MethodRefusal.invalid("StartingBlock " + block + " is outside volume " + disk.id() + " (0.."
                    + (disk.blockCount() - 1) + ")");
        }
        return block * disk.blockSize();
    }

    private static void checkRange(VirtualDisk disk, long offset, int length) {
        if (length == 0 || length % disk.blockSize() != 0) {
            throw MethodRefusal.invalid("Data must be whole blocks of " + disk.blockSize() + " bytes, not " + length + " bytes");
        }
        if (offset + length > disk.sizeBytes()) {
            throw MethodRefusal.invalid(length + " bytes at block " + offset / disk.blockSize() + " run past the end of volume "
                    + disk.id() + " (" + disk.blockCount() + " blocks)");
        }
    }
}
