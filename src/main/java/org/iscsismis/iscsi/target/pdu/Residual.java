package org.iscsismis.iscsi.target.pdu;

/**
 * How the data a command moved compares with the initiator's Expected Data Transfer Length (RFC 7143 §11.4.5): the
 * U (underflow) or O (overflow) bit of a SCSI Response or final Data-In, and the Residual Count.
 */
public record Residual(int flags, long count) {

    /** The U bit of byte 1. */
    static final int UNDERFLOW_BIT = 0x02;
    /** The O bit of byte 1. */
    static final int OVERFLOW_BIT = 0x04;

    public static final Residual NONE = new Residual(0, 0);

    /**
     * The residual of a transfer: {@code wanted} bytes the command would move (SCSI's idea), {@code expected} bytes
     * the initiator allowed (iSCSI's Expected Data Transfer Length).
     */
    public static Residual of(long wanted, long expected) {
        if (wanted < expected) {
            return new Residual(UNDERFLOW_BIT, expected - wanted);
        }
        if (wanted > expected) {
            return new Residual(OVERFLOW_BIT, wanted - expected);
        }
        return NONE;
    }

    public boolean underflow() {
        return (flags & UNDERFLOW_BIT) != 0;
    }

    public boolean overflow() {
        return (flags & OVERFLOW_BIT) != 0;
    }
}
