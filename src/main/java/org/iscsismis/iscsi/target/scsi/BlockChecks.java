package org.iscsismis.iscsi.target.scsi;

/** The CDB checks the block commands share, in SBC-3's order: protection field, then range, then transfer length. */
final class BlockChecks {

    private BlockChecks() {
    }

    /** The medium has no protection information: RDPROTECT, WRPROTECT, VRPROTECT or ORPROTECT (byte 1, bits 7-5) must be 0. */
    static void noProtection(Cdb cdb, String field) {
        if (cdb.bits(1, 5, 3) != 0) {
            throw ScsiError.invalidCdbField(1, 7, field + " " + cdb.bits(1, 5, 3) + ": the medium has no protection information");
        }
    }

    /** The blocks a READ/WRITE-like command names, after checking its protection field, range and length. */
    static long transfer(ScsiRequest request, TransferLayout layout, String protectionField) {
        Cdb cdb = request.cdb();
        if (layout != TransferLayout.CDB6) {
            noProtection(cdb, protectionField);
        }
        BlockDevice device = request.device();
        long lba = layout.lba(cdb);
        long blocks = layout.blocks(cdb);
        device.checkRange(lba, blocks);
        BlockLimits.checkTransfer(blocks, device.blockSize(), layout.lengthByte());
        return blocks;
    }
}
