package org.iscsismis.iscsi.target.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads PDUs from a connection in two steps: {@link #nextHeader()} reads and checks the BHS, the AHS and the header
 * digest; then exactly one of {@link #readData}, {@link #readDataInto} or {@link #discardData()} consumes the data
 * segment, its padding and its digest. The two steps let a Data-Out land straight in its task's buffer.
 *
 * <p>Not thread-safe: one reader thread per connection.
 */
public final class PduReader {

    private final InputStream in;
    private final byte[] digest = new byte[4];
    private final byte[] pad = new byte[4];
    private final byte[] skip = new byte[16 * 1024];
    private boolean headerDigest;
    private boolean dataDigest;
    private int maxDataSegmentLength;
    private int pendingData = -1;

    /**
     * @param maxDataSegmentLength the longest data segment accepted (our MaxRecvDataSegmentLength); longer is fatal
     */
    public PduReader(InputStream in, int maxDataSegmentLength) {
        this.in = in;
        this.maxDataSegmentLength = maxDataSegmentLength;
    }

    /** Digests negotiated at login apply from the first PDU of the full feature phase. */
    public void useDigests(boolean header, boolean data) {
        this.headerDigest = header;
        this.dataDigest = data;
    }

    public void maxDataSegmentLength(int max) {
        this.maxDataSegmentLength = max;
    }

    /**
     * The next PDU's header, its data still unread. Null at a clean end of stream (before the first byte of a PDU).
     *
     * @throws PduFormatException fatal: a header digest mismatch or a data segment over the limit
     * @throws EOFException       the stream ended inside a PDU
     */
    public Pdu nextHeader() throws IOException, PduFormatException {
        if (pendingData >= 0) {
            throw new IllegalStateException("the previous PDU's data segment has not been consumed");
        }
        byte[] header = new byte[Pdu.BHS_LENGTH];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        readFully(header, 1, Pdu.BHS_LENGTH - 1);
        int ahsLength = (header[4] & 0xff) * 4;
        byte[] ahs = new byte[ahsLength];
        readFully(ahs, 0, ahsLength);
        if (headerDigest) {
            readFully(digest, 0, 4);
            int expected = Digests.crc(header, 0, Pdu.BHS_LENGTH, ahs, 0, ahsLength);
            if (Digests.littleEndian(digest, 0) != expected) {
                throw new PduFormatException(RejectReason.PROTOCOL_ERROR, true, "header digest mismatch");
            }
        }
        int dataLength = Bytes.u24(header, 5);
        if (dataLength > maxDataSegmentLength) {
            throw new PduFormatException(RejectReason.PROTOCOL_ERROR, true, "data segment of " + dataLength
                    + " bytes exceeds MaxRecvDataSegmentLength " + maxDataSegmentLength);
        }
        pendingData = dataLength;
        return new Pdu(header, ahs, null, 0, 0);
    }

    /** The length of the data segment not yet consumed. */
    public int pendingDataLength() {
        return pendingData;
    }

    /**
     * The data segment of the header just read, as a PDU with header and data.
     *
     * @throws PduFormatException not fatal: a data digest mismatch (the PDU was consumed)
     */
    public Pdu readData(Pdu header) throws IOException, PduFormatException {
        byte[] data = new byte[pendingData];
        readDataInto(data, 0);
        return new Pdu(header.header(), header.ahs(), data, 0, data.length);
    }

    /** Reads the data segment into {@code dst} at {@code off}; the caller checked it fits. */
    public void readDataInto(byte[] dst, int off) throws IOException, PduFormatException {
        readDataInto(dst, off, pendingData);
    }

    /** Skips the data segment (its digest is still checked, so a corrupt stream is noticed). */
    public void discardData() throws IOException, PduFormatException {
        readDataInto(null, 0, 0);
    }

    /**
     * Reads the first {@code keep} bytes of the data segment into {@code dst} at {@code off} and skips the rest; the
     * digest covers all of it.
     *
     * @throws PduFormatException not fatal: a data digest mismatch (the segment was consumed)
     */
    public void readDataInto(byte[] dst, int off, int keep) throws IOException, PduFormatException {
        int len = pendingData;
        pendingData = -1;
        if (keep < 0 || keep > len) {
            throw new IllegalArgumentException("cannot keep " + keep + " of " + len + " bytes");
        }
        CRC32C crc = dataDigest && len > 0 ? new CRC32C() : null;
        readFully(dst, off, keep);
        if (crc != null && keep > 0) {
            crc.update(dst, off, keep);
        }
        int left = len - keep;
        while (left > 0) {
            int n = Math.min(left, skip.length);
            readFully(skip, 0, n);
            if (crc != null) {
                crc.update(skip, 0, n);
            }
            left -= n;
        }
        int padding = Digests.padding(len);
        readFully(pad, 0, padding);
        if (crc != null) {
            crc.update(pad, 0, padding);
            readFully(digest, 0, 4);
            if (Digests.littleEndian(digest, 0) != (int) crc.getValue()) {
                throw new PduFormatException(RejectReason.DATA_DIGEST_ERROR, false, "data digest mismatch");
            }
        }
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("connection closed inside a PDU");
            }
            off += n;
            len -= n;
        }
    }
}
