package org.iscsismis.iscsi.target.pdu;

/**
 * A NOP-Out (RFC 7143 §11.18): a ping from the initiator (ITT set, answered with a NOP-In echoing the data) or the
 * answer to our NOP-In (ITT 0xffffffff, TTT ours).
 */
public record NopOut(boolean immediate, long lun, int initiatorTaskTag, int targetTransferTag, int cmdSn, int expStatSn,
                     byte[] data) {

    public static NopOut from(Pdu pdu) {
        byte[] h = pdu.header();
        return new NopOut(pdu.immediate(), pdu.lun(), pdu.initiatorTaskTag(), Bytes.i32(h, 20), Bytes.i32(h, 24),
                Bytes.i32(h, 28), pdu.data());
    }

    public boolean isPing() {
        return initiatorTaskTag != Pdu.RESERVED_TAG;
    }
}
