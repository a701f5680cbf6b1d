package org.iscsismis.operation;

/** Validation shared by the request records. */
final class Requests {

    static final long UINT32_MAX = 0xFFFF_FFFFL;

    private Requests() {
    }

    static void checkUint32(String parameter, long value) {
        if (value < 0 || value > UINT32_MAX) {
            throw new IllegalArgumentException(parameter + " must be a uint32 (0.." + UINT32_MAX + "), got " + value);
        }
    }

    /** The uint32 parameters every pull-operation opener has: OperationTimeout (may be NULL) and MaxObjectCount. */
    static void checkOpenParameters(Long operationTimeout, long maxObjectCount) {
        if (operationTimeout != null) {
            checkUint32("OperationTimeout", operationTimeout);
        }
        checkUint32("MaxObjectCount", maxObjectCount);
    }
}
