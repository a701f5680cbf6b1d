package org.iscsismis.iscsi.target.scsi;

/**
 * COMPARE AND WRITE (SBC-3 §5.2): the Data-Out holds N verify blocks then N write blocks; if the medium equals the
 * verify blocks the write blocks replace them, else MISCOMPARE with the offset of the first differing byte. Read,
 * compare and write run under the logical unit's exclusive lock, so no other write through this target interleaves.
 */
final class CompareAndWriteCommand implements CommandHandler {

    @Override
    public int dataOutLength(ScsiRequest request) {
        return 2 * (int) check(request) * request.device().blockSize();
    }

    private static long check(ScsiRequest request) {
        Cdb cdb = request.cdb();
        BlockChecks.noProtection(cdb, "WRPROTECT");
        BlockDevice device = request.device();
        int blocks = cdb.u8(13);
        if (blocks > BlockLimits.maxCompareAndWriteBlocks(device.blockSize())) {
            throw ScsiError.invalidCdbField(13, -1, blocks + " blocks exceed the maximum compare and write length of "
                    + BlockLimits.maxCompareAndWriteBlocks(device.blockSize()));
        }
        device.checkRange(cdb.u64(2), blocks);
        device.checkWritable();
        long transfer = request.expectedTransfer();
        if (transfer > 0 && transfer != 2L * blocks * device.blockSize()) {
            // the one-byte NUMBER OF LOGICAL BLOCKS cannot say what the initiator means to send (e.g. 256 blocks)
            throw ScsiError.invalidCdbField(13, -1, "NUMBER OF LOGICAL BLOCKS " + blocks + " does not match the "
                    + transfer + " bytes the initiator sends");
        }
        return blocks;
    }

    @Override
    public Reply execute(ScsiRequest request, byte[] dataOut) {
        long blocks = check(request);
        if (blocks == 0) {
            return Reply.good();
        }
        BlockDevice device = request.device();
        int length = (int) blocks * device.blockSize();
        long start = request.cdb().u64(2) * device.blockSize();
        request.unit().locked(true, () -> {
            byte[] medium = new byte[length];
            device.read(start, medium, 0, length);
            int at = Mismatch.first(dataOut, 0, medium, 0, length);
            if (at >= 0) {
                throw ScsiError.miscompare(at, "COMPARE AND WRITE: byte " + at + " differs");
            }
            device.write(start, dataOut, length, length);
        });
        if (request.cdb().bit(1, 3)) {
            device.flush();
        }
        return Reply.good();
    }
}
