package org.iscsismis.cimxml;

/**
 * The characters XML 1.0 cannot carry (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE,
 * U+FFFF and unpaired surrogates), and their replacement by U+FFFD so that output stays well-formed.
 */
final class XmlChars {

    private XmlChars() {
    }

    /** {@code s} with every character XML 1.0 forbids replaced by U+FFFD; {@code s} itself when it has none. */
    static String sanitize(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch < 0xD800) {
                continue;
            }
            if (!allowed(s, i, ch)) {
                return replace(s, i);
            }
            if (Character.isHighSurrogate(ch)) {
                i++;
            }
        }
        return s;
    }

    private static boolean allowed(String s, int i, char ch) {
        if (ch < 0x20) {
            return ch == '\t' || ch == '\n' || ch == '\r';
        }
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(ch)) {
            return false;
        }
        return ch != 0xFFFE && ch != 0xFFFF;
    }

    private static String replace(String s, int from) {
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, from);
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch < 0xD800) {
                sb.append(ch);
            } else if (!allowed(s, i, ch)) {
                sb.append('\uFFFD');
            } else if (Character.isHighSurrogate(ch)) {
                sb.append(ch).append(s.charAt(++i));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
