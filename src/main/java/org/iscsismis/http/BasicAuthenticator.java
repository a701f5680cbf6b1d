package org.iscsismis.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iscsismis.dispatch.Caller;
import org.iscsismis.dispatch.NamespaceGrants;

/**
 * HTTP Basic authentication (RFC 7617) against a fixed table of {@link Account}s.
 *
 * <p>Every check of credentials not seen before costs one PBKDF2 derivation, whether the user exists or not (an
 * unknown user is checked against a decoy hash of the same cost), so the time of a failure tells nothing about
 * which users exist. Because Basic credentials come with every request, credentials that were right are
 * remembered for {@link #REMEMBER_NANOS} as an HMAC under a key made at start-up (never the password itself), in a
 * table of at most {@link #REMEMBERED} entries; wrong credentials are never remembered.
 */
public final class BasicAuthenticator implements Authenticator {

    /** How long verified credentials are remembered: five minutes. */
    static final long REMEMBER_NANOS = 300_000_000_000L;
    /** How many verified credentials are remembered at most (the oldest goes first). */
    static final int REMEMBERED = 1024;

    private final Map<String, Account> accounts;
    private final Pbkdf2Password decoy;
    private final LongSupplier nanoTime;
    private final byte[] rememberKey = new byte[32];
    private final Map<String, Remembered> remembered = new LeastRecentlyUsed<>(REMEMBERED); // guarded by itself

    private record Remembered(Caller caller, long until) {
    }

    /** @param accounts user name → account; at least one */
    public BasicAuthenticator(Map<String, Account> accounts) {
        this(accounts, System::nanoTime);
    }

    BasicAuthenticator(Map<String, Account> accounts, LongSupplier nanoTime) {
        Objects.requireNonNull(accounts, "accounts must not be null");
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("Basic authentication needs at least one user");
        }
        accounts.keySet().forEach(BasicAuthenticator::checkUserName);
        this.accounts = Map.copyOf(accounts);
        int iterations = accounts.values().stream().mapToInt(a -> a.password().iterations()).max().orElseThrow();
        this.decoy = Pbkdf2Password.create("\u0000decoy\u0000".toCharArray(), iterations);
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(rememberKey);
    }

    /** Accounts of the deprecated {@code auth.users} form (user → password in clear or {@code sha256:HEX}). */
    public static BasicAuthenticator ofLegacy(Map<String, String> users) {
        return ofLegacy(users, Pbkdf2Password.DEFAULT_ITERATIONS);
    }

    /** As {@link #ofLegacy(Map)}, hashing with {@code iterations} (tests use fewer). */
    static BasicAuthenticator ofLegacy(Map<String, String> users, int iterations) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        users.forEach((user, password) -> {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("User \"" + user + "\" has an empty password");
            }
            try {
                accounts.put(user, new Account(Pbkdf2Password.ofLegacy(password, iterations), NamespaceGrants.EVERYTHING));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("User \"" + user + "\": " + e.getMessage());
            }
        });
        return new BasicAuthenticator(accounts);
    }

    /**
     * A user name the server accepts: not empty, no colon (Basic cannot carry it), no whitespace or control
     * characters (the users file separates fields with spaces), at most 64 characters.
     *
     * @throws IllegalArgumentException saying which rule the name breaks
     */
    public static void checkUserName(String user) {
        if (user == null || user.isEmpty() || user.length() > 64) {
            throw new IllegalArgumentException("a user name must have 1 to 64 characters");
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("user name \"" + user.replaceAll("\\p{Cntrl}", "?")
                        + "\" contains a colon, whitespace or a control character");
            }
        }
    }

    @Override
    public Caller caller(String userName) {
        Account account = accounts.get(userName);
        return account == null ? null : new Caller(userName, account.grants());
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public Caller authenticate(String authorizationHeader) {
        BasicCredentials credentials = BasicCredentials.parse(authorizationHeader);
        if (credentials == null) {
            return null;
        }
        String token = token(authorizationHeader.trim());
        long now = nanoTime.getAsLong();
        synchronized (remembered) {
            Remembered r = remembered.get(token);
            if (r != null && r.until() - now > 0) {
                Arrays.fill(credentials.password(), '\0');
                return r.caller();
            }
        }
        Account account = accounts.get(credentials.user());
        boolean match = (account != null ? account.password() : decoy).matches(credentials.password());
        Arrays.fill(credentials.password(), '\0');
        if (account == null || !match) {
            return null;
        }
        Caller caller = new Caller(credentials.user(), account.grants());
        synchronized (remembered) {
            remembered.put(token, new Remembered(caller, now + REMEMBER_NANOS));
        }
        return caller;
    }

    private String token(String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(header.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
