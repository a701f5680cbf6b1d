package org.iscsismis.http;

/**
 * A request refused at the HTTP level: a non-200 status, an optional {@code CIMError} value and a
 * short plain-text explanation for the body. Thrown inside the handler, never out of it.
 */
final class HttpFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient CimError cimError;

    HttpFailure(int status, CimError cimError, String message) {
        super(message, null, false, false);
        this.status = status;
        this.cimError = cimError;
    }

    HttpFailure(int status, String message) {
        this(status, null, message);
    }

    int status() {
        return status;
    }

    /** The CIMError header value, or null for none. */
    CimError cimError() {
        return cimError;
    }
}
