package org.iscsismis.iscsi.target.pdu;

/**
 * A PDU that cannot be taken as it is: a header digest mismatch, a data segment longer than declared, a malformed
 * field. {@link #fatal()} says whether the byte stream is lost (the connection must close) or only this PDU is bad
 * (it is answered with a Reject of {@link #reason()}).
 */
public final class PduFormatException extends Exception {

    private final RejectReason reason;
    private final boolean fatal;

    public PduFormatException(RejectReason reason, boolean fatal, String message) {
        super(message);
        this.reason = reason;
        this.fatal = fatal;
    }

    public RejectReason reason() {
        return reason;
    }

    public boolean fatal() {
        return fatal;
    }
}
