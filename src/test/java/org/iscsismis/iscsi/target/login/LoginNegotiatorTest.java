package org.iscsismis.iscsi.target.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.iscsismis.iscsi.target.pdu.Bytes;
import org.iscsismis.iscsi.target.pdu.LoginRequest;
import org.iscsismis.iscsi.target.pdu.Opcode;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The login state machine and the result functions of RFC 7143 §13, table by table. */
class LoginNegotiatorTest {

    private static final String TARGET = "iqn.2026-12.org.iscsismis:test";
    private final List<LoginIdentity> admitted = new ArrayList<>();

    private LoginNegotiator negotiator() {
        return negotiator(new ChapNegotiation(ChapSecrets.none(), LoginGuard.NONE, "127.0.0.1", new SecureRandom()));
    }

    private LoginNegotiator negotiator(SecurityNegotiation security) {
        return new LoginNegotiator(NegotiationLimits.DEFAULT, security, new LoginAdmission() {
            @Override
            public void checkTarget(String name) throws LoginFailure {
                if (!TARGET.equals(name)) {
                    throw new LoginFailure(LoginStatus.NOT_FOUND, "no target " + name);
                }
            }

            @Override
            public int admit(LoginIdentity identity, SessionParameters parameters) {
                admitted.add(identity);
                return 7;
            }
        });
    }

    /** A Login Request PDU, decoded as the connection decodes it. */
    static LoginRequest request(boolean transit, int csg, int nsg, String... keys) {
        TextParameters text = new TextParameters();
        for (String k : keys) {
            int eq = k.indexOf('=');
            text.add(k.substring(0, eq), k.substring(eq + 1));
        }
        Pdu pdu = Pdu.of(Opcode.LOGIN_REQUEST, text.encode());
        byte[] h = pdu.header();
        h[1] = (byte) ((transit ? 0x80 : 0) | csg << 2 | nsg);
        h[8] = 0x40; // ISID
        Bytes.put32(h, 16, 0x1234);
        return LoginRequest.from(pdu);
    }

    private static TextParameters answer(LoginStep step) throws PduFormatException {
        return TextParameters.parse(step.response().data());
    }

    private static int status(Pdu response) {
        return Bytes.u16(response.header(), 36);
    }

    private LoginNegotiator chapRequired() {
        ChapSecrets secrets = ChapSecrets.of(List.of(new ChapSecrets.Scoped(ChapSecrets.ANY_NODE,
                ChapCredential.of("alice", "alice-secret-0016"))), List.of(), Set.of(ChapSecrets.ANY_NODE));
        return negotiator(new ChapNegotiation(secrets, LoginGuard.NONE, "127.0.0.1", new SecureRandom()));
    }

    @Test
    void aChapLoginLeavesTheSecurityStageOnlyOnceTheInitiatorHasProvedItself() throws Exception {
        LoginNegotiator n = chapRequired();
        LoginStep method = n.handle(request(true, 0, 1, "InitiatorName=iqn.x:i", "TargetName=" + TARGET, "AuthMethod=CHAP,None"));
        assertEquals("CHAP", answer(method).get("AuthMethod"));
        assertEquals(0, method.response().flags(), "no T bit while CHAP is under way, even though the initiator asked");
        TextParameters challenge = answer(n.handle(request(true, 0, 1, "CHAP_A=5")));
        byte[] response = ChapAlgorithm.MD5.response(Integer.parseInt(challenge.get("CHAP_I")),
                "alice-secret-0016".getBytes(StandardCharsets.UTF_8), BinaryValue.decode(challenge.get("CHAP_C"), 64));
        LoginStep proved = n.handle(request(true, 0, 1, "CHAP_N=alice", "CHAP_R=" + BinaryValue.hex(response)));
        assertEquals(0x80 | 1, proved.response().flags(), "T bit, CSG 0, NSG 1");
        assertTrue(n.handle(request(true, 1, 3, "MaxRecvDataSegmentLength=65536")).fullFeature());
    }

