package org.iscsismis.iscsi.target.pdu;

/**
 * The header of a SCSI Data-Out PDU (RFC 7143 §11.7); its data is read straight into the task's buffer.
 *
 * @param targetTransferTag the R2T's tag, or 0xffffffff for unsolicited data
 */
public record DataOut(boolean finalBit, long lun, int initiatorTaskTag, int targetTransferTag, int expStatSn, int dataSn,
                      long bufferOffset, int length) {

    public static DataOut from(Pdu header, int dataLength) {
        byte[] h = header.header();
        return new DataOut(header.finalBit(), header.lun(), header.initiatorTaskTag(), Bytes.i32(h, 20), Bytes.i32(h, 28),
                Bytes.i32(h, 36), Bytes.u32(h, 40), dataLength);
    }
}
