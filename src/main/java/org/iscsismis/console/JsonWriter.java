package org.iscsismis.console;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON (RFC 8259) into a {@link StringBuilder}, commas and nesting tracked for the caller. Strings are
 * escaped so that the text is safe anywhere, even inside HTML: besides quotes, backslashes and control characters,
 * {@code < > & '}, U+2028/U+2029 and lone surrogates are written as {@code \\uXXXX}.
 *
 * <p>Output only; the console never parses JSON (its requests are form fields).
 */
final class JsonWriter {

    /** The largest integer a JavaScript number holds exactly (2^53 - 1); larger ones are written as strings. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private final StringBuilder out;
    /** Per open object or array: true until its first member is written. */
    private final Deque<Boolean> first = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        separate();
        out.append('{');
        first.push(true);
        return this;
    }

    JsonWriter endObject() {
        first.pop();
        out.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        out.append('[');
        first.push(true);
        return this;
    }

    JsonWriter endArray() {
        first.pop();
        out.append(']');
        return this;
    }

    /** The name of the next member of the current object. */
    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String text) {
        separate();
        if (text == null) {
            out.append("null");
        } else {
            string(text);
        }
        return this;
    }

    /** A number, or a string of its digits when JavaScript could not hold it exactly. */
    JsonWriter value(long number) {
        separate();
        if (Math.abs(number) <= MAX_SAFE_INTEGER) {
            out.append(number);
        } else {
            string(Long.toString(number));
        }
        return this;
    }

    /** A number; NaN and the infinities, which JSON lacks, as the strings {@code NaN}, {@code INF}, {@code -INF}. */
    JsonWriter value(double number) {
        separate();
        if (Double.isNaN(number)) {
            string("NaN");
        } else if (Double.isInfinite(number)) {
            string(number > 0 ? "INF" : "-INF");
        } else {
            out.append(number);
        }
        return this;
    }

    JsonWriter value(boolean flag) {
        separate();
        out.append(flag);
        return this;
    }

    /** A value written by another writer (complete JSON text). */
    JsonWriter raw(CharSequence jsonText) {
        separate();
        out.append(jsonText);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    JsonWriter member(String name, String text) {
        return name(name).value(text);
    }

    JsonWriter member(String name, long number) {
        return name(name).value(number);
    }

    JsonWriter member(String name, boolean flag) {
        return name(name).value(flag);
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!first.isEmpty()) {
            if (!first.peek()) {
                out.append(',');
            } else {
                first.pop();
                first.push(false);
            }
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '\u2028' || c == '\u2029'
                            || isLoneSurrogate(s, i)) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A surrogate that is not half of a pair (it would not survive UTF-8 encoding). */
    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private void unicodeEscape(char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        out.append("0".repeat(4 - hex.length())).append(hex);
    }
}
