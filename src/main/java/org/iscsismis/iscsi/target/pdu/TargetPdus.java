package org.iscsismis.iscsi.target.pdu;

/**
 * The PDUs a target sends, built field by field (RFC 7143 §11). StatSN, ExpCmdSN and MaxCmdSN (bytes 24-35) are left
 * blank: the connection stamps them in one place as it sends.
 */
public final class TargetPdus {

    private TargetPdus() {
    }

    public static Pdu loginResponse(LoginRequest request, boolean transit, int csg, int nsg, int tsih, int statusClass,
                                    int statusDetail, byte[] data) {
        Pdu pdu = Pdu.of(Opcode.LOGIN_RESPONSE, data);
        byte[] h = pdu.header();
        h[1] = (byte) ((transit ? 0x80 : 0) | (csg & 3) << 2 | (transit ? nsg & 3 : 0));
        h[2] = 0; // Version-max
        h[3] = 0; // Version-active
        System.arraycopy(request.isid(), 0, h, 8, 6);
        Bytes.put16(h, 14, tsih);
        Bytes.put32(h, 16, request.initiatorTaskTag());
        h[36] = (byte) statusClass;
        h[37] = (byte) statusDetail;
        return pdu;
    }

    /**
     * A SCSI Response. {@code sense} (may be null) travels in the data segment behind its two-byte length.
     *
     * @param response 0 Command Completed at Target, 1 Target Failure
     */
    public static Pdu scsiResponse(int initiatorTaskTag, int response, int status, Residual residual, int expDataSn, byte[] sense) {
        byte[] data = null;
        if (sense != null && sense.length > 0) {
            data = new byte[2 + sense.length];
            Bytes.put16(data, 0, sense.length);
            System.arraycopy(sense, 0, data, 2, sense.length);
        }
        Pdu pdu = Pdu.of(Opcode.SCSI_RESPONSE, data);
        byte[] h = pdu.header();
        h[1] = (byte) (0x80 | residual.flags());
        h[2] = (byte) response;
        h[3] = (byte) status;
        Bytes.put32(h, 16, initiatorTaskTag);
        Bytes.put32(h, 36, expDataSn);
        Bytes.put32(h, 44, residual.count());
        return pdu;
    }

    /** A Data-In PDU carrying {@code [off, off + len)} of {@code data}; with {@code status} it ends the command. */
    public static Pdu dataIn(long lun, int initiatorTaskTag, boolean finalBit, Integer status, Residual residual, int dataSn,
                             long bufferOffset, byte[] data, int off, int len) {
        Pdu pdu = new Pdu(new byte[Pdu.BHS_LENGTH], null, data, off, len);
        byte[] h = pdu.header();
        h[0] = (byte) Opcode.DATA_IN.code();
        int flags = finalBit ? 0x80 : 0;
        if (status != null) {
            flags |= 0x01 | residual.flags();
            h[3] = (byte) (int) status;
            Bytes.put32(h, 44, residual.count());
        }
        h[1] = (byte) flags;
        Bytes.put64(h, 8, lun);
        Bytes.put32(h, 16, initiatorTaskTag);
        Bytes.put32(h, 20, Pdu.RESERVED_TAG);
        Bytes.put32(h, 36, dataSn);
        Bytes.put32(h, 40, bufferOffset);
        return pdu;
    }

    public static Pdu readyToTransfer(long lun, int initiatorTaskTag, int targetTransferTag, int r2tSn, long bufferOffset,
                                      int length) {
        Pdu pdu = Pdu.of(Opcode.READY_TO_TRANSFER, null);
        byte[] h = pdu.header();
        h[1] = (byte) 0x80;
        Bytes.put64(h, 8, lun);
        Bytes.put32(h, 16, initiatorTaskTag);
        Bytes.put32(h, 20, targetTransferTag);
        Bytes.put32(h, 36, r2tSn);
        Bytes.put32(h, 40, bufferOffset);
        Bytes.put32(h, 44, length);
        return pdu;
    }

    /** A NOP-In: the answer to a ping (ITT echoed, TTT reserved) or our own ping (ITT reserved, TTT ours). */
    public static Pdu nopIn(long lun, int initiatorTaskTag, int targetTransferTag, byte[] data) {
        Pdu pdu = Pdu.of(Opcode.NOP_IN, data);
        byte[] h = pdu.header();
        h[1] = (byte) 0x80;
        Bytes.put64(h, 8, lun);
        Bytes.put32(h, 16, initiatorTaskTag);
        Bytes.put32(h, 20, targetTransferTag);
        return pdu;
    }

    public static Pdu textResponse(boolean finalBit, boolean more, long lun, int initiatorTaskTag, int targetTransferTag,
                                   byte[] data) {
        Pdu pdu = Pdu.of(Opcode.TEXT_RESPONSE, data);
        byte[] h = pdu.header();
        h[1] = (byte) ((finalBit ? 0x80 : 0) | (more ? 0x40 : 0));
        Bytes.put64(h, 8, lun);
        Bytes.put32(h, 16, initiatorTaskTag);
        Bytes.put32(h, 20, targetTransferTag);
        return pdu;
    }

    /** @param response 0 closed successfully, 1 CID not found, 2 recovery not supported, 3 cleanup failed */
    public static Pdu logoutResponse(int initiatorTaskTag, int response, int time2Wait, int time2Retain) {
        Pdu pdu = Pdu.of(Opcode.LOGOUT_RESPONSE, null);
        byte[] h = pdu.header();
        h[1] = (byte) 0x80;
        h[2] = (byte) response;
        Bytes.put32(h, 16, initiatorTaskTag);
        Bytes.put16(h, 40, time2Wait);
        Bytes.put16(h, 42, time2Retain);
        return pdu;
    }

    public static Pdu taskManagementResponse(int initiatorTaskTag, TaskManagementResponse response) {
        Pdu pdu = Pdu.of(Opcode.TASK_MANAGEMENT_RESPONSE, null);
        byte[] h = pdu.header();
        h[1] = (byte) 0x80;
        h[2] = (byte) response.code();
        Bytes.put32(h, 16, initiatorTaskTag);
        return pdu;
    }

    /** A Reject carrying the rejected PDU's header as its data (RFC 7143 §11.17). */
    public static Pdu reject(RejectReason reason, byte[] rejectedHeader) {
        Pdu pdu = Pdu.of(Opcode.REJECT, rejectedHeader.clone());
        byte[] h = pdu.header();
        h[1] = (byte) 0x80;
        h[2] = (byte) reason.code();
        Bytes.put32(h, 16, Pdu.RESERVED_TAG);
        return pdu;
    }

    /**
     * An Asynchronous Message.
     *
     * @param event 1 the target requests a logout within {@code parameter3} seconds, 2 it will drop this connection,
     *              3 it will drop every connection of the session
     */
    public static Pdu asyncMessage(int event, int parameter1, int parameter2, int parameter3) {
        Pdu pdu = Pdu.of(Opcode.ASYNC_MESSAGE, null);
        byte[] h = pdu.header();
        h[1] = (byte) 0x80;
        Bytes.put32(h, 16, Pdu.RESERVED_TAG);
        h[36] = (byte) event;
        Bytes.put16(h, 38, parameter1);
        Bytes.put16(h, 40, parameter2);
        Bytes.put16(h, 42, parameter3);
        return pdu;
    }
}
