package org.iscsismis.mof;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A MOF source as ANTLR's {@link CharStream}, reading the {@code String} itself: {@code CharStreams.fromString}
 * copies every file into a code-point buffer first, which the compiler never needs, since {@link MofScanner}
 * reads the text directly and tokens only ask this stream for their text. Indexes are {@code char} indexes.
 */
final class MofText implements CharStream {

    private final String text;
    private final char[] chars;
    private final String sourceName;
    private int index;

    MofText(String text, String sourceName) {
        this.text = text;
        this.chars = text.toCharArray();
        this.sourceName = sourceName;
    }

    /** The characters of the text (shared, not to be changed). */
    char[] chars() {
        return chars;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(text.length() - 1, interval.b);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public void consume() {
        if (index >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        int at = i > 0 ? index + i - 1 : index + i;
        return i == 0 || at < 0 || at >= text.length() ? IntStream.EOF : text.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
        // nothing is buffered: the whole text is at hand
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int newIndex) {
        index = Math.max(0, Math.min(newIndex, text.length()));
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return sourceName;
    }

    @Override
    public String toString() {
        return text;
    }
}
