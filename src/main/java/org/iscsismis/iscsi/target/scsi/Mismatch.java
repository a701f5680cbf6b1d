package org.iscsismis.iscsi.target.scsi;

import java.util.Arrays;

/** Where two byte ranges first differ. */
final class Mismatch {

    private Mismatch() {
    }

    /** The offset of the first differing byte within the ranges, or -1 if they are equal. */
    static int first(byte[] a, int aOff, byte[] b, int bOff, int len) {
        return Arrays.mismatch(a, aOff, aOff + len, b, bOff, bOff + len);
    }
}
