package org.iscsismis.iscsi.target.scsi;

import java.io.ByteArrayOutputStream;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * READ CAPACITY(10), READ CAPACITY(16) and GET LBA STATUS (SBC-3 §5.15, 5.16, 5.6): the size of the medium, whether
 * it is thin provisioned (LBPME, and LBPRZ: unmapped blocks read as zeros), and which blocks hold allocated chunks.
 */
final class CapacityCommands {

    private static final int MAX_LBA_STATUS_DESCRIPTORS = 64;

    private CapacityCommands() {
    }

    static final CommandHandler READ_CAPACITY_10 = (request, dataOut) -> {
        Cdb cdb = request.cdb();
        if (!cdb.bit(8, 0) && cdb.u32(2) != 0) {
            throw ScsiError.invalidCdbField(2, -1, "LOGICAL BLOCK ADDRESS must be 0 when PMI is 0");
        }
        BlockDevice device = request.device();
        byte[] d = new byte[8];
        long last = device.blocks() - 1;
        Bytes.put32(d, 0, Math.min(last, 0xffff_ffffL));
        Bytes.put32(d, 4, device.blockSize());
        return Reply.data(d, d.length);
    };

    static final CommandHandler READ_CAPACITY_16 = (request, dataOut) -> {
        BlockDevice device = request.device();
        byte[] d = new byte[32];
        Bytes.put64(d, 0, device.blocks() - 1);
        Bytes.put32(d, 8, device.blockSize());
        if (device.thin()) {
            d[14] = (byte) 0xc0; // LBPME, LBPRZ
        }
        return Reply.data(d, request.cdb().u32(10));
    };

    static final CommandHandler GET_LBA_STATUS = (request, dataOut) -> {
        BlockDevice device = request.device();
        long start = request.cdb().u64(2);
        if (start < 0 || start >= device.blocks()) {
            throw ScsiError.lbaOutOfRange(start, "starting LBA " + start + " is past the last block " + (device.blocks() - 1));
        }
        ByteArrayOutputStream descriptors = new ByteArrayOutputStream();
        long lba = start;
        int count = 0;
        while (lba < device.blocks() && count < MAX_LBA_STATUS_DESCRIPTORS) {
            boolean mapped = mapped(device, lba);
            long end = lba;
            while (end < device.blocks() && mapped(device, end) == mapped) {
                end = nextChunk(device, end);
            }
            end = Math.min(end, device.blocks());
            byte[] descriptor = new byte[16];
            Bytes.put64(descriptor, 0, lba);
            Bytes.put32(descriptor, 8, Math.min(end - lba, 0xffff_ffffL));
            descriptor[12] = (byte) (mapped ? 0 : 1); // mapped or deallocated
            descriptors.writeBytes(descriptor);
            lba = end;
            count++;
        }
        byte[] d = new byte[8 + descriptors.size()];
        Bytes.put32(d, 0, d.length - 4);
        System.arraycopy(descriptors.toByteArray(), 0, d, 8, descriptors.size());
        return Reply.data(d, request.cdb().u32(10));
    };

    /**
     * A block is deallocated only on a thin medium whose chunk holds nothing and that is read from itself: a disk the
     * engine reads through (a snapshot) may show its source's bytes in a hole, so it counts as mapped throughout.
     */
    private static boolean mapped(BlockDevice device, long lba) {
        if (!device.thin() || device.disk().isInUse()) {
            return true;
        }
        return device.disk().isChunkAllocated(lba / device.blocksPerChunk());
    }

    private static long nextChunk(BlockDevice device, long lba) {
        if (!device.thin() || device.disk().isInUse()) {
            return device.blocks();
        }
        return (lba / device.blocksPerChunk() + 1) * device.blocksPerChunk();
    }
}
