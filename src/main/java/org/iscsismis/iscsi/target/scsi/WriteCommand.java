package org.iscsismis.iscsi.target.scsi;

/**
 * WRITE(6/10/12/16) and WRITE AND VERIFY(10/12/16) (SBC-3 §5.26-5.34). The data lands piece by piece through the
 * disk's host door, so the replication engine sees every write (mirrors, copy-on-write). WRPROTECT must be 0; FUA
 * flushes at the end; WRITE AND VERIFY reads each piece back and compares it (BYTCHK 0 or 1: the medium must hold
 * what was sent). A transfer cut short by the initiator's Expected Data Transfer Length writes the whole blocks it
 * brought.
 */
final class WriteCommand implements StreamingHandler {

    private final TransferLayout layout;
    private final boolean verify;

    WriteCommand(TransferLayout layout, boolean verify) {
        this.layout = layout;
        this.verify = verify;
    }

    @Override
    public int dataOutLength(ScsiRequest request) {
        return (int) (check(request) * request.device().blockSize());
    }

    @Override
    public int partialGranule(ScsiRequest request) {
        return request.device().blockSize();
    }

    private long check(ScsiRequest request) {
        Cdb cdb = request.cdb();
        if (verify && cdb.bits(1, 1, 2) > 1) {
            throw ScsiError.invalidCdbField(1, 2, "BYTCHK " + cdb.bits(1, 1, 2) + " is reserved for WRITE AND VERIFY");
        }
        long blocks = BlockChecks.transfer(request, layout, "WRPROTECT");
        request.device().checkWritable();
        return blocks;
    }

    @Override
    public void accept(ScsiRequest request, long offset, byte[] data, int off, int len) {
        BlockDevice device = request.device();
        long at = layout.lba(request.cdb()) * device.blockSize() + offset;
        request.unit().locked(false, () -> device.write(at, data, off, len));
        if (verify) {
            byte[] back = new byte[len];
            device.read(at, back, 0, len);
            int differs = Mismatch.first(data, off, back, 0, len);
            if (differs >= 0) {
                throw ScsiError.miscompare(offset + differs, "block " + (at + differs) / device.blockSize() + " reads back differently");
            }
        }
    }

    @Override
    public Reply finish(ScsiRequest request, long total) {
        if (total > 0 && layout != TransferLayout.CDB6 && request.cdb().bit(1, 3)) {
            request.device().flush();
        }
        return Reply.good();
    }
}
