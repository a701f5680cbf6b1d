package org.iscsismis.iscsi.target.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.RejectReason;
import org.iscsismis.iscsi.target.pdu.TargetPdus;
import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.iscsismis.iscsi.target.pdu.TextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text requests in the full feature phase (RFC 7143 §11.10, §13.3): SendTargets in discovery and normal sessions.
 * {@code SendTargets=All} lists the target nodes the initiator may log in to (masking decides; none is not an error),
 * an empty value the session's own node (in a discovery session: all of them), a node's name that node — each with the portal the connection came in on.
 * A request that is anything else — a name the initiator may not see, a key other than SendTargets (keys are
 * case-sensitive; login keys cannot be renegotiated here), malformed text — is answered with a Reject (protocol
 * error) naming the request, which ends that request only: the session goes on. Text spanning several PDUs is
 * gathered, each part acknowledged.
 */
final class TextExchange {

    private static final Logger LOG = LoggerFactory.getLogger(TextExchange.class);
    private static final int MAX_TEXT = 64 * 1024;
    private static final int CONTINUE_TAG = 0x7fff_fffe;

    private final Session session;
    private final TargetNodeAccess nodes;
    private final String portalAddress;
    private final PduSender sender;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    TextExchange(Session session, TargetNodeAccess nodes, String portalAddress, PduSender sender) {
        this.session = session;
        this.nodes = nodes;
        this.portalAddress = portalAddress;
        this.sender = sender;
    }

    void handle(Pdu pdu) throws IOException {
        TextRequest request = TextRequest.from(pdu);
        if (pending.size() + request.data().length > MAX_TEXT) {
            pending.reset();
            reject(pdu, "text longer than " + MAX_TEXT + " bytes");
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
            reject(pdu, e.getMessage());
            return;
        } finally {
            pending.reset();
        }
        if (offered.pairs().size() != 1 || !offered.pairs().get(0).key().equals("SendTargets")) {
            reject(pdu, "not a SendTargets request: " + offered);
            return;
        }
        String which = offered.pairs().get(0).value();
        String initiator = session.identity().initiatorName();
        List<String> visible = nodes.visibleTo(initiator);
        List<String> listed;
        if (which.equals("All") || which.isEmpty() && session.isDiscovery()) {
            listed = visible;
        } else if (which.isEmpty() && !session.isDiscovery()) {
            listed = List.of(session.identity().targetName());
        } else if (visible.contains(which)) {
            listed = List.of(which);
        } else {
            reject(pdu, "SendTargets=" + which + " names no target of this portal that " + initiator + " may see");
            return;
        }
        TextParameters answer = new TextParameters();
        listed.forEach(name -> answer.add("TargetName", name).add("TargetAddress", portalAddress));
        sender.send(TargetPdus.textResponse(true, false, request.lun(), request.initiatorTaskTag(), Pdu.RESERVED_TAG, answer.encode()),
                PduSender.StatSn.ADVANCE, true);
    }

    private void reject(Pdu pdu, String why) throws IOException {
        LOG.debug("{}: Text request rejected: {}", session, why);
        sender.send(TargetPdus.reject(RejectReason.PROTOCOL_ERROR, pdu.header()), PduSender.StatSn.ADVANCE, true);
    }

    @Override
    public String toString() {
        return "text exchange of " + session;
    }
}
