package org.iscsismis.iscsi.target.login;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The CHAP_A values a target may choose (RFC 7143 §12.1.3 registers 5, MD5; 6, 7 and 8 are the SHA-1, SHA-256 and
 * SHA3-256 values of its revision, which current libiscsi and the Linux target offer). Every digest is in the JDK.
 */
public enum ChapAlgorithm {
    MD5(5, "MD5"),
    SHA_1(6, "SHA-1"),
    SHA_256(7, "SHA-256"),
    SHA3_256(8, "SHA3-256");

    private final int code;
    private final String digestName;

    ChapAlgorithm(int code, String digestName) {
        this.code = code;
        this.digestName = digestName;
    }

    public int code() {
        return code;
    }

    /** The algorithm of a CHAP_A value, if this target supports it. */
    public static Optional<ChapAlgorithm> of(int code) {
        for (ChapAlgorithm a : values()) {
            if (a.code == code) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Bytes in a response of this algorithm. */
    public int responseLength() {
        return digest().getDigestLength();
    }

    /** The CHAP response of RFC 1994 §4.1: the hash of the identifier octet, the secret and the challenge. */
    public byte[] response(int identifier, byte[] secret, byte[] challenge) {
        MessageDigest d = digest();
        d.update((byte) identifier);
        d.update(secret);
        d.update(challenge);
        return d.digest();
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(digestName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + digestName, e);
        }
    }
}
