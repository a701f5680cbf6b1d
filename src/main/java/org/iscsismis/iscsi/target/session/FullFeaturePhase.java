package org.iscsismis.iscsi.target.session;

import java.io.IOException;
import java.util.TreeMap;

import org.iscsismis.iscsi.target.pdu.LogoutRequest;
import org.iscsismis.iscsi.target.pdu.NopOut;
import org.iscsismis.iscsi.target.pdu.Opcode;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.PduReader;
import org.iscsismis.iscsi.target.pdu.RejectReason;
import org.iscsismis.iscsi.target.pdu.ScsiCommand;
import org.iscsismis.iscsi.target.pdu.TargetPdus;
import org.iscsismis.iscsi.target.pdu.TaskManagementRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full feature phase of one connection: reads PDUs, puts the numbered ones in CmdSN order through the session's
 * {@link CommandWindow} (immediate ones go first, out-of-window ones are dropped silently), and hands each to its
 * handler. A discovery session accepts only Text, NOP-Out and Logout. Malformed or unsupported PDUs get a Reject.
 */
final class FullFeaturePhase {

    private static final Logger LOG = LoggerFactory.getLogger(FullFeaturePhase.class);
    /** Commands held for an earlier CmdSN; the window (64) bounds them, this only guards against a bigger window. */
    private static final int MAX_EARLY = 256;

    private final Connection connection;
    private final Session session;
    private final PduReader reader;
    private final PduSender sender;
    private final ScsiCommandFlow scsi;
    private final TaskManagement tasks;
    private final TextExchange text;
    private final NopPinger pinger;
    private final TreeMap<Integer, Pdu> early = new TreeMap<>((a, b) -> SerialNumbers.lessThan(a, b) ? -1 : a.equals(b) ? 0 : 1);
    private boolean loggedOut;

    FullFeaturePhase(Connection connection, Session session, ConnectionContext context, PduReader reader, PduSender sender,
                     String portalAddress) {
        this.connection = connection;
        this.session = session;
        this.reader = reader;
        this.sender = sender;
        this.scsi = session.isDiscovery() ? null
                : new ScsiCommandFlow(session, context.sessions().scsi(), sender, reader, context.writeBudget());
        this.tasks = scsi == null ? null : new TaskManagement(session, scsi, context.sessions(), early);
        this.text = new TextExchange(session, context.sessions().nodes(), portalAddress, sender);
        this.pinger = new NopPinger(connection, sender, context.timer(), context.nopInterval(), context.nopTimeout());
    }

    void run() throws IOException, PduFormatException {
        pinger.start();
        try {
            while (!loggedOut) {
                Pdu header = reader.nextHeader();
                if (header == null) {
                    return;
                }
                pinger.activity();
                if (header.opcode() == Opcode.DATA_OUT && scsi != null) {
                    scsi.onDataOut(header);
                    continue;
                }
                Pdu pdu;
                try {
                    pdu = reader.readData(header);
                } catch (PduFormatException e) {
                    reject(e.reason(), header);
                    continue;
                }
                dispatch(pdu);
            }
        } finally {
            pinger.stop();
            if (scsi != null) {
                scsi.abortWhere(lun -> true);
            }
        }
    }

    private void dispatch(Pdu pdu) throws IOException {
        Opcode op = pdu.opcode();
        if (op == null) {
            reject(RejectReason.COMMAND_NOT_SUPPORTED, pdu);
            return;
        }
        switch (op) {
            case NOP_OUT -> {
                NopOut nop = NopOut.from(pdu);
                if (!nop.isPing()) {
                    pinger.answered(nop.targetTransferTag());
                } else {
                    ordered(pdu, nop.cmdSn(), nop.immediate());
                }
            }
            case SCSI_COMMAND, TASK_MANAGEMENT_REQUEST -> {
                if (scsi == null) {
                    reject(RejectReason.PROTOCOL_ERROR, pdu);
                } else {
                    ordered(pdu, pdu.field24(), pdu.immediate());
                }
            }
            case TEXT_REQUEST, LOGOUT_REQUEST -> ordered(pdu, pdu.field24(), pdu.immediate());
            case SNACK_REQUEST -> reject(RejectReason.SNACK_REJECT, pdu);
            case DATA_OUT, LOGIN_REQUEST -> reject(RejectReason.PROTOCOL_ERROR, pdu);
            default -> reject(RejectReason.COMMAND_NOT_SUPPORTED, pdu);
        }
    }

