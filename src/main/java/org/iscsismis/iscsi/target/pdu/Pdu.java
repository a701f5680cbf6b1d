package org.iscsismis.iscsi.target.pdu;

import java.util.Objects;

/**
 * One iSCSI PDU as it crosses the wire (RFC 7143 §11.2): the 48-byte Basic Header Segment, the Additional Header
 * Segments, and the data segment. The header's TotalAHSLength and DataSegmentLength fields are kept in step with
 * the arrays by {@link PduWriter}; the data may be a slice of a larger array ({@code dataOffset}, {@code dataLength}),
 * so a Data-In PDU can carry part of a read buffer without a copy.
 */
public final class Pdu {

    /** Length of the Basic Header Segment. */
    public static final int BHS_LENGTH = 48;
    /** The reserved tag value 0xffffffff (no task, no transfer). */
    public static final int RESERVED_TAG = 0xffff_ffff;

    private final byte[] header;
    private final byte[] ahs;
    private final byte[] data;
    private final int dataOffset;
    private final int dataLength;

    public Pdu(byte[] header, byte[] ahs, byte[] data, int dataOffset, int dataLength) {
        if (header.length != BHS_LENGTH) {
            throw new IllegalArgumentException("a BHS has " + BHS_LENGTH + " bytes, not " + header.length);
        }
        this.header = header;
        this.ahs = ahs == null ? new byte[0] : ahs;
        this.data = data == null ? new byte[0] : data;
        Objects.checkFromIndexSize(dataOffset, dataLength, this.data.length);
        this.dataOffset = dataOffset;
        this.dataLength = dataLength;
    }

    /** A PDU with a fresh header of this opcode and the given data (may be null). */
    public static Pdu of(Opcode opcode, byte[] data) {
        byte[] header = new byte[BHS_LENGTH];
        header[0] = (byte) opcode.code();
        return new Pdu(header, null, data, 0, data == null ? 0 : data.length);
    }

    public byte[] header() {
        return header;
    }

    public byte[] ahs() {
        return ahs;
    }

    /** The data array; the segment is {@code [dataOffset, dataOffset + dataLength)}. */
    public byte[] dataArray() {
        return data;
    }

    public int dataOffset() {
        return dataOffset;
    }

    public int dataLength() {
        return dataLength;
    }

    /** The data segment as its own array (a copy when the PDU holds a slice). */
    public byte[] data() {
        if (dataOffset == 0 && dataLength == data.length) {
            return data;
        }
        byte[] copy = new byte[dataLength];
        System.arraycopy(data, dataOffset, copy, 0, dataLength);
        return copy;
    }

    /** The opcode code (byte 0, bits 5-0), defined by RFC 7143 or not. */
    public int opcodeCode() {
        return header[0] & 0x3f;
    }

    /** The opcode, or {@code null} for an undefined code. */
    public Opcode opcode() {
        return Opcode.of(header[0]);
    }

    /** The I bit: an immediate command (initiator PDUs only). */
    public boolean immediate() {
        return (header[0] & 0x40) != 0;
    }

    /** Byte 1, the opcode-specific flags (F bit is 0x80). */
    public int flags() {
        return header[1] & 0xff;
    }

    public boolean finalBit() {
        return (header[1] & 0x80) != 0;
    }

    public long lun() {
        return Bytes.i64(header, 8);
    }

    public int initiatorTaskTag() {
        return Bytes.i32(header, 16);
    }

    /** Bytes 20-23: Target Transfer Tag, Referenced Task Tag or Expected Data Transfer Length by opcode. */
    public int field20() {
        return Bytes.i32(header, 20);
    }

    /** Bytes 24-27: CmdSN (initiator PDUs) or StatSN (target PDUs). */
    public int field24() {
        return Bytes.i32(header, 24);
    }

    /** Bytes 28-31: ExpStatSN (initiator PDUs) or ExpCmdSN (target PDUs). */
    public int field28() {
        return Bytes.i32(header, 28);
    }

    public int field32() {
        return Bytes.i32(header, 32);
    }

    public int field36() {
        return Bytes.i32(header, 36);
    }

    public int field40() {
        return Bytes.i32(header, 40);
    }

    public int field44() {
        return Bytes.i32(header, 44);
    }

    @Override
    public String toString() {
        Opcode op = opcode();
        return (op == null ? String.format("opcode 0x%02x", opcodeCode()) : op.name()) + String.format(" ITT 0x%08x", initiatorTaskTag())
                + " data " + dataLength;
    }
}
