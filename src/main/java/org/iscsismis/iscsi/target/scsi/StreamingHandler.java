package org.iscsismis.iscsi.target.scsi;

/**
 * A command that takes its Data-Out piece by piece as it arrives (WRITE, WRITE AND VERIFY, VERIFY), so a transfer of
 * any length needs no buffer of its length. Pieces come in order and hold whole blocks.
 */
public interface StreamingHandler extends CommandHandler {

    /** Data-Out bytes {@code [offset, offset + len)}. */
    void accept(ScsiRequest request, long offset, byte[] data, int off, int len);

    /** Every piece has come: {@code total} bytes (fewer than asked for when the transfer was cut short). */
    Reply finish(ScsiRequest request, long total);

    @Override
    default Reply execute(ScsiRequest request, byte[] dataOut) {
        if (dataOut.length > 0) {
            accept(request, 0, dataOut, 0, dataOut.length);
        }
        return finish(request, dataOut.length);
    }
}