    /** Runs a numbered PDU in CmdSN order, then any that were waiting for it. */
    private void ordered(Pdu pdu, int cmdSn, boolean immediate) throws IOException {
        if (immediate) {
            handle(pdu, false);
            return;
        }
        switch (session.window().admit(cmdSn)) {
            case ACCEPT -> {
                handle(pdu, true);
                drainEarly();
            }
            case EARLY -> {
                if (early.size() < MAX_EARLY) {
                    early.put(cmdSn, pdu);
                }
            }
            case DROP -> LOG.debug("{}: CmdSN {} outside [ExpCmdSN {}, MaxCmdSN {}]; {} ignored", session, Integer.toUnsignedString(cmdSn),
                    Integer.toUnsignedString(session.window().expCmdSn()), Integer.toUnsignedString(session.window().maxCmdSn()), pdu);
        }
    }

    private void drainEarly() throws IOException {
        while (!loggedOut && !early.isEmpty()) {
            int next = session.window().expCmdSn();
            Pdu waiting = early.remove(next);
            if (waiting == null) {
                return;
            }
            session.window().admit(next);
            handle(waiting, true);
        }
    }

    /** @param numbered the PDU took a CmdSN slot, which is released when it is done */
    private void handle(Pdu pdu, boolean numbered) throws IOException {
        switch (pdu.opcode()) {
            case SCSI_COMMAND -> {
                ScsiCommand cmd;
                try {
                    cmd = ScsiCommand.from(pdu);
                } catch (PduFormatException e) {
                    reject(e.reason(), pdu);
                    done(numbered);
                    return;
                }
                scsi.onCommand(cmd);
                return; // the flow releases the slot when the command completes
            }
            case NOP_OUT -> {
                NopOut nop = NopOut.from(pdu);
                sender.send(TargetPdus.nopIn(nop.lun(), nop.initiatorTaskTag(), Pdu.RESERVED_TAG, nop.data()),
                        PduSender.StatSn.ADVANCE, true);
            }
            case TASK_MANAGEMENT_REQUEST -> tasks.handle(TaskManagementRequest.from(pdu), sender);
            case TEXT_REQUEST -> text.handle(pdu);
            case LOGOUT_REQUEST -> logout(LogoutRequest.from(pdu));
            default -> reject(RejectReason.COMMAND_NOT_SUPPORTED, pdu);
        }
        done(numbered);
    }

    private void done(boolean numbered) {
        if (numbered) {
            session.window().completed();
        }
    }

    private void logout(LogoutRequest request) throws IOException {
        int response;
        if (request.reason() == LogoutRequest.REMOVE_CONNECTION_FOR_RECOVERY) {
            response = 2; // connection recovery is not supported (ErrorRecoveryLevel 0)
        } else if (request.reason() == LogoutRequest.CLOSE_CONNECTION && request.cid() != session.identity().cid()) {
            response = 1; // CID not found
        } else {
            response = 0;
        }
        if (scsi != null && response == 0) {
            scsi.abortWhere(lun -> true);
        }
        sender.send(TargetPdus.logoutResponse(request.initiatorTaskTag(), response, 0, 0), PduSender.StatSn.ADVANCE, true);
        if (response == 0) {
            loggedOut = true;
            connection.close("logout");
        }
    }

    private void reject(RejectReason reason, Pdu pdu) throws IOException {
        LOG.debug("{}: {} rejected ({})", session, pdu, reason);
        sender.send(TargetPdus.reject(reason, pdu.header()), PduSender.StatSn.ADVANCE, true);
    }
}
