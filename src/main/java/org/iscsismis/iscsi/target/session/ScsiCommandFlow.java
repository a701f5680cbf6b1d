package org.iscsismis.iscsi.target.session;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.iscsismis.iscsi.target.login.SessionParameters;
import org.iscsismis.iscsi.target.pdu.DataOut;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.PduReader;
import org.iscsismis.iscsi.target.pdu.Residual;
import org.iscsismis.iscsi.target.pdu.ScsiCommand;
import org.iscsismis.iscsi.target.pdu.TargetPdus;
import org.iscsismis.iscsi.target.scsi.AdditionalSense;
import org.iscsismis.iscsi.target.scsi.Reply;
import org.iscsismis.iscsi.target.scsi.ScsiError;
import org.iscsismis.iscsi.target.scsi.ScsiStatus;
import org.iscsismis.iscsi.target.scsi.ScsiTarget;
import org.iscsismis.iscsi.target.scsi.ScsiTask;
import org.iscsismis.iscsi.target.scsi.SenseData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SCSI commands over one connection (RFC 7143 §4.2.5, §11.3-11.8): a command is checked by the SCSI target, its
 * Data-Out gathered (immediate, unsolicited, then R2T bursts), run on this connection's thread, and its data and status
 * sent back — Data-In in segments of the initiator's MaxRecvDataSegmentLength with the status in the last one when the
 * command succeeded, else a SCSI Response with sense data. Residuals compare what the command moved with the
 * Expected Data Transfer Length. A write whose length disagrees with its Expected Data Transfer Length is refused
 * (INVALID FIELD IN COMMAND INFORMATION UNIT) and its unsolicited data is drained.
 *
 * <p>Memory: write buffers of one connection are limited to {@code writeBudget} bytes; a write that needs more waits
 * for its R2Ts until earlier ones finish, or — if unsolicited data is already on its way — is answered TASK SET FULL.
 * Reads are streamed through one segment buffer.
 */
