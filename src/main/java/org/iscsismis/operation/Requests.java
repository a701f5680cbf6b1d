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
}
