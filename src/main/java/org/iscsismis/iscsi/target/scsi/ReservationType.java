package org.iscsismis.iscsi.target.scsi;

/** Persistent reservation types (SPC-4 §6.16.2, table 170), with the bit of each in REPORT CAPABILITIES' type mask. */
public enum ReservationType {
    WRITE_EXCLUSIVE(0x1, 0x0200),
    EXCLUSIVE_ACCESS(0x3, 0x0800),
    WRITE_EXCLUSIVE_REGISTRANTS_ONLY(0x5, 0x2000),
    EXCLUSIVE_ACCESS_REGISTRANTS_ONLY(0x6, 0x4000),
    WRITE_EXCLUSIVE_ALL_REGISTRANTS(0x7, 0x8000),
    EXCLUSIVE_ACCESS_ALL_REGISTRANTS(0x8, 0x0001);

    private final int code;
    private final int maskBit;

    ReservationType(int code, int maskBit) {
        this.code = code;
        this.maskBit = maskBit;
    }

    public int code() {
        return code;
    }

    /** The bit of the PERSISTENT RESERVATION TYPE MASK (bytes 4-5 of REPORT CAPABILITIES). */
    int maskBit() {
        return maskBit;
    }

    /** The type with this code, or null. */
    public static ReservationType of(int code) {
        for (ReservationType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** Every registrant holds the reservation (types 7 and 8). */
    boolean allRegistrants() {
        return this == WRITE_EXCLUSIVE_ALL_REGISTRANTS || this == EXCLUSIVE_ACCESS_ALL_REGISTRANTS;
    }

    /** Registrants may access the medium as the holder does (types 5 to 8). */
    boolean registrantsAccess() {
        return this != WRITE_EXCLUSIVE && this != EXCLUSIVE_ACCESS;
    }

    /** Non-holders may not read either (exclusive access types). */
    boolean exclusiveAccess() {
        return this == EXCLUSIVE_ACCESS || this == EXCLUSIVE_ACCESS_REGISTRANTS_ONLY || this == EXCLUSIVE_ACCESS_ALL_REGISTRANTS;
    }
}
