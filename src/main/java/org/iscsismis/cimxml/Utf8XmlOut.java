package org.iscsismis.cimxml;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;

/**
 * {@link XmlOut} writing UTF-8 straight into a byte buffer that goes to an {@link OutputStream}
 * when it fills: one pass per string (check, escape, replace forbidden characters, encode), no
 * intermediate {@code char[]} or {@code String}. Writes exactly the bytes the Woodstox writer of
 * {@link CimXmlElementWriter#newWriter} writes for the same calls (a property test holds them to it).
 * Not thread-safe.
 */
final class Utf8XmlOut implements XmlOut {

    /** Bytes a single char can become at most: {@code &quot;} or {@code &#x9f;}. */
    private static final int MAX_BYTES_PER_CHAR = 6;
    /** Strings longer than this are written in slices so that {@link #ensure} never needs more than the buffer. */
    private static final int SLICE = 1024;
    /** From this length on, Woodstox writes text through the code path that escapes more '>' (see {@link #escaped}). */
    private static final int LONG_TEXT = 12;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private OutputStream out;
    private final byte[] buf;
    private int pos;
    /** While {@link #written} encodes a fragment: where its bytes go as the buffer drains, and where they start in it. */
    private FragmentCapture capture;
    /** The slice of a string being escaped. */
    private final char[] chars = new char[SLICE + 1];

    private String[] open = new String[16];
    private int depth;
    /** A start tag is open ({@code <NAME attr="v"} written, its {@code >} or {@code />} not yet). */
    private boolean inStartTag;
    /** The open start tag belongs to an empty element: it ends with {@code />} and is not on the stack. */
    private boolean emptyTag;

