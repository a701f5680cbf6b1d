package org.iscsismis.iscsi.target.pdu;

/**
 * A SCSI Command PDU (RFC 7143 §11.3) with its CDB (16 bytes, longer with an Extended CDB AHS) and immediate data.
 *
 * @param attribute the task attribute (0 untagged, 1 simple, 2 ordered, 3 head of queue, 4 ACA)
 * @param expectedLength Expected Data Transfer Length, unsigned 32 bits
 * @param bidirectional  an AHS announced a bidirectional read length
 */
public record ScsiCommand(boolean immediate, boolean finalBit, boolean read, boolean write, int attribute, long lun,
                          int initiatorTaskTag, long expectedLength, int cmdSn, int expStatSn, byte[] cdb,
                          boolean bidirectional, byte[] immediateData) {

    private static final int AHS_EXTENDED_CDB = 1;
    private static final int AHS_BIDI_READ_LENGTH = 2;

    /**
     * Decodes the header and the data already read.
     *
     * @throws PduFormatException not fatal: an AHS that runs past its segment
     */
    public static ScsiCommand from(Pdu pdu) throws PduFormatException {
        byte[] h = pdu.header();
        int flags = h[1] & 0xff;
        byte[] cdb = new byte[16];
        System.arraycopy(h, 32, cdb, 0, 16);
        boolean bidi = false;
        byte[] ahs = pdu.ahs();
        int at = 0;
        while (at + 3 < ahs.length) {
            int length = Bytes.u16(ahs, at);
            int type = ahs[at + 2] & 0xff;
            if (at + 3 + length > ahs.length) {
                throw new PduFormatException(RejectReason.INVALID_PDU_FIELD, false, "AHS of type " + type + " runs past the AHS segment");
            }
            if (type == AHS_EXTENDED_CDB && length > 1) {
                byte[] longer = new byte[16 + length - 1];
                System.arraycopy(cdb, 0, longer, 0, 16);
                System.arraycopy(ahs, at + 4, longer, 16, length - 1);
                cdb = longer;
            } else if (type == AHS_BIDI_READ_LENGTH) {
                bidi = true;
            }
            at += 3 + length + Digests.padding(3 + length);
        }
        return new ScsiCommand(pdu.immediate(), (flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, flags & 7,
                pdu.lun(), pdu.initiatorTaskTag(), Bytes.u32(h, 20), Bytes.i32(h, 24), Bytes.i32(h, 28), cdb, bidi, pdu.data());
    }
}
