package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.MethodResult;

/**
 * A method call refused before anything changed: it travels as a return code (not a CIM error, which DSP0200
 * keeps for protocol-level failures), with OUT parameters such as the nearest supported Size where the method
 * defines them. The message goes to the server log, since a return code cannot carry one.
 */
final class MethodRefusal extends RuntimeException {

    private final transient MethodResult result;

    MethodRefusal(ReturnCode code, String message) {
        this(code.result(), message);
    }

    MethodRefusal(MethodResult result, String message) {
        super(message, null, false, false);
        this.result = result;
    }

    /** A method-specific return code (4096 and up, from the method's own value map). */
    static MethodRefusal code(long code, String message) {
        return new MethodRefusal(MethodResult.of(CimValue.ofUint32(code)), message);
    }

    static MethodRefusal invalid(String message) {
        return new MethodRefusal(ReturnCode.INVALID_PARAMETER, message);
    }

    static MethodRefusal notSupported(String message) {
        return new MethodRefusal(ReturnCode.NOT_SUPPORTED, message);
    }

    static MethodRefusal inUse(String message) {
        return new MethodRefusal(ReturnCode.IN_USE, message);
    }

    /** A copy whose result also carries OUT parameter {@code name}. */
    MethodRefusal with(String name, CimValue value) {
        return new MethodRefusal(result.with(name, value), getMessage());
    }

    MethodResult result() {
        return result;
    }
}
