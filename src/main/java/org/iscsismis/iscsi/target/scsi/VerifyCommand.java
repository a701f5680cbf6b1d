package org.iscsismis.iscsi.target.scsi;

/**
 * VERIFY(10/12/16) (SBC-3 §5.22-5.24). BYTCHK 00b: the blocks must be readable; 01b: they must equal the Data-Out
 * blocks (compared piece by piece as they arrive); 11b: each must equal the one Data-Out block. VRPROTECT must be 0.
 * A difference is MISCOMPARE with the offset of the first differing byte.
 */
final class VerifyCommand implements StreamingHandler {

    private static final int PIECE = 1 << 20;

    private final TransferLayout layout;

    VerifyCommand(TransferLayout layout) {
        this.layout = layout;
    }

    @Override
    public int dataOutLength(ScsiRequest request) {
        long blocks = check(request);
        int bs = request.device().blockSize();
        return switch (byteCheck(request.cdb())) {
            case 1 -> (int) (blocks * bs);
            case 3 -> blocks == 0 ? 0 : bs;
            default -> 0;
        };
    }

    private static int byteCheck(Cdb cdb) {
        return cdb.bits(1, 1, 2);
    }

    private long check(ScsiRequest request) {
        if (byteCheck(request.cdb()) == 2) {
            throw ScsiError.invalidCdbField(1, 2, "BYTCHK 10b is reserved");
        }
        return BlockChecks.transfer(request, layout, "VRPROTECT");
    }

    /** BYTCHK 01b: the piece must equal the medium at the same place; 11b: the one block is kept for {@link #finish}. */
    @Override
    public void accept(ScsiRequest request, long offset, byte[] data, int off, int len) {
        if (byteCheck(request.cdb()) == 3) {
            compareEach(request, data, off);
            return;
        }
        BlockDevice device = request.device();
        long at = layout.lba(request.cdb()) * device.blockSize() + offset;
        byte[] medium = new byte[len];
        device.read(at, medium, 0, len);
        int differs = Mismatch.first(data, off, medium, 0, len);
        if (differs >= 0) {
            throw ScsiError.miscompare(offset + differs, "block " + (at + differs) / device.blockSize() + " differs");
        }
    }

    /** BYTCHK 00b: every block must be readable. */
    @Override
    public Reply finish(ScsiRequest request, long total) {
        long blocks = check(request);
        if (byteCheck(request.cdb()) == 0) {
            BlockDevice device = request.device();
            long start = layout.lba(request.cdb()) * device.blockSize();
            long length = blocks * device.blockSize();
            byte[] piece = new byte[(int) Math.min(length, PIECE)];
            for (long done = 0; done < length; done += piece.length) {
                int n = (int) Math.min(piece.length, length - done);
                device.read(start + done, piece, 0, n);
            }
        }
        return Reply.good();
    }

    private void compareEach(ScsiRequest request, byte[] block, int off) {
        BlockDevice device = request.device();
        int bs = device.blockSize();
        long lba = layout.lba(request.cdb());
        long blocks = layout.blocks(request.cdb());
        byte[] medium = new byte[bs];
        for (long i = 0; i < blocks; i++) {
            device.read((lba + i) * bs, medium, 0, bs);
            int differs = Mismatch.first(block, off, medium, 0, bs);
            if (differs >= 0) {
                throw ScsiError.miscompare(i * bs + differs, "block " + (lba + i) + " differs");
            }
        }
    }
}
