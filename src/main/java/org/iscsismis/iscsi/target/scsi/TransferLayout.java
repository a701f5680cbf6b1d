package org.iscsismis.iscsi.target.scsi;

/**
 * Where a block command's LOGICAL BLOCK ADDRESS and TRANSFER LENGTH sit in its CDB, by CDB size (SBC-3 §5): the one
 * description every READ, WRITE, VERIFY, WRITE AND VERIFY, WRITE SAME, PRE-FETCH and SYNCHRONIZE CACHE shares.
 */
public enum TransferLayout {
    /** 6-byte CDB: 21-bit LBA in bytes 1-3, 8-bit length in byte 4 where 0 means 256 blocks. */
    CDB6(6),
    CDB10(10),
    CDB12(12),
    CDB16(16);

    private final int length;

    TransferLayout(int length) {
        this.length = length;
    }

    public int cdbLength() {
        return length;
    }

    public long lba(Cdb cdb) {
        return switch (this) {
            case CDB6 -> (cdb.u8(1) & 0x1f) << 16 | cdb.u16(2);
            case CDB10, CDB12 -> cdb.u32(2);
            case CDB16 -> cdb.u64(2);
        };
    }

    /** The number of blocks; for {@link #CDB6} a zero length field means 256. */
    public long blocks(Cdb cdb) {
        return switch (this) {
            case CDB6 -> cdb.u8(4) == 0 ? 256 : cdb.u8(4);
            case CDB10 -> cdb.u16(7);
            case CDB12 -> cdb.u32(6);
            case CDB16 -> cdb.u32(10);
        };
    }

    /** The byte holding the length field's most significant byte, for field pointers. */
    public int lengthByte() {
        return switch (this) {
            case CDB6 -> 4;
            case CDB10 -> 7;
            case CDB12 -> 6;
            case CDB16 -> 10;
        };
    }
}
