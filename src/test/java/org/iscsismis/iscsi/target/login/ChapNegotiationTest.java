package org.iscsismis.iscsi.target.login;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AuthMethod negotiation and CHAP, one-way and mutual, with the RFC's rules and the edge cases initiators hit. */
class ChapNegotiationTest {

    private static final String TARGET = "iqn.2026-12.org.iscsismis:test";
    private static final String INITIATOR_SECRET = "initiator-secret-16";
    private static final String TARGET_SECRET = "target-secret-0016";
    private static final LoginIdentity WHO = new LoginIdentity("iqn.x:host", null, LoginIdentity.SessionType.NORMAL, TARGET,
            "400000001234", 0, 1);
    private static final LoginIdentity DISCOVERY = new LoginIdentity("iqn.x:host", null, LoginIdentity.SessionType.DISCOVERY,
            null, "400000001234", 0, 1);

    private final List<String> failures = new ArrayList<>();
    private long holdBack;
    private final LoginGuard guard = new LoginGuard() {
        @Override
        public long retryAfterSeconds(String address) {
            return holdBack;
        }

        @Override
        public void failed(String address) {
            failures.add(address);
        }
    };

    private static ChapSecrets secrets(Set<String> required) {
        return ChapSecrets.of(List.of(new ChapSecrets.Scoped(ChapSecrets.ANY_NODE, ChapCredential.of("alice", INITIATOR_SECRET))),
                List.of(new ChapSecrets.Scoped(ChapSecrets.ANY_NODE, ChapCredential.of("tgt", TARGET_SECRET))), required);
    }

    private ChapNegotiation negotiation(ChapSecrets secrets) {
        return new ChapNegotiation(secrets, guard, "192.0.2.7", new SecureRandom());
    }

    private static TextParameters text(String... keys) {
        TextParameters t = new TextParameters();
        for (String k : keys) {
            int eq = k.indexOf('=');
            t.add(k.substring(0, eq), k.substring(eq + 1));
        }
        return t;
    }

    private static TextParameters step(ChapNegotiation n, boolean transit, String... keys) throws LoginFailure {
        TextParameters answer = new TextParameters();
        n.negotiate(WHO, text(keys), answer, transit);
        return answer;
    }

    /** Runs AuthMethod and CHAP_A; returns the target's CHAP_A/I/C answer. */
    private static TextParameters challenge(ChapNegotiation n, String algorithms) throws LoginFailure {
        assertEquals("CHAP", step(n, false, "AuthMethod=CHAP,None").get("AuthMethod"));
        return step(n, false, "CHAP_A=" + algorithms);
    }

