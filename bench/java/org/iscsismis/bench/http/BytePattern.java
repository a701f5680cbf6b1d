package org.iscsismis.bench.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A byte string to find in response bodies without parsing them. Candidates are found eight bytes
 * at a time (SWAR zero-byte test on {@code word ^ anchor*0x0101…}) for one "anchor" byte of the
 * pattern, chosen to be rare in CIM-XML (punctuation such as '.' or ':' rather than '<' or letters),
 * then the whole pattern is compared. Scans CIM-XML at GB/s, so checking a 14 MB enumeration costs
 * a few milliseconds of driver CPU.
 */
final class BytePattern {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] bytes;
    private final int anchor;
    private final long anchorRepeated;

    BytePattern(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.anchor = chooseAnchor(bytes);
        this.anchorRepeated = (bytes[anchor] & 0xffL) * LOW_BITS;
    }

    int length() {
        return bytes.length;
    }

    /** First occurrence in {@code b[from, to)}, or -1. */
    int indexIn(byte[] b, int from, int to) {
        int m = bytes.length;
        if (to - from < m) return -1;
        int a = anchor;
        int lastStart = to - m;
        // the anchor byte of a match lies in [from + a, lastStart + a]
        int i = from + a;
        int end = lastStart + a;
        while (i + 8 <= end + 1) {
            long w = (long) LONGS.get(b, i) ^ anchorRepeated;
            long z = (w - LOW_BITS) & ~w & HIGH_BITS;
            while (z != 0) {
                int start = i + (Long.numberOfTrailingZeros(z) >>> 3) - a;
                if (matchesAt(b, start)) return start;
                z &= z - 1;
            }
            i += 8;
        }
        for (; i <= end; i++) {
            if (matchesAt(b, i - a)) return i - a;
        }
        return -1;
    }

    /** Occurrences in {@code b[0, n)} followed by white space, '>' or '/' (so "<INSTANCE" does not count "<INSTANCENAME"). */
    int countStartTags(byte[] b, int n) {
        int count = 0;
        int from = 0;
        while (true) {
            int at = indexIn(b, from, n);
            if (at < 0) return count;
            int next = at + bytes.length;
            if (next < n) {
                byte c = b[next];
                if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n') count++;
            }
            from = next;
        }
    }

    private boolean matchesAt(byte[] b, int start) {
        for (int j = 0; j < bytes.length; j++) {
            if (b[start + j] != bytes[j]) return false;
        }
        return true;
    }

    private static int chooseAnchor(byte[] p) {
        int best = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int j = 0; j < p.length; j++) {
            int rank = rank(p[j]);
            if (rank < bestRank) {
                best = j;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Lower is rarer in CIM-XML (a rough guess: markup is letters, quotes, '<', '>', '/', '=' and spaces). */
    private static int rank(byte c) {
        if (c == '.' || c == ':' || c == '_' || c == '-') return 0;
        if (c >= '0' && c <= '9') return 1;
        if (c == '<' || c == '>' || c == '/' || c == '"' || c == '=' || c == ' ') return 4;
        if (c >= 'A' && c <= 'Z') return 2;
        return 3;
    }
}
