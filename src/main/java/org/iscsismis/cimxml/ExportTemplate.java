package org.iscsismis.cimxml;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimValue;

/**
 * One indication's ExportIndication request, written once and completed per listener: only the MESSAGE ID and the
 * SequenceContext and SequenceNumber properties differ from one listener's copy to the next.
 *
 * <p>The document is written once with markers in those three places and cut there; {@link #request} puts each
 * listener's values in between. The bytes are exactly those of {@link CimXmlExportCodec#exportIndication} on
 * {@link #sequenced}: where that cannot be guaranteed (a marker also occurs in the indication's own content, or a
 * value would need XML escaping), the request is written whole for that listener instead. Thread-safe. The first
 * request is written whole, as for a single listener (most filters have one); the marked document is written on the
 * second, so N listeners cost two writes instead of N.
 */
public final class ExportTemplate {

    private static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    static final String MESSAGE_ID_MARK = "ISMISmsgid" + RUN;
    static final String CONTEXT_MARK = "ISMISseqctx" + RUN;
    /** A SequenceNumber no listener reaches; found in the document as its decimal digits. */
    static final long NUMBER_MARK = Long.MIN_VALUE + 0x5eed_1c5e_0000L;

    private final CimXmlExportCodec codec;
    private final CimInstance indication;
    private volatile Cut cut;
    private final AtomicBoolean firstTaken = new AtomicBoolean();

    /**
     * The document cut at the three markers.
     *
     * @param parts the four pieces around the markers, in document order (empty: not spliceable)
     * @param order which value goes after {@code parts[i]}: 0 the message ID, 1 SequenceContext, 2 SequenceNumber
     */
    private record Cut(byte[][] parts, int[] order) {
        static final Cut NONE = new Cut(new byte[0][], new int[0]);
    }

    ExportTemplate(CimXmlExportCodec codec, CimInstance indication) {
        this.codec = Objects.requireNonNull(codec, "codec must not be null");
        this.indication = Objects.requireNonNull(indication, "indication must not be null");
    }

    /** The indication as the listeners receive it, without their sequence properties. */
    public CimInstance indication() {
        return indication;
    }

    /** {@code indication} with SequenceContext and SequenceNumber set (replaced in place, or added at the end). */
    public static CimInstance sequenced(CimInstance indication, String sequenceContext, long sequenceNumber) {
        return indication.withProperty(CimProperty.of("SequenceContext", CimValue.ofString(sequenceContext)))
                .withProperty(CimProperty.of("SequenceNumber", CimValue.ofSint64(sequenceNumber)));
    }

    /** One listener's request: the shared document with its MESSAGE ID, SequenceContext and SequenceNumber. */
    public byte[] request(String messageId, String sequenceContext, long sequenceNumber) {
        if (firstTaken.compareAndSet(false, true)) {
            return codec.exportIndication(sequenced(indication, sequenceContext, sequenceNumber), messageId);
        }
        Cut c = cut();
        if (c == Cut.NONE || !verbatim(messageId) || !verbatim(sequenceContext)) {
            return codec.exportIndication(sequenced(indication, sequenceContext, sequenceNumber), messageId);
        }
        byte[][] values = {ascii(messageId), ascii(sequenceContext), ascii(Long.toString(sequenceNumber))};
        byte[][] p = c.parts();
        int[] o = c.order();
        int size = 0;
        for (byte[] part : p) {
            size += part.length;
        }
        for (int v : o) {
            size += values[v].length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(p[i], 0, out, at, p[i].length);
            at += p[i].length;
            if (i < o.length) {
                byte[] v = values[o[i]];
                System.arraycopy(v, 0, out, at, v.length);
                at += v.length;
            }
        }
        return out;
    }

    /** True if this template splices (false: every request is written whole). Tests look. */
    boolean spliced() {
        return cut() != Cut.NONE;
    }

    private Cut cut() {
        Cut c = cut;
        if (c == null) {
            synchronized (this) {
                c = cut;
                if (c == null) {
                    c = written();
                    cut = c;
                }
            }
        }
        return c;
    }

    /** Writes the marked document and cuts it at the markers; NONE unless each occurs exactly once. */
    private Cut written() {
        byte[] doc = codec.exportIndication(sequenced(indication, CONTEXT_MARK, NUMBER_MARK), MESSAGE_ID_MARK);
        byte[][] marks = {ascii(MESSAGE_ID_MARK), ascii(CONTEXT_MARK), ascii(Long.toString(NUMBER_MARK))};
        int[] at = new int[3];
        for (int m = 0; m < 3; m++) {
            at[m] = indexOf(doc, marks[m], 0);
            if (at[m] < 0 || indexOf(doc, marks[m], at[m] + 1) >= 0) {
                return Cut.NONE;
            }
        }
        Integer[] byPosition = {0, 1, 2};
        Arrays.sort(byPosition, (a, b) -> Integer.compare(at[a], at[b]));
        List<byte[]> out = new ArrayList<>(4);
        int from = 0;
        int[] o = new int[3];
        for (int i = 0; i < 3; i++) {
            int m = byPosition[i];
            out.add(Arrays.copyOfRange(doc, from, at[m]));
            from = at[m] + marks[m].length;
            o[i] = m;
        }
        out.add(Arrays.copyOfRange(doc, from, doc.length));
        return new Cut(out.toArray(byte[][]::new), o);
    }

    /** True if the writer puts {@code s} into an attribute or text as it is: letters, digits and {@code :._-/@}. */
    private static boolean verbatim(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || c == '.' || c == '_' || c == '-' || c == '/' || c == '@';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
