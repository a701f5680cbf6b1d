package org.iscsismis.iscsi.target.scsi;

/**
 * READ(6/10/12/16) (SBC-3 §5.7-5.10): the blocks are streamed from the medium as the transport sends them.
 * RDPROTECT must be 0 (no protection information); DPO and FUA are accepted (the medium is memory).
 */
final class ReadCommand implements CommandHandler {

    private final TransferLayout layout;

    ReadCommand(TransferLayout layout) {
        this.layout = layout;
    }

    @Override
    public int dataOutLength(ScsiRequest request) {
        check(request);
        return 0;
    }

    private long check(ScsiRequest request) {
        return BlockChecks.transfer(request, layout, "RDPROTECT");
    }

    @Override
    public Reply execute(ScsiRequest request, byte[] dataOut) {
        long blocks = check(request);
        BlockDevice device = request.device();
        long start = layout.lba(request.cdb()) * device.blockSize();
        long length = blocks * device.blockSize();
        return Reply.data(new MediumDataIn(device, start, length));
    }

    /** Blocks of the medium read on demand; pieces that do not start or end on a block are read through a block. */
    static final class MediumDataIn implements DataIn {

        private final BlockDevice device;
        private final long start;
        private final long length;

        MediumDataIn(BlockDevice device, long start, long length) {
            this.device = device;
            this.start = start;
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void read(long offset, byte[] dst, int dstOff, int len) {
            int bs = device.blockSize();
            long at = start + offset;
            if (at % bs == 0 && len % bs == 0) {
                device.read(at, dst, dstOff, len);
                return;
            }
            long first = at - at % bs;
            long end = at + len;
            long last = (end + bs - 1) / bs * bs;
            byte[] whole = new byte[(int) (last - first)];
            device.read(first, whole, 0, whole.length);
            System.arraycopy(whole, (int) (at - first), dst, dstOff, len);
        }
    }
}
