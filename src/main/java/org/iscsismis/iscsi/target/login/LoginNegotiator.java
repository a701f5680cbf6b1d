package org.iscsismis.iscsi.target.login;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.iscsismis.iscsi.target.pdu.LoginRequest;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.TargetPdus;
import org.iscsismis.iscsi.target.pdu.TextParameters;

/**
 * The login phase of one connection (RFC 7143 §6): stages Security (0) and Operational (1), then Full Feature (3).
 * Each Login Request gives one {@link LoginStep}; a {@link LoginFailure} ends the login (the caller answers it with
 * {@link #failureResponse} and closes the connection).
 *
 * <p>Text spanning several PDUs (C bit) is gathered, each part answered with an empty response. Keys are answered in
 * the order offered: identity keys on the first request, security keys by the {@link SecurityNegotiation}, the rest
 * by the {@link OperationalKeys} table; unknown keys are NotUnderstood, malformed values Reject, a key offered twice
 * fails the login.
 */
public final class LoginNegotiator {

    /** The security stage. */
    public static final int SECURITY = 0;
    /** The operational negotiation stage. */
    public static final int OPERATIONAL = 1;
    /** The full feature phase. */
    public static final int FULL_FEATURE = 3;

    /** The portal group every portal of this target belongs to. */
    public static final int PORTAL_GROUP_TAG = 1;

    private static final int MAX_TEXT = 64 * 1024;
    private static final Set<String> IDENTITY_KEYS = Set.of("InitiatorName", "InitiatorAlias", "SessionType", "TargetName");

    private final OperationalKeys keys;
    private final NegotiationLimits limits;
    private final SecurityNegotiation security;
    private final LoginAdmission admission;
    private final ByteArrayOutputStream pendingText = new ByteArrayOutputStream();
    private final Map<String, String> results = new LinkedHashMap<>();
    private final Set<String> answered = new HashSet<>();
    private LoginIdentity identity;
    private int stage = -1;
    private boolean declaredRecvLength;

    public LoginNegotiator(NegotiationLimits limits, SecurityNegotiation security, LoginAdmission admission) {
        this.keys = new OperationalKeys(limits);
        this.limits = limits;
        this.security = security;
        this.admission = admission;
    }

    /** The identity from the leading request, or null before it was read. */
    public LoginIdentity identity() {
        return identity;
    }

    public LoginStep handle(LoginRequest request) throws LoginFailure {
        checkStage(request);
        if (pendingText.size() + request.data().length > MAX_TEXT) {
            throw new LoginFailure(LoginStatus.OUT_OF_RESOURCES, "login text longer than " + MAX_TEXT + " bytes");
        }
        pendingText.writeBytes(request.data());
        if (request.more()) {
            if (request.transit()) {
                throw new LoginFailure(LoginStatus.INITIATOR_ERROR, "Login Request with both T and C bits set");
            }
            return step(request, false, stage, null);
        }
        TextParameters offered = parseText();
        TextParameters answer = new TextParameters();
        if (identity == null) {
            identity = identify(request, offered);
            if (stage == OPERATIONAL) {
                security.skipped(identity);
            }
        }
        Set<String> handled = stage == SECURITY ? security.negotiate(identity, offered, answer, request.transit()) : Set.of();
        negotiate(offered, handled, answer);
        if (identity.sessionType() == LoginIdentity.SessionType.NORMAL && answered.add("TargetPortalGroupTag")) {
            answer.add("TargetPortalGroupTag", Integer.toString(PORTAL_GROUP_TAG));
        }
        if (!request.transit() || stage == SECURITY && !security.complete()) {
            return step(request, false, stage, answer);
        }
        int next = request.nsg();
        boolean legal = stage == SECURITY ? next == OPERATIONAL || next == FULL_FEATURE : next == FULL_FEATURE;
        if (!legal) {
            throw new LoginFailure(LoginStatus.INITIATOR_ERROR, "cannot move from login stage " + stage + " to " + next);
        }
        if (next == OPERATIONAL) {
            LoginStep step = step(request, true, stage, answer);
            stage = OPERATIONAL;
            return step;
        }
        declareRecvLength(answer);
        SessionParameters parameters = SessionParameters.from(results, limits);
        int tsih = admission.admit(identity, parameters);
        return new LoginStep(TargetPdus.loginResponse(request, true, stage, FULL_FEATURE, tsih, 0, 0, answer.encode()),
                identity, parameters);
    }

