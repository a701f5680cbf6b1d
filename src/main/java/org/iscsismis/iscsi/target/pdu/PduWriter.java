package org.iscsismis.iscsi.target.pdu;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes PDUs to a connection: fills in TotalAHSLength and DataSegmentLength, appends the digests negotiated for
 * the connection and the padding. Thread-safe: the reader thread and the NOP-In timer both send, one whole PDU at
 * a time.
 */
public final class PduWriter {

    private static final byte[] PADDING = new byte[3];

    private final OutputStream out;
    private final byte[] digest = new byte[4];
    private volatile boolean headerDigest;
    private volatile boolean dataDigest;

    /** @param out a buffered stream: small PDUs are gathered until {@link #flush()} or a write with flush set */
    public PduWriter(OutputStream out) {
        this.out = out;
    }

    public void useDigests(boolean header, boolean data) {
        this.headerDigest = header;
        this.dataDigest = data;
    }

    /** Writes one PDU and, if {@code flush}, pushes everything buffered to the network. */
    public synchronized void write(Pdu pdu, boolean flush) throws IOException {
        byte[] header = pdu.header();
        byte[] ahs = pdu.ahs();
        int dataLength = pdu.dataLength();
        header[4] = (byte) (ahs.length / 4);
        Bytes.put24(header, 5, dataLength);
        out.write(header);
        out.write(ahs);
        if (headerDigest) {
            Digests.putLittleEndian(digest, 0, Digests.crc(header, 0, header.length, ahs, 0, ahs.length));
            out.write(digest);
        }
        if (dataLength > 0) {
            out.write(pdu.dataArray(), pdu.dataOffset(), dataLength);
            out.write(PADDING, 0, Digests.padding(dataLength));
            if (dataDigest) {
                Digests.putLittleEndian(digest, 0, Digests.dataCrc(pdu.dataArray(), pdu.dataOffset(), dataLength));
                out.write(digest);
            }
        }
        if (flush) {
            out.flush();
        }
    }

    public synchronized void flush() throws IOException {
        out.flush();
    }
}
