package org.iscsismis.cimxml;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A fragment {@link Utf8XmlOut#written} is capturing: where it starts in the writer's buffer, the bytes of it the
 * buffer already drained, and where its content runs lie (offsets in the fragment).
 */
final class FragmentCapture {

    /** Where the fragment's bytes still in the buffer start (0 after a drain). */
    int from;
    private int drained;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(0);
    private int[] runs = new int[32];
    private int runCount;

    FragmentCapture(int from) {
        this.from = from;
    }

    /** The offset in the fragment of buffer position {@code pos}. */
    int offset(int pos) {
        return drained + pos - from;
    }

    /** Bytes of the fragment that leave the buffer (or bypass it). */
    void drainedFrom(byte[] b, int offset, int length) {
        bytes.write(b, offset, length);
        drained += length;
    }

    /** The whole fragment: what drained, then {@code buf} from {@link #from} to {@code pos}. */
    byte[] drainedThen(byte[] buf, int pos) {
        bytes.write(buf, from, pos - from);
        return bytes.toByteArray();
    }

    /** Content from {@code start} to {@code end} (fragment offsets); one run with the last when adjacent to it. */
    void content(int start, int end) {
        if (start == end) {
            return;
        }
        if (runCount > 0 && runs[runCount - 1] == start) {
            runs[runCount - 1] = end;
            return;
        }
        if (runCount + 2 > runs.length) {
            runs = Arrays.copyOf(runs, runs.length * 2);
        }
        runs[runCount++] = start;
        runs[runCount++] = end;
    }

    /** Start and end of each content run, in order. */
    int[] runs() {
        return Arrays.copyOf(runs, runCount);
    }
}