    @Test
    void aLoginThatSkipsTheSecurityStageOfANodeRequiringChapFails() {
        LoginFailure f = assertThrows(LoginFailure.class,
                () -> chapRequired().handle(request(true, 1, 3, "InitiatorName=iqn.x:i", "TargetName=" + TARGET)));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, f.status());
    }

    @Test
    void aNormalLoginThroughBothStagesReachesFullFeature() throws Exception {
        LoginNegotiator n = negotiator();
        LoginStep security = n.handle(request(true, 0, 1, "InitiatorName=iqn.x:i", "SessionType=Normal", "TargetName=" + TARGET,
                "AuthMethod=None"));
        assertEquals("None", answer(security).get("AuthMethod"));
        assertEquals("1", answer(security).get("TargetPortalGroupTag"), "in the first response of a normal session");
        assertEquals(0x80 | 1, security.response().flags(), "T bit, CSG 0, NSG 1");
        assertFalse(security.fullFeature());
        LoginStep operational = n.handle(request(true, 1, 3, "HeaderDigest=CRC32C,None", "MaxRecvDataSegmentLength=65536",
                "MaxBurstLength=2000000", "ImmediateData=No"));
        assertTrue(operational.fullFeature());
        assertEquals(7, Bytes.u16(operational.response().header(), 14), "TSIH");
        assertEquals("CRC32C", answer(operational).get("HeaderDigest"));
        assertEquals(Integer.toString(NegotiationLimits.DEFAULT.maxRecvDataSegmentLength()), answer(operational).get("MaxRecvDataSegmentLength"));
        SessionParameters p = operational.parameters();
        assertTrue(p.headerDigest());
        assertFalse(p.dataDigest());
        assertEquals(65536, p.initiatorRecvDataSegmentLength());
        assertEquals(NegotiationLimits.DEFAULT.maxBurstLength(), p.maxBurstLength(), "the smaller of the two");
        assertFalse(p.immediateData());
        assertEquals(List.of("iqn.x:i"), admitted.stream().map(LoginIdentity::initiatorName).toList());
    }

    /** Offer → answer, for each kind of result function. */
    static Stream<Arguments> results() {
        return Stream.of(
                Arguments.of("DataDigest=CRC32C", "CRC32C"),
                Arguments.of("DataDigest=MD5,None", "None"),
                Arguments.of("HeaderDigest=MD5", "Reject"),
                Arguments.of("InitialR2T=Yes", "Yes"),
                Arguments.of("InitialR2T=No", "No"),
                Arguments.of("ImmediateData=Yes", "Yes"),
                Arguments.of("MaxConnections=4", "1"),
                Arguments.of("FirstBurstLength=4096", "4096"),
                Arguments.of("FirstBurstLength=100", "Reject"),
                Arguments.of("DefaultTime2Wait=0", "2"),
                Arguments.of("DefaultTime2Retain=20", "0"),
                Arguments.of("MaxOutstandingR2T=64", Integer.toString(NegotiationLimits.DEFAULT.maxOutstandingR2T())),
                Arguments.of("ErrorRecoveryLevel=2", "0"),
                Arguments.of("DataPDUInOrder=No", "Yes"),
                Arguments.of("IFMarker=Yes", "No"),
                Arguments.of("OFMarkInt=2048", "Irrelevant"),
                Arguments.of("X-com.example.Thing=1", "NotUnderstood"),
                Arguments.of("MaxBurstLength=lots", "Reject"));
    }

    @ParameterizedTest(name = "{0} is answered {1}")
    @MethodSource("results")
    void keysAreAnsweredByTheirResultFunction(String offer, String expected) throws Exception {
        LoginStep step = negotiator().handle(request(false, 1, 0, "InitiatorName=iqn.x:i", "TargetName=" + TARGET, offer));
        assertEquals(expected, answer(step).get(offer.substring(0, offer.indexOf('='))));
    }

    @Test
    void sessionKeysAreIrrelevantInADiscoverySession() throws Exception {
        LoginStep step = negotiator().handle(request(true, 1, 3, "InitiatorName=iqn.x:i", "SessionType=Discovery",
                "InitialR2T=No", "MaxRecvDataSegmentLength=8192"));
        assertEquals("Irrelevant", answer(step).get("InitialR2T"));
        assertNull(answer(step).get("TargetPortalGroupTag"));
        assertTrue(step.fullFeature());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(request(true, 0, 1, "TargetName=" + TARGET), LoginStatus.MISSING_PARAMETER),
                Arguments.of(request(true, 0, 1, "InitiatorName=iqn.x:i"), LoginStatus.MISSING_PARAMETER),
                Arguments.of(request(true, 0, 1, "InitiatorName=iqn.x:i", "TargetName=iqn.x:other"), LoginStatus.NOT_FOUND),
                Arguments.of(request(true, 0, 1, "InitiatorName=iqn.x:i", "TargetName=" + TARGET, "AuthMethod=CHAP"),
                        LoginStatus.AUTHENTICATION_FAILURE),
                Arguments.of(request(true, 0, 1, "InitiatorName=iqn.x:i", "SessionType=Weird"), LoginStatus.SESSION_TYPE_NOT_SUPPORTED),
                Arguments.of(request(true, 1, 1, "InitiatorName=iqn.x:i", "TargetName=" + TARGET), LoginStatus.INITIATOR_ERROR),
                Arguments.of(request(true, 3, 3, "InitiatorName=iqn.x:i", "TargetName=" + TARGET), LoginStatus.INITIATOR_ERROR),
                Arguments.of(request(true, 1, 3, "InitiatorName=iqn.x:i", "TargetName=" + TARGET, "MaxConnections=1",
                        "MaxConnections=2"), LoginStatus.INITIATOR_ERROR));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void badLoginsEndWithTheirStatusClass(LoginRequest request, LoginStatus expected) {
        LoginFailure f = assertThrows(LoginFailure.class, () -> negotiator().handle(request));
        assertEquals(expected, f.status());
        Pdu response = LoginNegotiator.failureResponse(request, f);
        assertEquals(expected.statusClass() << 8 | expected.detail(), status(response));
    }

    @Test
    void textSpanningTwoPdusIsGatheredAndTheFirstPartAcknowledged() throws Exception {
        LoginNegotiator n = negotiator();
        LoginRequest first = request(false, 0, 0, "InitiatorName=iqn.x:i");
        LoginRequest continued = new LoginRequest(false, true, 0, 0, 0, 0, first.isid(), 0, first.initiatorTaskTag(), 0, 0, 0,
                first.data());
        LoginStep ack = n.handle(continued);
        assertEquals(0, ack.response().dataLength());
        LoginStep rest = n.handle(request(true, 0, 1, "TargetName=" + TARGET, "AuthMethod=None"));
        assertEquals("None", answer(rest).get("AuthMethod"));
    }

    @Test
    void aLaterVersionIsRefused() {
        LoginRequest r = request(true, 0, 1, "InitiatorName=iqn.x:i", "TargetName=" + TARGET);
        LoginRequest v1 = new LoginRequest(true, false, 0, 1, 1, 1, r.isid(), 0, 1, 0, 0, 0, r.data());
        assertEquals(LoginStatus.UNSUPPORTED_VERSION, assertThrows(LoginFailure.class, () -> negotiator().handle(v1)).status());
    }
}
