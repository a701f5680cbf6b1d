package org.iscsismis.iscsi.target.pdu;

/**
 * A Logout Request (RFC 7143 §11.14).
 *
 * @param reason 0 close the session, 1 close the connection, 2 remove the connection for recovery
 */
public record LogoutRequest(boolean immediate, int reason, int initiatorTaskTag, int cid, int cmdSn, int expStatSn) {

    public static final int CLOSE_SESSION = 0;
    public static final int CLOSE_CONNECTION = 1;
    public static final int REMOVE_CONNECTION_FOR_RECOVERY = 2;

    public static LogoutRequest from(Pdu pdu) {
        byte[] h = pdu.header();
        return new LogoutRequest(pdu.immediate(), h[1] & 0x7f, pdu.initiatorTaskTag(), Bytes.u16(h, 20), Bytes.i32(h, 24),
                Bytes.i32(h, 28));
    }
}
