package org.iscsismis.iscsi.target.login;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.iscsismis.iscsi.target.pdu.TextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security stage of one connection: AuthMethod negotiation and CHAP (RFC 7143 §12.1.3, RFC 1994), one-way or
 * mutual. The exchange, one Login Request each:
 * <pre>
 * I→T  AuthMethod=CHAP,None                     T→I  AuthMethod=CHAP
 * I→T  CHAP_A=5,7                               T→I  CHAP_A=5  CHAP_I=&lt;id&gt;  CHAP_C=&lt;challenge&gt;
 * I→T  CHAP_N=&lt;name&gt;  CHAP_R=&lt;response&gt;
 *      [CHAP_I=&lt;id&gt;  CHAP_C=&lt;challenge&gt;]       T→I  [CHAP_N=&lt;target name&gt;  CHAP_R=&lt;response&gt;] (mutual)
 * </pre>
 * The target picks the first method and algorithm of the initiator's lists it supports; a node that requires CHAP
 * supports only CHAP. Every deviation fails the login with Authentication Failure (0201) and a message naming the
 * initiator (the connection logs it with the address); failed proofs are counted by the {@link LoginGuard}, and an
 * address it holds back is answered Service Unavailable (0301) without its response being checked.
 *
 * <p>Each login gets its own random challenge ({@link SecureRandom}, {@value #CHALLENGE_BYTES} bytes) and identifier;
 * an initiator challenge equal to the target's (a reflection) fails, as does a response equal to the one the target
 * itself would give. The target answers the initiator's challenge only once the initiator has proved itself.
 */
public final class ChapNegotiation implements SecurityNegotiation {

    static final int CHALLENGE_BYTES = 32;
    /** The longest challenge an initiator may send (RFC 7143 §12.1.3). */
    static final int MAX_INITIATOR_CHALLENGE = 1024;
    private static final Set<String> KEYS = Set.of("AuthMethod", "CHAP_A", "CHAP_I", "CHAP_C", "CHAP_N", "CHAP_R");
    private static final Logger LOG = LoggerFactory.getLogger(ChapNegotiation.class);

    private enum State { START, METHOD_CHOSEN, CHALLENGED, DONE }

    private final ChapSecrets secrets;
    private final LoginGuard guard;
    private final String address;
    private final SecureRandom random;
    private State state = State.START;
    private Authentication authentication = Authentication.NONE;
    private ChapAlgorithm algorithm;
    private int identifier;
    private byte[] challenge;

    /**
     * @param address the initiator's address, for the guard
     */
    public ChapNegotiation(ChapSecrets secrets, LoginGuard guard, String address, SecureRandom random) {
        this.secrets = secrets;
        this.guard = guard;
        this.address = address;
        this.random = random;
    }

    @Override
    public Set<String> negotiate(LoginIdentity who, TextParameters offered, TextParameters answer, boolean transit) throws LoginFailure {
        Set<String> handled = new LinkedHashSet<>();
        for (TextParameters.Pair pair : offered.pairs()) {
            if (KEYS.contains(pair.key()) && !handled.add(pair.key())) {
                throw failure(who, pair.key() + " offered twice");
            }
        }
        State before = state;
        if (handled.contains("AuthMethod")) {
            chooseMethod(who, offered.get("AuthMethod"), answer);
        }
        if (handled.contains("CHAP_A")) {
            chooseAlgorithm(who, offered.get("CHAP_A"), answer);
        }
        if (before == State.CHALLENGED) {
            checkResponse(who, offered, answer);
        } else if (handled.stream().anyMatch(k -> k.startsWith("CHAP_") && !k.equals("CHAP_A"))) {
            throw failure(who, "sent " + String.join(", ", handled) + " before the target's challenge");
        }
        if (transit && state == State.START) {
            if (secrets.requiresChap(who.targetName())) {
                throw failure(who, "left the security stage without authenticating; " + node(who) + " requires CHAP");
            }
            state = State.DONE; // no AuthMethod offered and none required: nothing to authenticate
        }
        return handled;
    }

    @Override
    public boolean complete() {
        return state == State.DONE;
    }

    @Override
    public Authentication authentication() {
        return authentication;
    }

    @Override
    public void skipped(LoginIdentity who) throws LoginFailure {
        if (secrets.requiresChap(who.targetName())) {
            throw failure(who, "skipped the security stage; " + node(who) + " requires CHAP");
        }
        state = State.DONE;
    }

    private void chooseMethod(LoginIdentity who, String offered, TextParameters answer) throws LoginFailure {
        if (state != State.START) {
            throw failure(who, "offered AuthMethod again");
        }
        boolean required = secrets.requiresChap(who.targetName());
        boolean chapPossible = !secrets.isEmpty();
        for (String method : offered.split(",", -1)) {
            if (method.equals("CHAP") && chapPossible || method.equals("None") && !required) {
                answer.add("AuthMethod", method);
                state = method.equals("CHAP") ? State.METHOD_CHOSEN : State.DONE;
                return;
            }
        }
        throw failure(who, "offered AuthMethod=" + shorten(offered) + "; " + node(who)
                + (required ? " requires CHAP" : chapPossible ? " accepts CHAP or None" : " accepts None only (no CHAP secrets are configured)"));
    }

    private void chooseAlgorithm(LoginIdentity who, String offered, TextParameters answer) throws LoginFailure {
        if (state != State.METHOD_CHOSEN) {
            throw failure(who, "offered CHAP_A without AuthMethod=CHAP agreed first");
        }
        for (String code : offered.split(",", -1)) {
            Optional<ChapAlgorithm> a = code.matches("\\d{1,3}") ? ChapAlgorithm.of(Integer.parseInt(code)) : Optional.empty();
            if (a.isPresent()) {
                algorithm = a.get();
                identifier = random.nextInt(256);
                challenge = new byte[CHALLENGE_BYTES];
                random.nextBytes(challenge);
                answer.add("CHAP_A", Integer.toString(algorithm.code()));
                answer.add("CHAP_I", Integer.toString(identifier));
                answer.add("CHAP_C", BinaryValue.hex(challenge));
                state = State.CHALLENGED;
                return;
            }
        }
        throw failure(who, "offered CHAP_A=" + shorten(offered) + "; this target supports "
                + Arrays.stream(ChapAlgorithm.values()).map(x -> Integer.toString(x.code())).reduce((x, y) -> x + "," + y).orElseThrow());
    }

    private void checkResponse(LoginIdentity who, TextParameters offered, TextParameters answer) throws LoginFailure {
        String name = offered.get("CHAP_N");
        String response = offered.get("CHAP_R");
        if (name == null || response == null) {
            throw failure(who, "answered the CHAP challenge without " + (name == null ? "CHAP_N" : "CHAP_R"));
        }
        long wait = guard.retryAfterSeconds(address);
        if (wait > 0) {
            throw new LoginFailure(LoginStatus.SERVICE_UNAVAILABLE, "initiator " + who.initiatorName() + " (CHAP name "
                    + shorten(name) + ") held back: too many failed CHAP logins from this address; retry in " + wait + " s");
        }
        byte[] received = binary(who, "CHAP_R", response, algorithm.responseLength());
        Optional<ChapCredential> credential = secrets.initiator(name, who.targetName());
        Optional<ChapCredential> own = secrets.target(who.targetName());
        // the same work whether or not the name exists, so timing does not tell which names do
        byte[] secret = credential.map(ChapCredential::secret).orElseGet(() -> new byte[ChapCredential.MIN_SECRET_BYTES]);
        boolean proved = MessageDigest.isEqual(received, algorithm.response(identifier, secret, challenge));
        boolean reflected = own.isPresent() && MessageDigest.isEqual(received, algorithm.response(identifier, own.get().secret(), challenge));
        if (credential.isEmpty() || !proved || reflected) {
            guard.failed(address);
            throw failure(who, credential.isEmpty() ? "gave CHAP name " + shorten(name) + ", which has no secret for " + node(who)
                    : reflected ? "returned the target's own CHAP response (reflection)" : "gave a wrong CHAP response for CHAP name " + name);
        }
        authentication = Authentication.CHAP;
        if (offered.get("CHAP_I") != null || offered.get("CHAP_C") != null) {
            answerChallenge(who, offered, answer, own);
            authentication = Authentication.MUTUAL_CHAP;
        }
        LOG.debug("initiator {} from {} authenticated as CHAP name {} ({}{})", who.initiatorName(), address, name, algorithm,
                offered.get("CHAP_C") != null ? ", mutual" : "");
        state = State.DONE;
    }

    /** Mutual CHAP: the initiator's challenge, answered with the target's own name and secret. */
    private void answerChallenge(LoginIdentity who, TextParameters offered, TextParameters answer, Optional<ChapCredential> own)
            throws LoginFailure {
        String id = offered.get("CHAP_I");
        String theirs = offered.get("CHAP_C");
        if (id == null || theirs == null) {
            throw failure(who, "asked for mutual CHAP without " + (id == null ? "CHAP_I" : "CHAP_C"));
        }
        if (!id.matches("\\d{1,3}") || Integer.parseInt(id) > 255) {
            throw failure(who, "sent CHAP_I=" + shorten(id) + "; an identifier is a number from 0 to 255");
        }
        byte[] their = binary(who, "CHAP_C", theirs, MAX_INITIATOR_CHALLENGE);
        if (MessageDigest.isEqual(their, challenge)) {
            throw failure(who, "sent the target's own challenge back (reflection)");
        }
        if (own.isEmpty()) {
            throw failure(who, "asked for mutual CHAP, but " + node(who) + " has no target secret configured");
        }
        answer.add("CHAP_N", own.get().name());
        answer.add("CHAP_R", BinaryValue.hex(algorithm.response(Integer.parseInt(id), own.get().secret(), their)));
    }

    private static byte[] binary(LoginIdentity who, String key, String value, int maxBytes) throws LoginFailure {
        try {
            return BinaryValue.decode(value, maxBytes);
        } catch (IllegalArgumentException e) {
            throw failure(who, key + " is not usable: " + e.getMessage());
        }
    }

    private static LoginFailure failure(LoginIdentity who, String what) {
        return new LoginFailure(LoginStatus.AUTHENTICATION_FAILURE, "initiator " + who.initiatorName() + " " + what);
    }

    private static String node(LoginIdentity who) {
        return who.targetName() == null ? "discovery" : "target " + who.targetName();
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
