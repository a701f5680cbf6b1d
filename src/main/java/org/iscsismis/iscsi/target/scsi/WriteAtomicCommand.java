package org.iscsismis.iscsi.target.scsi;

/**
 * WRITE ATOMIC(16) (SBC-4 §5.48): the blocks are written all or nothing, never partly visible. The data is buffered
 * whole and lands in one disk write (which holds the chunks' locks for its duration) under the logical unit's
 * exclusive lock. Up to MAXIMUM ATOMIC TRANSFER LENGTH blocks, no alignment or granularity rule, no atomic boundary.
 */
final class WriteAtomicCommand implements CommandHandler {

    @Override
    public int dataOutLength(ScsiRequest request) {
        return (int) (check(request) * request.device().blockSize());
    }

    private static long check(ScsiRequest request) {
        Cdb cdb = request.cdb();
        BlockChecks.noProtection(cdb, "WRPROTECT");
        if (cdb.u16(10) != 0) {
            throw ScsiError.invalidCdbField(10, -1, "ATOMIC BOUNDARY " + cdb.u16(10) + ": atomic boundaries are not supported");
        }
        BlockDevice device = request.device();
        long lba = cdb.u64(2);
        long blocks = cdb.u16(12);
        if (blocks > BlockLimits.maxAtomicBlocks(device.blockSize())) {
            throw ScsiError.invalidCdbField(12, -1, blocks + " blocks exceed the maximum atomic transfer length of "
                    + BlockLimits.maxAtomicBlocks(device.blockSize()));
        }
        device.checkRange(lba, blocks);
        device.checkWritable();
        return blocks;
    }

    @Override
    public Reply execute(ScsiRequest request, byte[] dataOut) {
        long blocks = check(request);
        if (blocks == 0) {
            return Reply.good();
        }
        BlockDevice device = request.device();
        request.unit().locked(true, () -> device.write(request.cdb().u64(2) * device.blockSize(), dataOut, 0, dataOut.length));
        if (request.cdb().bit(1, 3)) {
            device.flush();
        }
        return Reply.good();
    }
}
