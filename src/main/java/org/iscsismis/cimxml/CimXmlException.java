package org.iscsismis.cimxml;

/** A request body that cannot be decoded at all; the HTTP layer answers it with a non-200 status. */
public final class CimXmlException extends Exception {

    /** Why the body was refused; each maps to one HTTP status and CIMError value. */
    public enum Kind {
        NOT_WELL_FORMED, NOT_VALID, LIMIT_EXCEEDED,
        UNSUPPORTED_CIM_VERSION, UNSUPPORTED_DTD_VERSION, UNSUPPORTED_PROTOCOL_VERSION,
        MULTIPLE_REQUESTS_UNSUPPORTED
    }

    private final Kind kind;

    public CimXmlException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CimXmlException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
