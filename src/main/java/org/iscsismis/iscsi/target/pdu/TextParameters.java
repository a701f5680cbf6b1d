package org.iscsismis.iscsi.target.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The text of Login and Text PDUs (RFC 7143 §6.1): {@code key=value} pairs, each ended by a NUL byte, in UTF-8.
 * Order is kept, as answers follow the order of the offers.
 */
public final class TextParameters {

    /** The longest key name RFC 7143 §6.1 allows. */
    public static final int MAX_KEY_LENGTH = 63;

    /** One {@code key=value} pair. */
    public record Pair(String key, String value) {
        @Override
        public String toString() {
            return key + "=" + value;
        }
    }

    private final List<Pair> pairs = new ArrayList<>();

    public TextParameters() {
    }

    /**
     * Parses a data segment (which may be the concatenation of several PDUs' segments).
     *
     * @throws PduFormatException not fatal: a pair without {@code =}, an empty or too long key, invalid UTF-8
     */
    public static TextParameters parse(byte[] data) throws PduFormatException {
        TextParameters text = new TextParameters();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == 0) {
                if (i > start) {
                    text.pairs.add(pair(new String(data, start, i - start, StandardCharsets.UTF_8)));
                }
                start = i + 1;
            }
        }
        return text;
    }

    private static Pair pair(String item) throws PduFormatException {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw new PduFormatException(RejectReason.PROTOCOL_ERROR, false, "text item \"" + shorten(item)
                    + "\" is not key=value");
        }
        String key = item.substring(0, eq);
        if (key.length() > MAX_KEY_LENGTH) {
            throw new PduFormatException(RejectReason.PROTOCOL_ERROR, false, "text key \"" + shorten(key)
                    + "\" is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return new Pair(key, item.substring(eq + 1));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    public TextParameters add(String key, String value) {
        pairs.add(new Pair(key, value));
        return this;
    }

    public TextParameters addAll(Map<String, String> values) {
        values.forEach(this::add);
        return this;
    }

    public List<Pair> pairs() {
        return Collections.unmodifiableList(pairs);
    }

    /** The value of the first pair with this key, or null. */
    public String get(String key) {
        for (Pair p : pairs) {
            if (p.key().equals(key)) {
                return p.value();
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Pair p : pairs) {
            byte[] b = p.toString().getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
            out.write(0);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return pairs.toString();
    }
}