    private static String response(TextParameters challenge, String secret) {
        ChapAlgorithm a = ChapAlgorithm.of(Integer.parseInt(challenge.get("CHAP_A"))).orElseThrow();
        byte[] c = BinaryValue.decode(challenge.get("CHAP_C"), 1024);
        return BinaryValue.hex(a.response(Integer.parseInt(challenge.get("CHAP_I")), secret.getBytes(StandardCharsets.UTF_8), c));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MD5, 45e70d70f0c71efd3d0d3771d3ddfd4a",
            "SHA_1, 7b50e05060efee9c58f472c8a0e58485f8abe258",
            "SHA_256, 896918961fd2f70fe39286b0059c4dc1676e373976592b7e8405f4394d90359e",
            "SHA3_256, 48b8bec12e8fb8fa1aec738fbe1ac0672046ca9e0b69f8822a054fdfd124aeb7"})
    void theResponseIsTheHashOfIdentifierSecretAndChallenge(ChapAlgorithm algorithm, String expected) {
        // expected values computed independently (Python hashlib over 0x2a || secret || challenge)
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        byte[] r = algorithm.response(0x2a, "twelve-bytes-secret".getBytes(StandardCharsets.US_ASCII), challenge);
        assertEquals(expected, HexFormat.of().formatHex(r));
        assertEquals(r.length, algorithm.responseLength());
    }

    @Test
    void binaryValuesDecodeFromHexAndBase64() {
        assertArrayEquals(new byte[] {0x0a, (byte) 0xbc}, BinaryValue.decode("0x0abc", 16));
        assertArrayEquals(new byte[] {0x0a, (byte) 0xbc}, BinaryValue.decode("0Xabc", 16)); // odd: a leading zero
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), BinaryValue.decode("0baGVsbG8=", 16));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), BinaryValue.decode("0BaGVsbG8=", 16));
        for (String bad : new String[] {"", "0x", "abcd", "0xzz", "0b!!!!", "0q1234", "1x12"}) {
            assertThrows(IllegalArgumentException.class, () -> BinaryValue.decode(bad, 16), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> BinaryValue.decode("0x" + "00".repeat(17), 16));
        assertThrows(IllegalArgumentException.class, () -> BinaryValue.decode("0b" + "AAAA".repeat(8), 16));
    }

    @Test
    void oneWayChapLogsIn() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of(ChapSecrets.ANY_NODE)));
        TextParameters c = challenge(n, "5");
        assertEquals("5", c.get("CHAP_A"));
        assertEquals(ChapNegotiation.CHALLENGE_BYTES, BinaryValue.decode(c.get("CHAP_C"), 1024).length);
        int id = Integer.parseInt(c.get("CHAP_I"));
        assertTrue(id >= 0 && id <= 255);
        assertFalse(n.complete());
        TextParameters done = step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, INITIATOR_SECRET));
        assertTrue(n.complete());
        assertNull(done.get("CHAP_R"), "one-way: the target proves nothing");
        assertEquals(Authentication.CHAP, n.authentication(), "what the session reports as AuthenticationMethodUsed");
        assertTrue(failures.isEmpty());
    }

    @Test
    void aBase64ResponseIsAcceptedToo() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        TextParameters c = challenge(n, "7");
        byte[] r = BinaryValue.decode(response(c, INITIATOR_SECRET), 64);
        step(n, true, "CHAP_N=alice", "CHAP_R=0b" + Base64.getEncoder().encodeToString(r));
        assertTrue(n.complete());
    }

    @Test
    void mutualChapAnswersWithTheTargetsNameAndResponse() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of(ChapSecrets.ANY_NODE)));
        TextParameters c = challenge(n, "5");
        String theirs = "0x" + "5a".repeat(16);
        TextParameters answer = step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, INITIATOR_SECRET), "CHAP_I=200",
                "CHAP_C=" + theirs);
        assertEquals("tgt", answer.get("CHAP_N"));
        byte[] expected = ChapAlgorithm.MD5.response(200, TARGET_SECRET.getBytes(StandardCharsets.UTF_8), BinaryValue.decode(theirs, 64));
        assertEquals(BinaryValue.hex(expected), answer.get("CHAP_R"));
        assertTrue(n.complete());
        assertEquals(Authentication.MUTUAL_CHAP, n.authentication());
    }

    @Test
    void theTargetChoosesTheFirstAlgorithmOfTheInitiatorsListItSupports() throws Exception {
        assertEquals("5", challenge(negotiation(secrets(Set.of())), "5,6,7,8").get("CHAP_A"));
        assertEquals("7", challenge(negotiation(secrets(Set.of())), "99,7,5").get("CHAP_A"));
        assertEquals("8", challenge(negotiation(secrets(Set.of())), "8").get("CHAP_A"));
    }

    @Test
    void everyLoginGetsItsOwnChallenge() throws Exception {
        String first = challenge(negotiation(secrets(Set.of())), "5").get("CHAP_C");
        String second = challenge(negotiation(secrets(Set.of())), "5").get("CHAP_C");
        assertNotEquals(first, second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"56", "", "MD5", "4", "5x"})
    void anAlgorithmTheTargetDoesNotSupportFailsTheLogin(String offered) throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        step(n, false, "AuthMethod=CHAP");
        LoginFailure f = assertThrows(LoginFailure.class, () -> step(n, false, "CHAP_A=" + offered));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, f.status());
        assertTrue(f.getMessage().contains("iqn.x:host"), f.getMessage());
    }

    @Test
    void aWrongResponseFailsAndIsCounted() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        TextParameters c = challenge(n, "5");
        LoginFailure f = assertThrows(LoginFailure.class,
                () -> step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, "not-the-right-secret")));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, f.status());
        assertEquals(List.of("192.0.2.7"), failures);
        assertFalse(f.getMessage().contains(INITIATOR_SECRET));
    }

    @Test
    void anUnknownNameFails() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        TextParameters c = challenge(n, "5");
        LoginFailure f = assertThrows(LoginFailure.class, () -> step(n, true, "CHAP_N=mallory", "CHAP_R=" + response(c, INITIATOR_SECRET)));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, f.status());
        assertEquals(1, failures.size());
    }

    @Test
    void theTargetsOwnChallengeSentBackIsAReflection() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        TextParameters c = challenge(n, "5");
        LoginFailure f = assertThrows(LoginFailure.class, () -> step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, INITIATOR_SECRET),
                "CHAP_I=" + c.get("CHAP_I"), "CHAP_C=" + c.get("CHAP_C")));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, f.status());
        assertTrue(f.getMessage().contains("reflection"), f.getMessage());
    }

    @Test
    void theTargetsOwnResponseReturnedIsAReflection() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        TextParameters c = challenge(n, "5");
        LoginFailure f = assertThrows(LoginFailure.class, () -> step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, TARGET_SECRET)));
        assertTrue(f.getMessage().contains("reflection"), f.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256", "-1", "0x1ff", "", "one"})
    void anIdentifierOutside0To255Fails(String id) throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        TextParameters c = challenge(n, "5");
        LoginFailure f = assertThrows(LoginFailure.class, () -> step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, INITIATOR_SECRET),
                "CHAP_I=" + id, "CHAP_C=0x" + "11".repeat(16)));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, f.status());
    }

    @Test
    void mutualWithoutATargetSecretFails() throws Exception {
        ChapSecrets oneWay = ChapSecrets.of(List.of(new ChapSecrets.Scoped("*", ChapCredential.of("alice", INITIATOR_SECRET))),
                List.of(), Set.of());
        ChapNegotiation n = negotiation(oneWay);
        TextParameters c = challenge(n, "5");
        assertThrows(LoginFailure.class, () -> step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, INITIATOR_SECRET),
                "CHAP_I=1", "CHAP_C=0x" + "11".repeat(16)));
    }

    @Test
    void missingOrEarlyKeysFail() throws Exception {
        ChapNegotiation early = negotiation(secrets(Set.of()));
        step(early, false, "AuthMethod=CHAP");
        assertThrows(LoginFailure.class, () -> step(early, false, "CHAP_N=alice", "CHAP_R=0x00"));

        ChapNegotiation noResponse = negotiation(secrets(Set.of()));
        challenge(noResponse, "5");
        assertThrows(LoginFailure.class, () -> step(noResponse, true, "CHAP_N=alice"));

        ChapNegotiation noMethod = negotiation(secrets(Set.of()));
        assertThrows(LoginFailure.class, () -> step(noMethod, false, "CHAP_A=5"));

        ChapNegotiation oversize = negotiation(secrets(Set.of()));
        TextParameters c = challenge(oversize, "5");
        assertThrows(LoginFailure.class, () -> step(oversize, true, "CHAP_N=alice", "CHAP_R=" + response(c, INITIATOR_SECRET) + "00"));
    }

    @Test
    void aNodeThatRequiresChapRefusesNone() throws Exception {
        ChapSecrets required = secrets(Set.of(TARGET));
        LoginFailure none = assertThrows(LoginFailure.class, () -> step(negotiation(required), true, "AuthMethod=None"));
        assertEquals(LoginStatus.AUTHENTICATION_FAILURE, none.status());
        assertTrue(none.getMessage().contains("requires CHAP"), none.getMessage());
        assertThrows(LoginFailure.class, () -> step(negotiation(required), true));
        assertThrows(LoginFailure.class, () -> negotiation(required).skipped(WHO));
        assertEquals("CHAP", step(negotiation(required), false, "AuthMethod=None,CHAP").get("AuthMethod"));
        // discovery is not that node
        ChapNegotiation discovery = negotiation(required);
        TextParameters answer = new TextParameters();
        discovery.negotiate(DISCOVERY, text("AuthMethod=None"), answer, true);
        assertEquals("None", answer.get("AuthMethod"));
    }

    @Test
    void aNodeThatDoesNotRequireChapMayAcceptNone() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        assertEquals("None", step(n, true, "AuthMethod=None,CHAP").get("AuthMethod"));
        assertTrue(n.complete());
        assertEquals(Authentication.NONE, n.authentication());
        ChapNegotiation noSecrets = negotiation(ChapSecrets.none());
        assertEquals("None", step(noSecrets, true, "AuthMethod=CHAP,None").get("AuthMethod"));
        LoginFailure f = assertThrows(LoginFailure.class, () -> step(negotiation(ChapSecrets.none()), true, "AuthMethod=CHAP"));
        assertTrue(f.getMessage().contains("no CHAP secrets"), f.getMessage());
    }

    @Test
    void anAddressHeldBackIsNotCheckedAtAll() throws Exception {
        ChapNegotiation n = negotiation(secrets(Set.of()));
        TextParameters c = challenge(n, "5");
        holdBack = 30;
        LoginFailure f = assertThrows(LoginFailure.class, () -> step(n, true, "CHAP_N=alice", "CHAP_R=" + response(c, INITIATOR_SECRET)));
        assertEquals(LoginStatus.SERVICE_UNAVAILABLE, f.status());
        assertTrue(failures.isEmpty());
    }

    @Test
    void theSecretsTableKeepsTheRfcsRules() {
        ChapCredential alice = ChapCredential.of("alice", INITIATOR_SECRET);
        assertThrows(IllegalArgumentException.class, () -> ChapSecrets.of(List.of(new ChapSecrets.Scoped("*", alice)),
                List.of(new ChapSecrets.Scoped("*", ChapCredential.of("tgt", INITIATOR_SECRET))), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> ChapCredential.of("bob", "eleven-byte"));
        assertThrows(IllegalArgumentException.class, () -> ChapCredential.of("bad name", INITIATOR_SECRET));
        ChapCredential special = ChapCredential.of("alice", "a-node-specific-secret");
        ChapSecrets s = ChapSecrets.of(List.of(new ChapSecrets.Scoped("*", alice), new ChapSecrets.Scoped(TARGET, special)),
                List.of(), Set.of());
        assertEquals(special, s.initiator("alice", TARGET).orElseThrow());
        assertEquals(alice, s.initiator("alice", "iqn.x:other").orElseThrow());
        assertEquals(alice, s.initiator("alice", null).orElseThrow());
        assertFalse(alice.toString().contains(INITIATOR_SECRET));
    }
}