    Utf8XmlOut(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, SLICE * MAX_BYTES_PER_CHAR + 64)];
    }

    /**
     * One writer per thread, reused by the thread's next response once {@link #close()} has handed it back: its
     * buffers (about 68 KiB) are not allocated per response, and its tag and fragment caches stay warm (they are
     * keyed by immutable values, so they hold across responses). A writer still in use (not closed) is not shared:
     * the thread then gets a new one.
     */
    private static final ThreadLocal<Utf8XmlOut> SPARE = new ThreadLocal<>();

    /** A writer of {@code bufferSize} bytes over {@code out}: this thread's spare one, or a new one. */
    static Utf8XmlOut acquire(OutputStream out, int bufferSize) {
        Utf8XmlOut w = SPARE.get();
        if (w == null || w.buf.length != Math.max(bufferSize, SLICE * MAX_BYTES_PER_CHAR + 64)) {
            return new Utf8XmlOut(out, bufferSize);
        }
        SPARE.remove();
        w.out = out;
        w.pos = 0;
        w.depth = 0;
        w.inStartTag = false;
        w.emptyTag = false;
        w.capture = null;
        return w;
    }

    // ------------------------------------------------------------------ structure

    @Override
    public void start(String name) throws XMLStreamException {
        closeStartTag();
        push(name);
        startTag(name);
        emptyTag = false;
    }

    @Override
    public void empty(String name) throws XMLStreamException {
        closeStartTag();
        startTag(name);
        emptyTag = true;
    }

    /**
     * Start tags with two attributes, by the identity of their strings: a 64-entry cache of their
     * encoded bytes (open addressing, 4 probes, then the home slot is replaced). Element, attribute names and type names are constants, and a
     * property's name string is shared by every instance of the class, so a large enumeration
     * encodes each distinct start tag once.
     */
    private final CachedTag[] tags = new CachedTag[64];
    private static final int PROBES = 4;

    private record CachedTag(String name, String attribute1, String value1, String attribute2, String value2, byte[] bytes) {
    }

    @Override
    public void start(String name, String attribute1, String value1, String attribute2, String value2)
            throws XMLStreamException {
        int h = System.identityHashCode(value1) * 31 + System.identityHashCode(value2);
        int slot = (h ^ (h >>> 16)) & (tags.length - 1);
        int free = -1;
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (slot + probe) & (tags.length - 1);
            CachedTag t = tags[at];
            if (t == null) {
                free = free < 0 ? at : free;
            } else if (t.name == name && t.value1 == value1 && t.value2 == value2 && t.attribute1 == attribute1
                    && t.attribute2 == attribute2) {
                closeStartTag();
                push(name);
                ensure(t.bytes.length);
                System.arraycopy(t.bytes, 0, buf, pos, t.bytes.length);
                pos += t.bytes.length;
                inStartTag = true;
                emptyTag = false;
                return;
            }
        }
        slot = free >= 0 ? free : slot;
        closeStartTag();
        // Room for the whole tag first, so that its bytes are contiguous in the buffer to be copied.
        ensure(name.length() + attribute1.length() + attribute2.length() + 7
                + (value1.length() + value2.length()) * MAX_BYTES_PER_CHAR);
        int begin = pos;
        start(name);
        attribute(attribute1, value1);
        attribute(attribute2, value2);
        if (value1.length() + value2.length() <= SLICE) {
            tags[slot] = new CachedTag(name, attribute1, value1, attribute2, value2, Arrays.copyOfRange(buf, begin, pos));
        }
    }

    /**
     * The bytes of the last few repeatable fragments, by the identity of their keys (a ring; a lookup
     * compares a handful of references). A fragment whose bytes left the buffer while it was written
     * is not kept.
     */
    private final Object[] fragmentKeys = new Object[8];
    private final byte[][] fragmentBytes = new byte[8][];
    private int nextFragment;
    /** How often the buffer went to the stream: a fragment written across a drain has no contiguous bytes. */
    private long drains;

    @Override
    public void repeatable(Object key, Fragment fragment) throws XMLStreamException {
        closeStartTag();
        for (int i = 0; i < fragmentKeys.length; i++) {
            if (fragmentKeys[i] == key) {
                byte[] bytes = fragmentBytes[i];
                ensure(bytes.length);
                System.arraycopy(bytes, 0, buf, pos, bytes.length);
                pos += bytes.length;
                return;
            }
        }
        int begin = pos;
        long drainsBefore = drains;
        int depthBefore = depth;
        fragment.write();
        closeStartTag();
        if (drains == drainsBefore && depth == depthBefore) {
            fragmentKeys[nextFragment] = key;
            fragmentBytes[nextFragment] = Arrays.copyOfRange(buf, begin, pos);
            nextFragment = (nextFragment + 1) % fragmentKeys.length;
        }
    }

    @Override
    public void shared(Object key, Fragment fragment) throws XMLStreamException {
        closeStartTag();
        SharedFragments kept = SharedFragments.instance();
        byte[] bytes = kept.get(key);
        if (bytes != null) {
            bytes(bytes);
            return;
        }
        Captured written = written(fragment);
        if (written != null) {
            kept.put(key, written.bytes());
        }
    }

    /**
     * The bytes come from the buffer when it did not drain meanwhile (the common case: no copy but the result), else
     * from a capture that takes each drained part.
     */
    @Override
    public Captured written(Fragment fragment) throws XMLStreamException {
        closeStartTag();
        if (capture != null) { // not nested: the outer capture holds these bytes already
            fragment.write();
            return null;
        }
        int depthBefore = depth;
        long drainsBefore = drains;
        FragmentCapture c = new FragmentCapture(pos);
        capture = c;
        try {
            fragment.write();
            closeStartTag();
            if (depth != depthBefore) {
                return null;
            }
            int[] runs = c.runs();
            if (drains == drainsBefore) {
                return new Captured(Arrays.copyOfRange(buf, c.from, pos), runs);
            }
            return new Captured(c.drainedThen(buf, pos), runs);
        } finally {
            capture = null;
        }
    }

    /** Where content begins, for {@link #contentEnds}: an offset in the fragment being captured, or -1. */
    private int contentBegins() {
        return capture == null ? -1 : capture.offset(pos);
    }

    private void contentEnds(int begin) {
        if (capture != null && begin >= 0) {
            capture.content(begin, capture.offset(pos));
        }
    }

    @Override
    public void encoded(byte[] bytes, int offset, int length) throws XMLStreamException {
        closeStartTag();
        bytes(bytes, offset, length);
    }

    /**
     * {@inheritDoc} When they fit the buffer (after draining it if need be) they are copied without a check per
     * piece: a kept instance is some thirty pieces of a few dozen bytes.
     */
    @Override
    public void spliced(byte[][] markup, byte[] content, int at, int[] lengths, int firstRun, int total)
            throws XMLStreamException {
        closeStartTag();
        if (total > buf.length) {
            XmlOut.super.spliced(markup, content, at, lengths, firstRun, total);
            return;
        }
        ensure(total);
        byte[] b = buf;
        int p = pos;
        int last = markup.length - 1;
        for (int k = 0; k < last; k++) {
            byte[] piece = markup[k];
            System.arraycopy(piece, 0, b, p, piece.length);
            p += piece.length;
            int length = lengths[firstRun + k];
            System.arraycopy(content, at, b, p, length);
            p += length;
            at += length;
        }
        System.arraycopy(markup[last], 0, b, p, markup[last].length);
        pos = p + markup[last].length;
    }

    private void bytes(byte[] b) throws XMLStreamException {
        bytes(b, 0, b.length);
    }

    /** Bytes already encoded: copied into the buffer, or, when they do not fit, handed to the stream as they are. */
    private void bytes(byte[] b, int offset, int length) throws XMLStreamException {
        if (length <= buf.length - pos) {
            System.arraycopy(b, offset, buf, pos, length);
            pos += length;
            return;
        }
        try {
            drain();
            if (capture != null) {
                capture.drainedFrom(b, offset, length);
            }
            out.write(b, offset, length);
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    private void push(String name) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = name;
    }

    private void startTag(String name) throws XMLStreamException {
        ensure(name.length() + 1);
        buf[pos++] = '<';
        ascii(name);
        inStartTag = true;
    }

    @Override
    public void attribute(String name, String value) throws XMLStreamException {
        if (!inStartTag) {
            throw new XMLStreamException("Attribute " + name + " outside a start tag");
        }
        ensure(name.length() + 3);
        buf[pos++] = ' ';
        ascii(name);
        buf[pos++] = '=';
        buf[pos++] = '"';
        escaped(value, true);
        ensure(1);
        buf[pos++] = '"';
    }

    @Override
    public void end() throws XMLStreamException {
        if (inStartTag && emptyTag) {
            closeStartTag();
        }
        if (depth == 0) {
            throw new XMLStreamException("No open start element, when trying to write end element");
        }
        String name = open[--depth];
        open[depth] = null;
        closeStartTag();
        ensure(name.length() + 3);
        buf[pos++] = '<';
        buf[pos++] = '/';
        ascii(name);
        buf[pos++] = '>';
    }

    private void closeStartTag() throws XMLStreamException {
        if (inStartTag) {
            ensure(2);
            if (emptyTag) {
                buf[pos++] = '/';
                emptyTag = false;
            }
            buf[pos++] = '>';
            inStartTag = false;
        }
    }

    // ------------------------------------------------------------------ content

    @Override
    public void text(String s) throws XMLStreamException {
        closeStartTag();
        int begin = contentBegins();
        escaped(s, false);
        contentEnds(begin);
    }

    @Override
    public void number(long v) throws XMLStreamException {
        closeStartTag();
        int begin = contentBegins();
        writeNumber(v);
        contentEnds(begin);
    }

    private void writeNumber(long v) throws XMLStreamException {
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                ascii("-9223372036854775808");
                return;
            }
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    /** Digits of the last {@link #real}: StringBuilder.append(double) writes Double.toString's text without a String. */
    private final StringBuilder realDigits = new StringBuilder(32);

    @Override
    public void real(double v) throws XMLStreamException {
        closeStartTag();
        int begin = contentBegins();
        writeReal(v);
        contentEnds(begin);
    }

    private void writeReal(double v) throws XMLStreamException {
        StringBuilder d = realDigits;
        d.setLength(0);
        d.append(v);
        int n = d.length();
        ensure(n);
        for (int i = 0; i < n; i++) { // digits, '.', 'E', '-': ASCII
            buf[pos++] = (byte) d.charAt(i);
        }
    }

    /** Markup as is; the callers write ASCII markup (characters are encoded one by one, not as pairs). */
    @Override
    public void raw(String s) throws XMLStreamException {
        closeStartTag();
        int n = s.length();
        for (int from = 0; from < n; from += SLICE) {
            int to = Math.min(n, from + SLICE);
            ensure((to - from) * 3);
            for (int i = from; i < to; i++) {
                pos = utf8(buf, pos, s.charAt(i));
            }
        }
    }

    @Override
    public void flush() throws XMLStreamException {
        try {
            drain();
            out.flush();
        } catch (IOException e) {
            throw new XMLStreamException(e);
        }
    }

    /** Flushes and hands the writer back to this thread for its next response ({@link #acquire}); do not use it after. */
    @Override
    public void close() throws XMLStreamException {
        closeStartTag();
        flush();
        out = null;
        SPARE.set(this);
    }

    // ------------------------------------------------------------------ bytes

    /** Writes an ASCII name; the caller has ensured room. */
    private void ascii(String s) {
        int n = s.length();
        lowBytes(s, 0, n, buf, pos);
        pos += n;
    }

    /**
     * The low byte of each char of {@code s[from, to)} into {@code b} at {@code p}: for the compact (Latin-1)
     * strings of markup and most values one array copy, where a loop over {@code charAt} checks every index.
     * Exact only for chars below U+0100; callers pass ASCII.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) truncates to the low byte: the point here
    private static void lowBytes(String s, int from, int to, byte[] b, int p) {
        s.getBytes(from, to, b, p);
    }

    private void ensure(int n) throws XMLStreamException {
        if (buf.length - pos < n) {
            try {
                drain();
            } catch (IOException e) {
                throw new XMLStreamException(e);
            }
        }
    }

    private void drain() throws IOException {
        if (pos > 0) {
            if (capture != null) {
                capture.drainedFrom(buf, capture.from, pos - capture.from);
                capture.from = 0;
            }
            out.write(buf, 0, pos);
            pos = 0;
            drains++;
        }
    }

    /**
     * Writes {@code s} escaped for an attribute value or for text, forbidden characters replaced by
     * U+FFFD. Works on slices copied into a {@code char[]} (one bulk copy, then a tight loop whose
     * common case is a table lookup and a byte store); each slice fits the buffer at its worst
     * expansion, and a surrogate pair is never split between slices.
     */
    private void escaped(String s, boolean attribute) throws XMLStreamException {
        int n = s.length();
        byte[] plain = attribute ? ATTRIBUTE_PLAIN : TEXT_PLAIN;
        // Woodstox writes a '>' of text as &gt; at the start of the text and after ']'; in a text of
        // LONG_TEXT characters or more (its other code path) also right after any escaped character.
        boolean gtAfterEscape = !attribute && n >= LONG_TEXT;
        int lastEscaped = -2;
        char[] cs = chars;
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + SLICE);
            if (to < n && Character.isHighSurrogate(s.charAt(to - 1))) {
                to++;
            }
            int len = to - from;
            s.getChars(from, to, cs, 0);
            ensure(len * MAX_BYTES_PER_CHAR);
            byte[] b = buf;
            int p = pos;
            for (int k = 0; k < len; k++) {
                char c = cs[k];
                if (c < 0x80 && plain[c] != 0) {
                    // the run of characters written as they are, copied at once
                    int end = k + 1;
                    while (end < len && cs[end] < 0x80 && plain[cs[end]] != 0) {
                        end++;
                    }
                    lowBytes(s, from + k, from + end, b, p);
                    p += end - k;
                    k = end - 1;
                    continue;
                }
                int i = from + k;
                if (c < 0x80) {
                    switch (c) {
                        case '<' -> {
                            p = put(b, p, '&', 'l', 't', ';');
                            lastEscaped = i;
                        }
                        case '&' -> {
                            p = put(b, p, '&', 'a', 'm', 'p', ';');
                            lastEscaped = i;
                        }
                        case '"' -> { // attributes only: plain in text
                            p = put(b, p, '&', 'q', 'u', 'o', 't', ';');
                            lastEscaped = i;
                        }
                        case '>' -> { // text only: plain in attributes
                            char before = k > 0 ? cs[k - 1] : i > 0 ? s.charAt(i - 1) : 0;
                            if (i == 0 || before == ']' || (gtAfterEscape && lastEscaped == i - 1)) {
                                p = put(b, p, '&', 'g', 't', ';');
                                lastEscaped = i;
                            } else {
                                b[p++] = '>';
                            }
                        }
                        case '\r', '\t', '\n', 0x7F -> { // \t, \n in attributes, 0x7F in text
                            p = charRef(b, p, c);
                            lastEscaped = i;
                        }
                        default -> p = utf8(b, p, 0xFFFD); // other C0 controls
                    }
                } else if (c <= 0x9F) {
                    if (attribute) {
                        p = utf8(b, p, c);
                    } else {
                        p = charRef(b, p, c);
                        lastEscaped = i;
                    }
                } else if (c < 0xD800) {
                    p = utf8(b, p, c);
                } else if (Character.isHighSurrogate(c)) {
                    if (k + 1 < len && Character.isLowSurrogate(cs[k + 1])) {
                        p = utf8(b, p, Character.toCodePoint(c, cs[++k]));
                    } else {
                        p = utf8(b, p, 0xFFFD);
                    }
                } else if (Character.isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                    p = utf8(b, p, 0xFFFD);
                } else {
                    p = utf8(b, p, c);
                }
            }
            pos = p;
            from = to;
        }
    }

    /** ASCII characters written as they are: text ({@code < & >} and CR, DEL need care; TAB, LF do not). */
    private static final byte[] TEXT_PLAIN = plainTable("<&>\u007F", "\t\n");
    /** ASCII characters written as they are in attribute values ({@code < & "} need care; TAB, LF, CR too). */
    private static final byte[] ATTRIBUTE_PLAIN = plainTable("<&\"", "");

    private static byte[] plainTable(String special, String plainControls) {
        byte[] t = new byte[128];
        for (char c = 0x20; c < 0x80; c++) {
            t[c] = (byte) (special.indexOf(c) < 0 ? 1 : 0);
        }
        for (char c : plainControls.toCharArray()) {
            t[c] = 1;
        }
        return t;
    }

    private static int put(byte[] b, int p, char c0, char c1, char c2, char c3) {
        b[p] = (byte) c0;
        b[p + 1] = (byte) c1;
        b[p + 2] = (byte) c2;
        b[p + 3] = (byte) c3;
        return p + 4;
    }

    private static int put(byte[] b, int p, char c0, char c1, char c2, char c3, char c4) {
        b[p + 4] = (byte) c4;
        return put(b, p, c0, c1, c2, c3) + 1;
    }

    private static int put(byte[] b, int p, char c0, char c1, char c2, char c3, char c4, char c5) {
        b[p + 4] = (byte) c4;
        b[p + 5] = (byte) c5;
        return put(b, p, c0, c1, c2, c3) + 2;
    }

    /** {@code &#xN;} in lower-case hex, as Woodstox writes it (for c below U+0100). */
    private static int charRef(byte[] b, int p, char c) {
        b[p++] = '&';
        b[p++] = '#';
        b[p++] = 'x';
        if (c >= 0x10) {
            b[p++] = HEX[c >> 4];
        }
        b[p++] = HEX[c & 0xF];
        b[p++] = ';';
        return p;
    }

    private static int utf8(byte[] b, int p, int cp) {
        if (cp < 0x80) {
            b[p++] = (byte) cp;
        } else if (cp < 0x800) {
            b[p++] = (byte) (0xC0 | (cp >> 6));
            b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            b[p++] = (byte) (0xE0 | (cp >> 12));
            b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            b[p++] = (byte) (0xF0 | (cp >> 18));
            b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            b[p++] = (byte) (0x80 | (cp & 0x3F));
        }
        return p;
    }
}
