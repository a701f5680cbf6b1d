package org.iscsismis.iscsi.target.scsi;

import org.iscsismis.iscsi.target.pdu.Bytes;

/** Field access on a CDB, and the checks every handler shares. */
public final class Cdb {

    private final byte[] bytes;

    public Cdb(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int opcode() {
        return bytes[0] & 0xff;
    }

    /** The SERVICE ACTION field of byte 1 (bits 4-0). */
    public int serviceAction() {
        return bytes[1] & 0x1f;
    }

    public int u8(int at) {
        return bytes[at] & 0xff;
    }

    public int u16(int at) {
        return Bytes.u16(bytes, at);
    }

    public long u32(int at) {
        return Bytes.u32(bytes, at);
    }

    public long u64(int at) {
        return Bytes.i64(bytes, at);
    }

    public boolean bit(int at, int bit) {
        return (bytes[at] >> bit & 1) != 0;
    }

    /** Bits {@code [low, low + width)} of byte {@code at}. */
    public int bits(int at, int low, int width) {
        return (bytes[at] & 0xff) >> low & (1 << width) - 1;
    }

    /** Fails with INVALID FIELD IN CDB at the first set bit that {@code mask} (one byte per CDB byte) does not allow. */
    public void checkUsage(byte[] mask) {
        int n = Math.min(mask.length, bytes.length);
        for (int i = 1; i < n; i++) {
            int extra = bytes[i] & ~mask[i] & 0xff;
            if (extra != 0) {
                int bit = 31 - Integer.numberOfLeadingZeros(extra);
                throw ScsiError.invalidCdbField(i, bit, "CDB byte " + i + " bit " + bit + " is reserved or unsupported");
            }
        }
    }
}
