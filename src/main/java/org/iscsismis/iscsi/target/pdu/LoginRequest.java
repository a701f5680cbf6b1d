package org.iscsismis.iscsi.target.pdu;

/**
 * A Login Request (RFC 7143 §11.12).
 *
 * @param transit T bit: the initiator is ready to move to stage {@code nsg}
 * @param more    C bit: the text continues in the next PDU
 * @param csg     current stage (0 security, 1 operational)
 * @param nsg     next stage (1 operational, 3 full feature), meaningful with {@code transit}
 * @param isid    the 6-byte initiator session id
 * @param tsih    0 for a new session
 */
public record LoginRequest(boolean transit, boolean more, int csg, int nsg, int versionMax, int versionMin, byte[] isid,
                           int tsih, int initiatorTaskTag, int cid, int cmdSn, int expStatSn, byte[] data) {

    public static LoginRequest from(Pdu pdu) {
        byte[] h = pdu.header();
        int flags = h[1] & 0xff;
        byte[] isid = new byte[6];
        System.arraycopy(h, 8, isid, 0, 6);
        return new LoginRequest((flags & 0x80) != 0, (flags & 0x40) != 0, flags >> 2 & 3, flags & 3, h[2] & 0xff,
                h[3] & 0xff, isid, Bytes.u16(h, 14), Bytes.i32(h, 16), Bytes.u16(h, 20), Bytes.i32(h, 24),
                Bytes.i32(h, 28), pdu.data());
    }

    /** The ISID as 12 hex digits, for logs and session identity. */
    public String isidHex() {
        StringBuilder sb = new StringBuilder(12);
        for (byte b : isid) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
