package org.iscsismis.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * HTTP Basic authentication (RFC 7617) against a fixed user table. Passwords are kept only as
 * SHA-256 digests and compared with {@link MessageDigest#isEqual} (constant time); an unknown
 * user costs the same comparison as a wrong password.
 */
public final class BasicAuthenticator implements Authenticator {

    private final Map<String, byte[]> digests;
    private final byte[] decoy;

    /**
     * @param users user name → password; a password written {@code sha256:HEX} is taken as the
     *              SHA-256 digest of the password (64 hex digits)
     */
    public BasicAuthenticator(Map<String, String> users) {
        Objects.requireNonNull(users, "users must not be null");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("Basic authentication needs at least one user");
        }
        Map<String, byte[]> map = new HashMap<>();
        users.forEach((user, password) -> map.put(user, storedDigest(user, password)));
        this.digests = Map.copyOf(map);
        this.decoy = sha256("\u0000no such user\u0000");
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public String authenticate(String authorizationHeader) {
        if (authorizationHeader == null) {
            return null;
        }
        String header = authorizationHeader.trim();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(space + 1).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        byte[] expected = digests.get(user);
        boolean known = expected != null;
        boolean match = MessageDigest.isEqual(known ? expected : decoy, sha256(decoded.substring(colon + 1)));
        return known && match ? user : null;
    }

    private static byte[] storedDigest(String user, String password) {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Invalid user name \"" + user + "\" (empty or containing ':')");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("User \"" + user + "\" has an empty password");
        }
        if (password.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
            String hex = password.substring("sha256:".length());
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("User \"" + user + "\": sha256: must be followed by 64 hex digits");
            }
            return java.util.HexFormat.of().parseHex(hex);
        }
        return sha256(password);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
