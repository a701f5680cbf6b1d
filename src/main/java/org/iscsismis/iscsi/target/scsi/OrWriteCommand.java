package org.iscsismis.iscsi.target.scsi;

/**
 * ORWRITE(16) (SBC-3 §5.11): each block becomes the bitwise OR of its contents and the Data-Out block, read and
 * written piece by piece, each piece under the logical unit's exclusive lock. ORPROTECT must be 0.
 */
final class OrWriteCommand implements StreamingHandler {

    @Override
    public int dataOutLength(ScsiRequest request) {
        return (int) (check(request) * request.device().blockSize());
    }

    private static long check(ScsiRequest request) {
        long blocks = BlockChecks.transfer(request, TransferLayout.CDB16, "ORPROTECT");
        request.device().checkWritable();
        return blocks;
    }

    @Override
    public void accept(ScsiRequest request, long offset, byte[] data, int off, int len) {
        BlockDevice device = request.device();
        long at = TransferLayout.CDB16.lba(request.cdb()) * device.blockSize() + offset;
        request.unit().locked(true, () -> {
            byte[] medium = new byte[len];
            device.read(at, medium, 0, len);
            for (int i = 0; i < len; i++) {
                medium[i] |= data[off + i];
            }
            device.write(at, medium, 0, len);
        });
    }

    @Override
    public Reply finish(ScsiRequest request, long total) {
        return Reply.good();
    }
}
