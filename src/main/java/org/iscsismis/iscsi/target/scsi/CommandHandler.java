package org.iscsismis.iscsi.target.scsi;

/**
 * Runs one SCSI command. In two steps, so the transport can fetch the data a command needs only after the CDB
 * passed its checks: {@link #dataOutLength} checks the CDB and says how many bytes to fetch, {@link #execute} runs
 * the command with them. Both report failure by throwing {@link ScsiError}.
 */
public interface CommandHandler {

    /** Checks the CDB; the number of Data-Out bytes the command needs (0 for none). */
    default int dataOutLength(ScsiRequest request) {
        return 0;
    }

    /**
     * Non-zero if the command may run with fewer Data-Out bytes than it asked for — a multiple of this many — when
     * the initiator's Expected Data Transfer Length cuts the transfer short (a WRITE then writes the blocks it got,
     * FCP-4 §9.4.2); zero if it needs them all.
     */
    default int partialGranule(ScsiRequest request) {
        return 0;
    }

    /** Runs the command with its Data-Out bytes ({@code dataOut} is empty when it needs none). */
    Reply execute(ScsiRequest request, byte[] dataOut);
}
