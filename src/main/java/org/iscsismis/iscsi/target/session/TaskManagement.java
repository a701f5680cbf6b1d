package org.iscsismis.iscsi.target.session;

import java.io.IOException;
import java.util.Map;

import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.TargetPdus;
import org.iscsismis.iscsi.target.pdu.TaskManagementRequest;
import org.iscsismis.iscsi.target.pdu.TaskManagementResponse;
import org.iscsismis.iscsi.target.scsi.LogicalUnit;
import org.iscsismis.iscsi.target.scsi.LunAddress;
import org.iscsismis.iscsi.target.scsi.ScsiTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task management functions (RFC 7143 §11.5, SAM-5 §7): ABORT TASK, ABORT TASK SET, CLEAR TASK SET, LOGICAL UNIT
 * RESET, TARGET WARM RESET and TARGET COLD RESET (a warm reset, then every session's connection is closed once the
 * response is sent). Commands run to completion on the connection's thread as they arrive, so the tasks a function
 * can still reach are those waiting for Data-Out and those waiting for an earlier CmdSN; an aborted task gets no
 * response. CLEAR ACA (no NACA support) and TASK REASSIGN (ErrorRecoveryLevel 0) are answered as not supported.
 */
final class TaskManagement {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagement.class);

    static final int ABORT_TASK = 1;
    static final int ABORT_TASK_SET = 2;
    static final int CLEAR_ACA = 3;
    static final int CLEAR_TASK_SET = 4;
    static final int LOGICAL_UNIT_RESET = 5;
    static final int TARGET_WARM_RESET = 6;
    static final int TARGET_COLD_RESET = 7;
    static final int TASK_REASSIGN = 8;

    private final Session session;
    private final ScsiCommandFlow flow;
    private final ScsiTarget scsi;
    private final Map<Integer, Pdu> early;
    private final SessionTable sessions;

    TaskManagement(Session session, ScsiCommandFlow flow, SessionTable sessions, Map<Integer, Pdu> early) {
        this.session = session;
        this.flow = flow;
        this.scsi = sessions.scsi();
        this.sessions = sessions;
        this.early = early;
    }

    void handle(TaskManagementRequest request, PduSender sender) throws IOException {
        TaskManagementResponse response = perform(request);
        LOG.debug("{}: task management function {} on LUN {}: {}", session, request.function(),
                LunAddress.decode(request.lun()), response);
        sender.send(TargetPdus.taskManagementResponse(request.initiatorTaskTag(), response), PduSender.StatSn.ADVANCE, true);
        if (request.function() == TARGET_COLD_RESET && response == TaskManagementResponse.FUNCTION_COMPLETE) {
            LOG.info("Target cold reset by {}: every session is closed", session);
            sessions.closeAll("target cold reset");
        }
    }

    private TaskManagementResponse perform(TaskManagementRequest request) throws IOException {
        long lun = request.lun();
        return switch (request.function()) {
            case ABORT_TASK -> {
                if (flow.abort(request.referencedTaskTag()) || abortEarly(request.refCmdSn(), request.referencedTaskTag())) {
                    yield TaskManagementResponse.FUNCTION_COMPLETE;
                }
                yield TaskManagementResponse.TASK_DOES_NOT_EXIST;
            }
            case ABORT_TASK_SET, CLEAR_TASK_SET -> {
                if (unit(lun) == null) {
                    yield TaskManagementResponse.LUN_DOES_NOT_EXIST;
                }
                flow.abortWhere(l -> l == lun);
                yield TaskManagementResponse.FUNCTION_COMPLETE;
            }
            case LOGICAL_UNIT_RESET -> {
                LogicalUnit unit = unit(lun);
                if (unit == null) {
                    yield TaskManagementResponse.LUN_DOES_NOT_EXIST;
                }
                flow.abortWhere(l -> l == lun);
                scsi.resetLogicalUnit(unit);
                yield TaskManagementResponse.FUNCTION_COMPLETE;
            }
            case TARGET_WARM_RESET, TARGET_COLD_RESET -> {
                flow.abortWhere(l -> true);
                scsi.resetTarget(session.nexus());
                yield TaskManagementResponse.FUNCTION_COMPLETE;
            }
            case CLEAR_ACA -> TaskManagementResponse.FUNCTION_NOT_SUPPORTED;
            case TASK_REASSIGN -> TaskManagementResponse.TASK_ALLEGIANCE_REASSIGNMENT_NOT_SUPPORTED;
            default -> TaskManagementResponse.FUNCTION_REJECTED;
        };
    }

    private LogicalUnit unit(long lunField) {
        int lun = LunAddress.decode(lunField);
        return lun < 0 ? null : session.nexus().directory().find(lun);
    }

    /** A command still waiting for an earlier CmdSN is removed; its slot is given back. */
    private boolean abortEarly(int refCmdSn, int itt) {
        Pdu waiting = early.get(refCmdSn);
        if (waiting == null || waiting.initiatorTaskTag() != itt) {
            return false;
        }
        early.remove(refCmdSn);
        return true;
    }
}
