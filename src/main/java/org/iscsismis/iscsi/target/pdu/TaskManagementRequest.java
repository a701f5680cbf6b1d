package org.iscsismis.iscsi.target.pdu;

/**
 * A Task Management Function Request (RFC 7143 §11.5).
 *
 * @param function 1 ABORT TASK, 2 ABORT TASK SET, 3 CLEAR ACA, 4 CLEAR TASK SET, 5 LOGICAL UNIT RESET,
 *                 6 TARGET WARM RESET, 7 TARGET COLD RESET, 8 TASK REASSIGN
 */
public record TaskManagementRequest(boolean immediate, int function, long lun, int initiatorTaskTag,
                                    int referencedTaskTag, int cmdSn, int expStatSn, int refCmdSn) {

    public static TaskManagementRequest from(Pdu pdu) {
        byte[] h = pdu.header();
        return new TaskManagementRequest(pdu.immediate(), h[1] & 0x7f, pdu.lun(), pdu.initiatorTaskTag(), Bytes.i32(h, 20),
                Bytes.i32(h, 24), Bytes.i32(h, 28), Bytes.i32(h, 32));
    }
}
