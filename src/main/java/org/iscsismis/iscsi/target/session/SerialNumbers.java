package org.iscsismis.iscsi.target.session;

/** 32-bit serial number arithmetic (RFC 1982), as iSCSI compares CmdSN, StatSN and DataSN. */
final class SerialNumbers {

    private SerialNumbers() {
    }

    /** a < b in serial arithmetic. */
    static boolean lessThan(int a, int b) {
        return a != b && (b - a) > 0;
    }

    static boolean lessOrEqual(int a, int b) {
        return a == b || lessThan(a, b);
    }
}