final class ScsiCommandFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ScsiCommandFlow.class);
    private static final int MAX_SEGMENT = 1 << 20;
    private static final byte[] NO_DATA = new byte[0];
    /** Tags of answered commands whose unsolicited Data-Out may still arrive; only for quieter logs. */
    private static final int MAX_DRAINING = 1024;

    private final Session session;
    private final SessionParameters params;
    private final ScsiTarget scsi;
    private final PduSender sender;
    private final PduReader reader;
    private final long writeBudget;
    private final byte[] segment;
    private final BufferPool staging;
    private final Map<Integer, PendingWrite> byItt = new HashMap<>();
    private final Map<Integer, PendingWrite> byTtt = new HashMap<>();
    private final ArrayDeque<PendingWrite> waitingForBuffer = new ArrayDeque<>();
    private final Set<Integer> draining = new HashSet<>();
    private long buffered;
    private int nextTtt = 1;

    ScsiCommandFlow(Session session, ScsiTarget scsi, PduSender sender, PduReader reader, long writeBudget) {
        this.session = session;
        this.params = session.parameters();
        this.scsi = scsi;
        this.sender = sender;
        this.reader = reader;
        this.writeBudget = writeBudget;
        this.segment = new byte[Math.min(params.initiatorRecvDataSegmentLength(), MAX_SEGMENT)];
        int stagingSize = DataOutBuffer.stagingSize(params.targetRecvDataSegmentLength());
        this.staging = new BufferPool(stagingSize, (int) Math.max(1, writeBudget / stagingSize));
    }

    /** A command in CmdSN order (or immediate). */
    void onCommand(ScsiCommand cmd) throws IOException {
        boolean counts = !cmd.immediate();
        long expected = cmd.expectedLength();
        if (byItt.containsKey(cmd.initiatorTaskTag())) {
            LOG.debug("{}: ITT {} reused while its task is open", session, Integer.toHexString(cmd.initiatorTaskTag()));
            drainUnsolicited(cmd);
            respond(cmd, Reply.status(ScsiStatus.BUSY), Residual.NONE, 0, counts);
            return;
        }
        if (cmd.bidirectional()) {
            drainUnsolicited(cmd);
            respond(cmd, invalidInformationUnit(), Residual.of(0, expected), 0, counts);
            return;
        }
        ScsiTask task = scsi.begin(session.nexus(), cmd.lun(), cmd.cdb(), expected);
        int needed = task.earlyReply() != null ? 0 : task.dataOutLength();
        if (needed == 0) {
            drainUnsolicited(cmd);
            respondWithData(cmd, task.execute(NO_DATA), counts);
            return;
        }
        long keep = cmd.write() ? Math.min(needed, expected) : 0;
        int granule = task.partialGranule();
        boolean exact = cmd.write() && expected == needed;
        boolean truncatable = cmd.write() && granule > 0 && keep % granule == 0;
        if (!exact && !truncatable) {
            LOG.debug("{}: {} needs {} bytes of Data-Out, the initiator announced {}{}", session, task.name(), needed,
                    expected, cmd.write() ? "" : " without the W bit");
            drainUnsolicited(cmd);
            respond(cmd, invalidInformationUnit(), Residual.of(needed, cmd.write() ? expected : 0), 0, counts);
            return;
        }
        Residual residual = Residual.of(needed, expected);
        if (keep == 0) {
            drainUnsolicited(cmd);
            respond(cmd, task.execute(NO_DATA), residual, 0, counts);
            return;
        }
        if (cmd.finalBit() && cmd.immediateData().length == keep) {
            // all the data came with the command (the usual small write): no transfer to track
            respond(cmd, task.execute(cmd.immediateData()), residual, 0, counts);
            return;
        }
        long unsolicitedLimit = cmd.finalBit() ? cmd.immediateData().length : Math.min(params.firstBurstLength(), expected);
        PendingWrite write = new PendingWrite(cmd, task, (int) keep, residual, counts, unsolicitedLimit);
        byItt.put(write.itt(), write);
        if (buffered > 0 && buffered + write.memory(staging) > writeBudget) {
            if (!cmd.finalBit()) {
                byItt.remove(write.itt());
                drainUnsolicited(cmd);
                respond(cmd, Reply.status(ScsiStatus.TASK_SET_FULL), Residual.NONE, 0, counts);
                return;
            }
            waitingForBuffer.add(write);
            return;
        }
        startTransfer(write);
    }

    private void startTransfer(PendingWrite write) throws IOException {
        write.buffer = DataOutBuffer.of(write.task, write.length, staging);
        buffered += write.buffer.memory();
        try {
            write.acceptImmediate();
        } catch (PendingWrite.DataSequenceException e) {
            fail(write, e);
            return;
        }
        advance(write);
    }

    /** Runs the write if all its data is in, else asks for more. */
    private void advance(PendingWrite write) throws IOException {
        if (write.complete()) {
            finish(write, write.buffer.complete());
            return;
        }
        while (write.openBursts() < params.maxOutstandingR2T()) {
            int ttt = nextTtt();
            PendingWrite.Burst burst = write.nextBurst(ttt, params.maxBurstLength());
            if (burst == null) {
                return;
            }
            byTtt.put(ttt, write);
            sender.send(TargetPdus.readyToTransfer(write.command.lun(), write.itt(), ttt, write.r2tSn++, burst.offset, burst.length),
                    PduSender.StatSn.CURRENT, true);
        }
    }

    private int nextTtt() {
        int ttt = nextTtt++;
        if (nextTtt == Pdu.RESERVED_TAG) {
            nextTtt = 1;
        }
        return ttt;
    }

    /** A Data-Out PDU whose header was read; its data is still in the stream. */
    void onDataOut(Pdu header) throws IOException, PduFormatException {
        DataOut out = DataOut.from(header, reader.pendingDataLength());
        PendingWrite write = out.targetTransferTag() == Pdu.RESERVED_TAG ? byItt.get(out.initiatorTaskTag())
                : byTtt.get(out.targetTransferTag());
        if (write == null || write.buffer == null || write.itt() != out.initiatorTaskTag()) {
            reader.discardData();
            noteDrained(out);
            return;
        }
        try {
            long offset = write.place(out);
            write.buffer.read(reader, (int) offset, write.keep(offset, out.length()));
        } catch (PendingWrite.DataSequenceException e) {
            if (reader.pendingDataLength() >= 0) {
                reader.discardData();
            }
            fail(write, e);
            return;
        } catch (PduFormatException e) {
            finish(write, dataPhaseError());
            throw e;
        }
        advance(write);
    }

    private void fail(PendingWrite write, PendingWrite.DataSequenceException e) throws IOException {
        LOG.debug("{}: Data-Out for ITT {} refused: {}", session, Integer.toHexString(write.itt()), e.getMessage());
        finish(write, dataPhaseError());
    }

    private static Reply dataPhaseError() {
        return Reply.checkCondition(SenseData.of(AdditionalSense.DATA_PHASE_ERROR, false));
    }

    /** Unsolicited Data-Out of a command already answered: dropped until its F bit. */
    private void drainUnsolicited(ScsiCommand cmd) {
        if (cmd.write() && !cmd.finalBit()) {
            if (draining.size() >= MAX_DRAINING) {
                draining.clear(); // an initiator that never ends its sequences; their Data-Out is dropped all the same
            }
            draining.add(cmd.initiatorTaskTag());
        }
    }

    private void noteDrained(DataOut out) {
        if (draining.contains(out.initiatorTaskTag())) {
            if (out.finalBit()) {
                draining.remove(out.initiatorTaskTag());
            }
        } else {
            LOG.debug("{}: Data-Out for ITT {} TTT {} names no open task; dropped", session,
                    Integer.toHexString(out.initiatorTaskTag()), Integer.toHexString(out.targetTransferTag()));
        }
    }

    private void forget(PendingWrite write) {
        byItt.remove(write.itt(), write);
        byTtt.values().removeIf(w -> w == write);
        waitingForBuffer.remove(write);
    }

    private void finish(PendingWrite write, Reply reply) throws IOException {
        release(write);
        respond(write.command, reply, write.residual, write.r2tSn, write.countsInWindow);
        startWaiting();
    }

    private void release(PendingWrite write) {
        forget(write);
        if (write.buffer != null) {
            buffered -= write.buffer.memory();
            write.buffer.release();
            write.buffer = null;
        }
    }

    private void startWaiting() throws IOException {
        while (!waitingForBuffer.isEmpty() && (buffered == 0
                || buffered + waitingForBuffer.peek().memory(staging) <= writeBudget)) {
            startTransfer(waitingForBuffer.poll());
        }
    }

    /** Sends a reply's data in Data-In PDUs (status in the last one when it succeeded), else a SCSI Response. */
    private void respondWithData(ScsiCommand cmd, Reply reply, boolean counts) throws IOException {
        long available = reply.dataLength();
        long expected = cmd.read() ? cmd.expectedLength() : 0;
        long toSend = Math.min(available, expected);
        Residual residual = Residual.of(available, expected);
        if (toSend == 0) {
            respond(cmd, reply, residual, 0, counts);
            return;
        }
        boolean statusInData = reply.status() == ScsiStatus.GOOD;
        int dataSn = 0;
        long sent = 0;
        int burstUsed = 0;
        while (sent < toSend) {
            int n = (int) Math.min(Math.min(segment.length, toSend - sent), params.maxBurstLength() - burstUsed);
            try {
                reply.dataIn().read(sent, segment, 0, n);
            } catch (ScsiError e) {
                respond(cmd, Reply.checkCondition(e.senseData(false)), Residual.of(sent, expected), dataSn, counts);
                return;
            }
            boolean last = sent + n == toSend;
            burstUsed += n;
            boolean endOfBurst = last || burstUsed == params.maxBurstLength();
            Integer status = last && statusInData ? reply.status().code() : null;
            sender.send(TargetPdus.dataIn(0, cmd.initiatorTaskTag(), endOfBurst, status, residual, dataSn++, sent, segment, 0, n),
                    status != null ? PduSender.StatSn.ADVANCE : PduSender.StatSn.NONE, last);
            if (endOfBurst) {
                burstUsed = 0;
            }
            sent += n;
        }
        if (statusInData) {
            windowDone(counts);
        } else {
            respond(cmd, reply, residual, dataSn, counts);
        }
    }

    private void respond(ScsiCommand cmd, Reply reply, Residual residual, int expDataSn, boolean counts) throws IOException {
        windowDone(counts);
        sender.send(TargetPdus.scsiResponse(cmd.initiatorTaskTag(), 0, reply.status().code(), residual, expDataSn, reply.sense()),
                PduSender.StatSn.ADVANCE, true);
    }

    private void windowDone(boolean counts) {
        if (counts) {
            session.window().completed();
        }
    }

    private static Reply invalidInformationUnit() {
        return Reply.checkCondition(SenseData.of(AdditionalSense.INVALID_FIELD_IN_COMMAND_INFORMATION_UNIT, false));
    }

    // ------------------------------------------------------------------ task management

    /** ABORT TASK: true if the task was open here (it then gets no response). */
    boolean abort(int itt) throws IOException {
        PendingWrite write = byItt.get(itt);
        if (write == null) {
            return false;
        }
        drop(List.of(write));
        return true;
    }

    /** Aborts every open task of one LUN (ABORT TASK SET, CLEAR TASK SET, LOGICAL UNIT RESET) or of all (lun null). */
    void abortWhere(Predicate<Long> lun) throws IOException {
        List<PendingWrite> open = byItt.values().stream().filter(w -> lun.test(w.command.lun())).toList();
        drop(open);
    }

    private void drop(List<PendingWrite> writes) throws IOException {
        for (PendingWrite write : writes) {
            release(write);
            windowDone(write.countsInWindow);
            if (!write.command.finalBit() && !write.unsolicitedDone()) {
                draining.add(write.itt());
            }
        }
        startWaiting();
    }

    /** Bytes held in write buffers now (for tests and logs). */
    long bufferedBytes() {
        return buffered;
    }

    boolean hasOpenTasks() {
        return !byItt.isEmpty();
    }
}
