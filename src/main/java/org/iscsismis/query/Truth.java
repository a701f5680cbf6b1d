package org.iscsismis.query;

/** Three-valued (Kleene) logic: a comparison with NULL, or of values that do not compare, is UNKNOWN. */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    Truth not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }
}
