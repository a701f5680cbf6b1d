package org.iscsismis.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow password hash: PBKDF2 with HMAC-SHA256 from the JDK (a 16-byte random salt, a 32-byte result).
 * Written {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} with SALT and HASH in unpadded Base64; the iteration count
 * travels with each hash, so raising {@link #DEFAULT_ITERATIONS} later leaves existing hashes valid.
 *
 * <p>A hash made from the deprecated {@code auth.users} form ({@link #ofLegacy}) is the same PBKDF2 over the
 * password's SHA-256 digest, so that every check, of either form, costs one derivation.
 */
public final class Pbkdf2Password {

    /** The prefix of the written form. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Measured so that one check costs a few tens of milliseconds on a small server (docs/decisions.md). */
    public static final int DEFAULT_ITERATIONS = 100_000;
    static final int MIN_ITERATIONS = 1_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;
    private final boolean overDigest;

    private Pbkdf2Password(int iterations, byte[] salt, byte[] hash, boolean overDigest) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
        this.overDigest = overDigest;
    }

    /** A new hash of {@code password} with a fresh salt. */
    public static Pbkdf2Password create(char[] password, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, not " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Pbkdf2Password(iterations, salt, derive(password, salt, iterations), false);
    }

    /**
     * A hash for a deprecated {@code auth.users} entry: the password in clear, or {@code sha256:HEX} (its SHA-256
     * digest in 64 hex digits).
     *
     * @throws IllegalArgumentException if a {@code sha256:} value is not 64 hex digits
     */
    static Pbkdf2Password ofLegacy(String written, int iterations) {
        String hex;
        if (written.regionMatches(true, 0, "sha256:", 0, 7)) {
            hex = written.substring(7);
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("sha256: must be followed by 64 hex digits");
            }
        } else {
            hex = HexFormat.of().formatHex(sha256(utf8(written.toCharArray())));
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        char[] digest = hex.toLowerCase(java.util.Locale.ROOT).toCharArray();
        return new Pbkdf2Password(iterations, salt, derive(digest, salt, iterations), true);
    }

    /**
     * Parses the written form.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing the hash)
     */
    public static Pbkdf2Password parse(String written) {
        String[] parts = Objects.requireNonNull(written, "written must not be null").split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a password hash must be " + SCHEME + ":ITERATIONS:SALT:HASH");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count \"" + parts[1] + "\" is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count " + iterations + " is below " + MIN_ITERATIONS);
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (salt.length < 8 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("the salt or the hash has the wrong length");
            }
            return new Pbkdf2Password(iterations, salt, hash, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the salt or the hash is not Base64 of the right length");
        }
    }

    /** The written form, {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}. */
    public String format() {
        if (overDigest) {
            throw new IllegalStateException("a hash of a legacy auth.users entry is never written");
        }
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    public int iterations() {
        return iterations;
    }

    /** True if {@code candidate} is the password; one PBKDF2 derivation, compared in constant time. */
    public boolean matches(char[] candidate) {
        char[] input = overDigest ? HexFormat.of().formatHex(sha256(utf8(candidate))).toCharArray() : candidate;
        return MessageDigest.isEqual(hash, derive(input, salt, iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /** Never the hash itself. */
    @Override
    public String toString() {
        return SCHEME + ":" + iterations + ":***";
    }
}
