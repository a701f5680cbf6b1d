package org.iscsismis.iscsi.target.pdu;

import java.util.zip.CRC32C;

/**
 * The iSCSI header and data digests: CRC32C (RFC 7143 §13.1, polynomial 0x1EDC6F41), sent least significant byte
 * first on the wire, the data digest covering the data segment and its padding.
 */
final class Digests {

    private static final byte[] ZEROS = new byte[3];

    private Digests() {
    }

    static int crc(byte[] a, int off, int len, byte[] b, int bOff, int bLen) {
        CRC32C crc = new CRC32C();
        crc.update(a, off, len);
        if (bLen > 0) {
            crc.update(b, bOff, bLen);
        }
        return (int) crc.getValue();
    }

    /** The data digest over {@code len} bytes plus the zero padding to a multiple of four. */
    static int dataCrc(byte[] data, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(data, off, len);
        int pad = padding(len);
        if (pad > 0) {
            crc.update(ZEROS, 0, pad);
        }
        return (int) crc.getValue();
    }

    static int padding(int len) {
        return -len & 3;
    }

    static void putLittleEndian(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    static int littleEndian(byte[] b, int off) {
        return b[off] & 0xff | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
