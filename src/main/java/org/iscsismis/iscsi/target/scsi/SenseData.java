package org.iscsismis.iscsi.target.scsi;

import org.iscsismis.iscsi.target.pdu.Bytes;

/**
 * Builds sense data (SPC-4 §4.5) in one place: fixed format (70h, 18 bytes) or descriptor format (72h, with an
 * information descriptor and a sense-key specific descriptor when there is something to put in them).
 */
public final class SenseData {

    private SenseData() {
    }

    static byte[] build(AdditionalSense sense, Long information, int fieldByte, int fieldBit, boolean inCdb,
                        boolean descriptorFormat) {
        return descriptorFormat ? descriptor(sense, information, fieldByte, fieldBit, inCdb)
                : fixed(sense, information, fieldByte, fieldBit, inCdb);
    }

    /** Sense data for a unit attention or other condition without extra fields. */
    public static byte[] of(AdditionalSense sense, boolean descriptorFormat) {
        return build(sense, null, -1, -1, false, descriptorFormat);
    }

    private static byte[] fixed(AdditionalSense sense, Long information, int fieldByte, int fieldBit, boolean inCdb) {
        byte[] s = new byte[18];
        s[0] = (byte) (0x70 | (information != null ? 0x80 : 0));
        s[2] = (byte) sense.key().code();
        if (information != null) {
            Bytes.put32(s, 3, information);
        }
        s[7] = 10;
        s[12] = (byte) sense.asc();
        s[13] = (byte) sense.ascq();
        if (fieldByte >= 0) {
            fieldPointer(s, 15, fieldByte, fieldBit, inCdb);
        }
        return s;
    }

    private static byte[] descriptor(AdditionalSense sense, Long information, int fieldByte, int fieldBit, boolean inCdb) {
        int length = 8 + (information != null ? 12 : 0) + (fieldByte >= 0 ? 8 : 0);
        byte[] s = new byte[length];
        s[0] = 0x72;
        s[1] = (byte) sense.key().code();
        s[2] = (byte) sense.asc();
        s[3] = (byte) sense.ascq();
        s[7] = (byte) (length - 8);
        int at = 8;
        if (information != null) {
            s[at] = 0x00; // information descriptor
            s[at + 1] = 0x0a;
            s[at + 2] = (byte) 0x80; // VALID
            Bytes.put64(s, at + 4, information);
            at += 12;
        }
        if (fieldByte >= 0) {
            s[at] = 0x02; // sense key specific descriptor
            s[at + 1] = 0x06;
            fieldPointer(s, at + 4, fieldByte, fieldBit, inCdb);
        }
        return s;
    }

    /** SKSV, C/D, BPV and BIT POINTER, then the two-byte FIELD POINTER (SPC-4 §4.5.2.4.2). */
    private static void fieldPointer(byte[] s, int at, int fieldByte, int fieldBit, boolean inCdb) {
        int flags = 0x80 | (inCdb ? 0x40 : 0);
        if (fieldBit >= 0) {
            flags |= 0x08 | fieldBit & 7;
        }
        s[at] = (byte) flags;
        Bytes.put16(s, at + 1, fieldByte);
    }
}
