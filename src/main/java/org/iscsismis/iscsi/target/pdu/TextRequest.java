package org.iscsismis.iscsi.target.pdu;

/** A Text Request (RFC 7143 §11.10). */
public record TextRequest(boolean immediate, boolean finalBit, boolean more, long lun, int initiatorTaskTag,
                          int targetTransferTag, int cmdSn, int expStatSn, byte[] data) {

    public static TextRequest from(Pdu pdu) {
        byte[] h = pdu.header();
        return new TextRequest(pdu.immediate(), pdu.finalBit(), (h[1] & 0x40) != 0, pdu.lun(), pdu.initiatorTaskTag(),
                Bytes.i32(h, 20), Bytes.i32(h, 24), Bytes.i32(h, 28), pdu.data());
    }
}
