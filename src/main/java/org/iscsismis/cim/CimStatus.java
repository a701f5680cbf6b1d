package org.iscsismis.cim;

/**
 * CIM status codes: the ValueMap of {@code CIM_Error.CIMStatusCode} (DSP0200 / CIM Schema),
 * plus {@link #SUCCESS}, which never appears in an {@code ERROR} element.
 */
public enum CimStatus {
    SUCCESS(0),
    FAILED(1),
    ACCESS_DENIED(2),
    INVALID_NAMESPACE(3),
    INVALID_PARAMETER(4),
    INVALID_CLASS(5),
    NOT_FOUND(6),
    NOT_SUPPORTED(7),
    CLASS_HAS_CHILDREN(8),
    CLASS_HAS_INSTANCES(9),
    INVALID_SUPERCLASS(10),
    ALREADY_EXISTS(11),
    NO_SUCH_PROPERTY(12),
    TYPE_MISMATCH(13),
    QUERY_LANGUAGE_NOT_SUPPORTED(14),
    INVALID_QUERY(15),
    METHOD_NOT_AVAILABLE(16),
    METHOD_NOT_FOUND(17),
    UNEXPECTED_RESPONSE(18),
    INVALID_RESPONSE_DESTINATION(19),
    NAMESPACE_NOT_EMPTY(20),
    INVALID_ENUMERATION_CONTEXT(21),
    INVALID_OPERATION_TIMEOUT(22),
    PULL_HAS_BEEN_ABANDONED(23),
    PULL_CANNOT_BE_ABANDONED(24),
    FILTERED_ENUMERATION_NOT_SUPPORTED(25),
    CONTINUATION_ON_ERROR_NOT_SUPPORTED(26),
    SERVER_LIMITS_EXCEEDED(27),
    SERVER_IS_SHUTTING_DOWN(28),
    QUERY_FEATURE_NOT_SUPPORTED(29);

    private static final CimStatus[] BY_CODE = values();

    private final int code;

    CimStatus(int code) {
        this.code = code;
    }

    /** The numeric code written in {@code ERROR CODE=…}. */
    public int code() {
        return code;
    }

    /** The symbolic name, e.g. {@code CIM_ERR_NOT_FOUND} ({@code CIM_ERR_SUCCESS} for 0, as OpenPegasus spells it). */
    public String cimName() {
        return "CIM_ERR_" + name();
    }

    /**
     * @throws IllegalArgumentException for a code outside 0..29
     */
    public static CimStatus fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("Unknown CIM status code " + code);
        }
        return BY_CODE[code];
    }
}
