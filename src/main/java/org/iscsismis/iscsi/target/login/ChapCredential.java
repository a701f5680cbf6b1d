package org.iscsismis.iscsi.target.login;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A CHAP name and its secret. The secret is kept as given (CHAP needs it in clear to compute responses); it never
 * appears in {@link #toString()}, so a credential cannot end up in a log by accident.
 */
public record ChapCredential(String name, byte[] secret) {

    /** RFC 7143 §9.2.1: CHAP secrets of at least 96 bits. */
    public static final int MIN_SECRET_BYTES = 12;
    /** 128 bits, what RFC 7143 recommends where IPsec does not protect the link. */
    public static final int RECOMMENDED_SECRET_BYTES = 16;
    /** What initiators take (libiscsi's limit for a password). */
    public static final int MAX_SECRET_BYTES = 255;
    /** Longest CHAP name accepted. */
    public static final int MAX_NAME_LENGTH = 255;

    /**
     * @throws IllegalArgumentException if the name is empty, too long or has whitespace or control characters, or
     *                                  the secret is shorter than {@link #MIN_SECRET_BYTES} or longer than
     *                                  {@link #MAX_SECRET_BYTES}
     */
    public ChapCredential {
        checkName(name);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the CHAP secret of " + name + " has " + secret.length + " bytes; RFC 7143 "
                    + "requires at least " + MIN_SECRET_BYTES + " (" + RECOMMENDED_SECRET_BYTES + " recommended)");
        }
        if (secret.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException("the CHAP secret of " + name + " is longer than " + MAX_SECRET_BYTES + " bytes");
        }
        secret = secret.clone();
    }

    /** A credential whose secret is the UTF-8 bytes of {@code secret} (as initiators such as libiscsi use it). */
    public static ChapCredential of(String name, String secret) {
        return new ChapCredential(name, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A CHAP name is a key value of at most 255 characters without whitespace or control characters. */
    public static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a CHAP name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("CHAP name \"" + name + "\" has whitespace or control characters");
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** True if both hold the same secret. */
    public boolean sameSecret(ChapCredential other) {
        return java.security.MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChapCredential c && name.equals(c.name) && Arrays.equals(secret, c.secret);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "ChapCredential[" + name + ", secret hidden]";
    }
}
