package org.iscsismis.iscsi.target.session;

import java.util.LinkedHashMap;
import java.util.Map;

import org.iscsismis.iscsi.target.pdu.DataOut;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.Residual;
import org.iscsismis.iscsi.target.pdu.ScsiCommand;
import org.iscsismis.iscsi.target.scsi.ScsiTask;

/**
 * A command waiting for its Data-Out (RFC 7143 §4.2.5.3): immediate data came with the command, unsolicited Data-Out
 * PDUs may follow (up to FirstBurstLength), the rest arrives in bursts we ask for with R2Ts. Each Data-Out is checked
 * against the sequence it belongs to — DataSN in order from 0, Buffer Offset in order and inside the burst — before
 * its bytes land. Only the first {@code length} bytes are kept: an initiator may announce more than the command
 * needs (the surplus is its underflow), and nothing past {@code length} is asked for.
 */
final class PendingWrite {

    /** One solicited burst: what an R2T asked for and how much of it has come. */
    static final class Burst {
        final int offset;
        final int length;
        int received;
        int nextDataSn;

        Burst(int offset, int length) {
            this.offset = offset;
            this.length = length;
        }
    }

    final ScsiCommand command;
    final ScsiTask task;
    final int length;
    final Residual residual;
    final boolean countsInWindow;
    private final long unsolicitedLimit;
    private final Map<Integer, Burst> bursts = new LinkedHashMap<>();
    DataOutBuffer buffer;
    private long covered;
    private long unsolicitedReceived;
    private int nextUnsolicitedDataSn;
    private boolean unsolicitedDone;
    private long solicitedUpTo;
    int r2tSn;

    /**
     * @param length           the bytes the command will take
     * @param unsolicitedLimit bytes the initiator may send without an R2T (immediate data included); when the
     *                         command's F bit is set no unsolicited Data-Out follows and this is the immediate length
     */
    PendingWrite(ScsiCommand command, ScsiTask task, int length, Residual residual, boolean countsInWindow, long unsolicitedLimit) {
        this.command = command;
        this.task = task;
        this.length = length;
        this.residual = residual;
        this.countsInWindow = countsInWindow;
        this.unsolicitedLimit = unsolicitedLimit;
        this.unsolicitedDone = command.finalBit();
    }

    /** The memory its buffer will take (see {@link DataOutBuffer#of}). */
    long memory(BufferPool pool) {
        return task.streams() ? pool.size() : length;
    }

    int itt() {
        return command.initiatorTaskTag();
    }

    /** Takes the command's immediate data into the (just allocated) buffer. */
    void acceptImmediate() throws DataSequenceException {
        byte[] immediate = command.immediateData();
        int keep = Math.min(immediate.length, length);
        buffer.take(immediate, keep);
        covered = keep;
        unsolicitedReceived = immediate.length;
        solicitedUpTo = unsolicitedDone ? immediate.length : Math.max(immediate.length, unsolicitedLimit);
    }

    boolean unsolicitedDone() {
        return unsolicitedDone;
    }

    /** True once every byte has arrived and no sequence is still open. */
    boolean complete() {
        return covered == length && unsolicitedDone && bursts.isEmpty();
    }

    int openBursts() {
        return bursts.size();
    }

    /** The next burst to ask for, or null if everything has been asked for (or unsolicited data is still coming). */
    Burst nextBurst(int ttt, int maxBurstLength) {
        if (!unsolicitedDone || solicitedUpTo >= length) {
            return null;
        }
        int start = (int) solicitedUpTo;
        Burst b = new Burst(start, Math.min(maxBurstLength, length - start));
        bursts.put(ttt, b);
        solicitedUpTo = start + b.length;
        return b;
    }

    /**
     * Checks a Data-Out against its sequence and returns the buffer offset its data goes to.
     *
     * @throws DataSequenceException the PDU does not fit the sequence (the task must fail)
     */
    long place(DataOut out) throws DataSequenceException {
        long offset = out.bufferOffset();
        if (out.targetTransferTag() == Pdu.RESERVED_TAG) {
            expect(!unsolicitedDone, "unsolicited Data-Out after the unsolicited data ended");
            expect(out.dataSn() == nextUnsolicitedDataSn, "DataSN " + out.dataSn() + ", expected " + nextUnsolicitedDataSn);
            expect(offset == unsolicitedReceived, "Buffer Offset " + offset + ", expected " + unsolicitedReceived);
            expect(offset + out.length() <= unsolicitedLimit, "unsolicited data past FirstBurstLength");
            nextUnsolicitedDataSn++;
            unsolicitedReceived += out.length();
            if (out.finalBit()) {
                unsolicitedDone = true;
                solicitedUpTo = unsolicitedReceived;
            }
        } else {
            Burst b = bursts.get(out.targetTransferTag());
            expect(b != null, "Target Transfer Tag " + Integer.toHexString(out.targetTransferTag()) + " names no open R2T");
            expect(out.dataSn() == b.nextDataSn, "DataSN " + out.dataSn() + ", expected " + b.nextDataSn);
            expect(offset == (long) b.offset + b.received, "Buffer Offset " + offset + ", expected " + (b.offset + b.received));
            expect(b.received + out.length() <= b.length, "Data-Out past the end of its R2T");
            b.nextDataSn++;
            b.received += out.length();
            if (b.received == b.length) {
                bursts.remove(out.targetTransferTag());
            } else {
                expect(!out.finalBit(), "F bit before the R2T's data was complete");
            }
        }
        covered += keep(offset, out.length());
        return offset;
    }

    /** How many bytes of a segment at {@code offset} are kept. */
    int keep(long offset, int segment) {
        return (int) Math.max(0, Math.min(offset + segment, length) - offset);
    }

    private static void expect(boolean ok, String problem) throws DataSequenceException {
        if (!ok) {
            throw new DataSequenceException(problem);
        }
    }

    /** A Data-Out that does not fit its sequence. */
    static final class DataSequenceException extends Exception {
        DataSequenceException(String message) {
            super(message, null, false, false);
        }
    }
}
