package org.iscsismis.iscsi.target.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.iscsismis.iscsi.target.login.KeyRule;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.RejectReason;
import org.iscsismis.iscsi.target.pdu.TargetPdus;
import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.iscsismis.iscsi.target.pdu.TextRequest;

/**
 * Text requests in the full feature phase (RFC 7143 §11.10, §13.3): SendTargets in discovery and normal sessions.
 * {@code SendTargets=All}, an empty value or this target's name list this target with the portal the connection came
 * in on; any other name is answered {@code SendTargets=Reject}, and keys other than SendTargets NotUnderstood (login
 * keys cannot be renegotiated here). Text spanning several PDUs is gathered, each part acknowledged.
 */
final class TextExchange {

    private static final int MAX_TEXT = 64 * 1024;
    private static final int CONTINUE_TAG = 0x7fff_fffe;

    private final Session session;
    private final String targetName;
    private final String portalAddress;
    private final PduSender sender;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    TextExchange(Session session, String targetName, String portalAddress, PduSender sender) {
        this.session = session;
        this.targetName = targetName;
        this.portalAddress = portalAddress;
        this.sender = sender;
    }

    void handle(TextRequest request) throws IOException {
        if (pending.size() + request.data().length > MAX_TEXT) {
            pending.reset();
            reject(request);
            return;
        }
        pending.writeBytes(request.data());
        if (request.more()) {
            sender.send(TargetPdus.textResponse(false, false, request.lun(), request.initiatorTaskTag(), CONTINUE_TAG, null),
                    PduSender.StatSn.ADVANCE, true);
            return;
        }
        TextParameters offered;
        try {
            offered = TextParameters.parse(pending.toByteArray());
        } catch (PduFormatException e) {
            reject(request);
            return;
        } finally {
            pending.reset();
        }
        TextParameters answer = new TextParameters();
        for (TextParameters.Pair pair : offered.pairs()) {
            if (pair.key().equals("SendTargets")) {
                sendTargets(pair.value(), answer);
            } else {
                answer.add(pair.key(), KeyRule.NOT_UNDERSTOOD);
            }
        }
        sender.send(TargetPdus.textResponse(true, false, request.lun(), request.initiatorTaskTag(), Pdu.RESERVED_TAG, answer.encode()),
                PduSender.StatSn.ADVANCE, true);
    }

    private void sendTargets(String which, TextParameters answer) {
        if (which.equals("All") || which.isEmpty() || which.equals(targetName)) {
            answer.add("TargetName", targetName);
            answer.add("TargetAddress", portalAddress);
        } else {
            answer.add("SendTargets", KeyRule.REJECT);
        }
    }

    private void reject(TextRequest request) throws IOException {
        byte[] header = new byte[Pdu.BHS_LENGTH];
        header[0] = 0x04;
        org.iscsismis.iscsi.target.pdu.Bytes.put32(header, 16, request.initiatorTaskTag());
        sender.send(TargetPdus.reject(RejectReason.PROTOCOL_ERROR, header), PduSender.StatSn.ADVANCE, true);
    }

    @Override
    public String toString() {
        return "text exchange of " + session;
    }
}
