package org.iscsismis.iscsi.target.scsi;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * INQUIRY (SPC-4 §6.6): standard data (SPC-4, SBC-3, iSCSI version descriptors; command queueing), or a VPD page
 * ({@link VpdPages}). A LUN without a logical unit answers with peripheral qualifier 011b, device type 1Fh.
 */
final class InquiryCommand implements CommandHandler {

    /** Version descriptors (SPC-4 table 32): SAM-5, SPC-4, SBC-3, iSCSI (no version claimed). */
    private static final int[] VERSION_DESCRIPTORS = {0x00a0, 0x0460, 0x04c0, 0x0960};
    private static final int STANDARD_LENGTH = 96;
    private static final int NO_UNIT = 0x7f;

    private final InquiryData identity;
    private final VpdPages vpd;

    InquiryCommand(InquiryData identity, VpdPages vpd) {
        this.identity = identity;
        this.vpd = vpd;
    }

    @Override
    public Reply execute(ScsiRequest request, byte[] dataOut) {
        Cdb cdb = request.cdb();
        int allocation = cdb.u16(3);
        boolean evpd = cdb.bit(1, 0);
        int page = cdb.u8(2);
        if (cdb.bit(1, 1)) {
            throw ScsiError.invalidCdbField(1, 1, "CMDDT is obsolete");
        }
        if (!evpd && page != 0) {
            throw ScsiError.invalidCdbField(2, -1, "PAGE CODE " + page + " without EVPD");
        }
        byte[] data = evpd ? vpd.page(page, request.unit()) : standard(request.unit());
        if (request.unit() == null) {
            data[0] = (byte) NO_UNIT;
        }
        return Reply.data(data, allocation);
    }

    private byte[] standard(LogicalUnit unit) {
        byte[] d = new byte[STANDARD_LENGTH];
        d[0] = 0x00; // direct access block device
        d[2] = 0x06; // SPC-4
        d[3] = 0x12; // HISUP, response data format 2
        d[4] = (byte) (STANDARD_LENGTH - 5);
        d[7] = 0x02; // CMDQUE
        InquiryData.put(d, 8, identity.vendor());
        InquiryData.put(d, 16, identity.product());
        InquiryData.put(d, 32, identity.revision());
        for (int i = 0; i < VERSION_DESCRIPTORS.length; i++) {
            Bytes.put16(d, 58 + 2 * i, VERSION_DESCRIPTORS[i]);
        }
        return d;
    }
}