    /** The Login Response that ends a failed login. */
    public static org.iscsismis.iscsi.target.pdu.Pdu failureResponse(LoginRequest request, LoginFailure failure) {
        return TargetPdus.loginResponse(request, false, request.csg(), 0, 0, failure.status().statusClass(),
                failure.status().detail(), null);
    }

    private void checkStage(LoginRequest request) throws LoginFailure {
        if (stage < 0) {
            if (request.versionMin() > 0) {
                throw new LoginFailure(LoginStatus.UNSUPPORTED_VERSION, "initiator needs iSCSI version " + request.versionMin()
                        + " or later; this target speaks version 0 (RFC 7143)");
            }
            if (request.csg() != SECURITY && request.csg() != OPERATIONAL) {
                throw new LoginFailure(LoginStatus.INITIATOR_ERROR, "a login cannot start in stage " + request.csg());
            }
            stage = request.csg();
        } else if (request.csg() != stage) {
            throw new LoginFailure(LoginStatus.INITIATOR_ERROR, "Login Request for stage " + request.csg()
                    + " while the login is in stage " + stage);
        }
    }

    private TextParameters parseText() throws LoginFailure {
        byte[] text = pendingText.toByteArray();
        pendingText.reset();
        try {
            return TextParameters.parse(text);
        } catch (PduFormatException e) {
            throw new LoginFailure(LoginStatus.INITIATOR_ERROR, e.getMessage());
        }
    }

    private LoginIdentity identify(LoginRequest request, TextParameters offered) throws LoginFailure {
        String initiator = offered.get("InitiatorName");
        if (initiator == null || initiator.isBlank()) {
            throw new LoginFailure(LoginStatus.MISSING_PARAMETER, "the leading Login Request has no InitiatorName");
        }
        String type = offered.get("SessionType");
        LoginIdentity.SessionType sessionType;
        if (type == null || type.equals("Normal")) {
            sessionType = LoginIdentity.SessionType.NORMAL;
        } else if (type.equals("Discovery")) {
            sessionType = LoginIdentity.SessionType.DISCOVERY;
        } else {
            throw new LoginFailure(LoginStatus.SESSION_TYPE_NOT_SUPPORTED, "SessionType=" + type + " is not Normal or Discovery");
        }
        String target = offered.get("TargetName");
        if (sessionType == LoginIdentity.SessionType.NORMAL) {
            if (target == null || target.isBlank()) {
                throw new LoginFailure(LoginStatus.MISSING_PARAMETER, "a normal session's leading Login Request has no TargetName");
            }
            admission.checkTarget(target);
        }
        return new LoginIdentity(initiator, offered.get("InitiatorAlias"), sessionType,
                sessionType == LoginIdentity.SessionType.NORMAL ? target : null, request.isidHex(), request.tsih(), request.cid());
    }

    private void negotiate(TextParameters offered, Set<String> handled, TextParameters answer) throws LoginFailure {
        boolean discovery = identity.sessionType() == LoginIdentity.SessionType.DISCOVERY;
        for (TextParameters.Pair pair : offered.pairs()) {
            String key = pair.key();
            if (handled.contains(key) || IDENTITY_KEYS.contains(key)) {
                continue;
            }
            if (!answered.add(key)) {
                throw new LoginFailure(LoginStatus.INITIATOR_ERROR, "login key " + key + " offered twice");
            }
            KeyRule rule = keys.rule(key);
            if (rule == null) {
                answer.add(key, KeyRule.NOT_UNDERSTOOD);
            } else if (discovery && rule.normalOnly()) {
                answer.add(key, KeyRule.IRRELEVANT);
            } else {
                String value = rule.answer(pair.value()).orElse(KeyRule.REJECT);
                answer.add(key, value);
                if (!value.equals(KeyRule.REJECT) && !value.equals(KeyRule.IRRELEVANT)) {
                    results.put(key, rule.result(pair.value(), value));
                }
                declaredRecvLength |= key.equals(OperationalKeys.MAX_RECV_DATA_SEGMENT_LENGTH);
            }
        }
    }

    private void declareRecvLength(TextParameters answer) {
        if (!declaredRecvLength) {
            answer.add(OperationalKeys.MAX_RECV_DATA_SEGMENT_LENGTH, Integer.toString(limits.maxRecvDataSegmentLength()));
            declaredRecvLength = true;
        }
    }

    private LoginStep step(LoginRequest request, boolean transit, int csg, TextParameters answer) {
        byte[] data = answer == null ? null : answer.encode();
        return new LoginStep(TargetPdus.loginResponse(request, transit, csg, transit ? request.nsg() : 0, 0, 0, 0, data), identity, null);
    }
}
