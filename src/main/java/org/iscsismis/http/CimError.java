package org.iscsismis.http;

import org.iscsismis.cimxml.CimXmlException;

/** The values of the {@code CIMError} response header (DSP0200), sent only on non-200 responses. */
enum CimError {
    UNSUPPORTED_PROTOCOL_VERSION("unsupported-protocol-version"),
    MULTIPLE_REQUESTS_UNSUPPORTED("multiple-requests-unsupported"),
    UNSUPPORTED_CIM_VERSION("unsupported-cim-version"),
    UNSUPPORTED_DTD_VERSION("unsupported-dtd-version"),
    REQUEST_NOT_VALID("request-not-valid"),
    REQUEST_NOT_WELL_FORMED("request-not-well-formed"),
    HEADER_MISMATCH("header-mismatch"),
    UNSUPPORTED_OPERATION("unsupported-operation"),
    /**
     * Not in DSP0200, which has no value for a request over a server's limits; OpenPegasus' value for
     * a request over its element limit. Used for every reader limit (depth, element count, attribute
     * size and count, text size, entity expansion, embedded-object nesting); the body names which.
     */
    REQUEST_WITH_TOO_MANY_ELEMENTS("request-with-too-many-elements");

    private final String value;

    CimError(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** The HTTP failure for a body the codec refused. */
    static HttpFailure of(CimXmlException e) {
        String message = e.getMessage();
        return switch (e.kind()) {
            case NOT_WELL_FORMED -> new HttpFailure(400, REQUEST_NOT_WELL_FORMED, message);
            case NOT_VALID -> new HttpFailure(400, REQUEST_NOT_VALID, message);
            case LIMIT_EXCEEDED -> new HttpFailure(400, REQUEST_WITH_TOO_MANY_ELEMENTS, message);
            case UNSUPPORTED_CIM_VERSION -> new HttpFailure(501, UNSUPPORTED_CIM_VERSION, message);
            case UNSUPPORTED_DTD_VERSION -> new HttpFailure(501, UNSUPPORTED_DTD_VERSION, message);
            case UNSUPPORTED_PROTOCOL_VERSION -> new HttpFailure(501, UNSUPPORTED_PROTOCOL_VERSION, message);
            case MULTIPLE_REQUESTS_UNSUPPORTED -> new HttpFailure(501, MULTIPLE_REQUESTS_UNSUPPORTED, message);
        };
    }
}
