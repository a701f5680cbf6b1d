package org.iscsismis.iscsi.target.login;

import java.util.Base64;
import java.util.HexFormat;

/**
 * The binary-value encodings of RFC 7143 §6.1 that CHAP_C and CHAP_R use: {@code 0x} (or {@code 0X}) and hex digits,
 * or {@code 0b} (or {@code 0B}) and base64 (RFC 4648, with padding). An odd number of hex digits has an implied
 * leading zero.
 */
public final class BinaryValue {

    private BinaryValue() {
    }

    /**
     * @param maxBytes the longest value accepted
     * @throws IllegalArgumentException if the text is not one of the two encodings, is empty, or decodes to more than
     *                                  {@code maxBytes}
     */
    public static byte[] decode(String text, int maxBytes) {
        if (text == null || text.length() < 3 || text.charAt(0) != '0') {
            throw new IllegalArgumentException("not a binary value (0x... or 0b...)");
        }
        char form = Character.toLowerCase(text.charAt(1));
        String digits = text.substring(2);
        long bound = form == 'x' ? (digits.length() + 1L) / 2 : digits.length() / 4L * 3 - (digits.endsWith("==") ? 2 : digits.endsWith("=") ? 1 : 0);
        if (bound > maxBytes) {
            throw new IllegalArgumentException("binary value longer than " + maxBytes + " bytes");
        }
        try {
            if (form == 'x') {
                return HexFormat.of().parseHex(digits.length() % 2 == 0 ? digits : "0" + digits);
            }
            if (form == 'b') {
                return Base64.getDecoder().decode(digits);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed " + (form == 'x' ? "hex" : "base64") + " binary value");
        }
        throw new IllegalArgumentException("not a binary value (0x... or 0b...)");
    }

    /** {@code 0x} and lowercase hex digits. */
    public static String hex(byte[] value) {
        return "0x" + HexFormat.of().formatHex(value);
    }
}
