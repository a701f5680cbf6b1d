package org.iscsismis.iscsi.target.scsi;

/**
 * The data a command returns, read piece by piece as the transport sends it, so a large READ never needs a buffer of
 * its full length. {@link #read} may fail with a {@link ScsiError} (a disk fault part-way through).
 */
public interface DataIn {

    /** The number of bytes the command transfers (after any allocation length was applied). */
    long length();

    /** Copies {@code len} bytes starting at {@code offset} of the data into {@code dst}. */
    void read(long offset, byte[] dst, int dstOff, int len);

    /** Data held in an array: the first {@code length} bytes of {@code bytes}. */
    static DataIn of(byte[] bytes, int length) {
        int n = Math.min(length, bytes.length);
        return new DataIn() {
            @Override
            public long length() {
                return n;
            }

            @Override
            public void read(long offset, byte[] dst, int dstOff, int len) {
                System.arraycopy(bytes, (int) offset, dst, dstOff, len);
            }
        };
    }
}
