package org.iscsismis.iscsi.target.scsi;

/**
 * The 8-byte LUN field (SAM-5 §4.7): peripheral device addressing for LUNs below 256, flat space addressing up to
 * 16383. Single-level only.
 */
public final class LunAddress {

    /** The largest LUN flat space addressing can carry. */
    public static final int MAX_LUN = 0x3fff;

    private LunAddress() {
    }

    /** The LUN this field addresses, or -1 if it is not a single-level peripheral or flat address. */
    public static int decode(long field) {
        if ((field & 0x0000_ffff_ffff_ffffL) != 0) {
            return -1;
        }
        int first = (int) (field >>> 56) & 0xff;
        int second = (int) (field >>> 48) & 0xff;
        return switch (first >> 6) {
            case 0 -> (first & 0x3f) == 0 ? second : -1;
            case 1 -> (first & 0x3f) << 8 | second;
            default -> -1;
        };
    }

    public static long encode(int lun) {
        if (lun < 0 || lun > MAX_LUN) {
            throw new IllegalArgumentException("LUN " + lun + " is outside 0.." + MAX_LUN);
        }
        long first = lun < 256 ? 0 : 0x40 | lun >> 8;
        return first << 56 | (long) (lun & 0xff) << 48;
    }
}
