package org.iscsismis.cimxml;

import javax.xml.stream.XMLStreamException;

/**
 * The little of a streaming XML writer that {@link CimXmlElementWriter} needs. Two implementations:
 * {@link Utf8XmlOut} (responses: UTF-8 bytes straight into a buffer) and {@link StaxXmlOut} (over a
 * StAX writer, for callers that bring their own).
 *
 * <p>Contract shared by both, so that they write the same bytes:
 * <ul>
 *   <li>{@link #text} and {@link #attribute} accept any {@code String}: characters XML 1.0 forbids
 *       are written as U+FFFD (see {@link XmlChars#sanitize}), the rest escaped as
 *       Woodstox escapes them (text: {@code < &} always, {@code >} at the start of the text or after
 *       {@code ]}, CR and U+007F–U+009F as character references; attribute values: {@code < & "}, and
 *       TAB, LF, CR as character references).</li>
 *   <li>Element names and attribute names are ASCII names, written as given.</li>
 *   <li>An element opened with {@link #start} and ended without content is written as a start and an
 *       end tag ({@code <PROPERTY ...></PROPERTY>}); {@link #empty} writes {@code <NAME .../>}.</li>
 * </ul>
 */
interface XmlOut {

    /** Opens element {@code name}; attributes may follow until the next content. */
    void start(String name) throws XMLStreamException;

    /**
     * Opens element {@code name} with two attributes; the same as {@link #start} and two
     * {@link #attribute} calls. For start tags that repeat with the same strings (a property's
     * name and type in every instance of a class): {@link Utf8XmlOut} copies them pre-encoded.
     */
    default void start(String name, String attribute1, String value1, String attribute2, String value2)
            throws XMLStreamException {
        start(name);
        attribute(attribute1, value1);
        attribute(attribute2, value2);
    }

    /** Writes one complete element (or several); see {@link #repeatable}. */
    @FunctionalInterface
    interface Fragment {
        void write() throws XMLStreamException;
    }

    /**
     * Writes {@code fragment}, which must write complete elements only and depend on nothing but
     * {@code key}, an immutable value. A later call with the same key object may copy the bytes the
     * first call wrote instead of running {@code fragment} again: {@link Utf8XmlOut} keeps the last few.
     * (An association instance carries each reference twice, as a key and as a property, and every
     * local path the same namespace.)
     */
    default void repeatable(Object key, Fragment fragment) throws XMLStreamException {
        fragment.write();
    }

    /**
     * Like {@link #repeatable}, but the bytes may be kept for every response of the process ({@link SharedFragments},
     * bounded): for a key that stays unchanged and in use for long, such as the repository's class-name list of a
     * namespace.
     */
    default void shared(Object key, Fragment fragment) throws XMLStreamException {
        fragment.write();
    }

    /**
     * Writes {@code fragment} (complete elements only) and returns a copy of the bytes it wrote and where its content
     * lies in them, for {@link #encoded} to write again later; null when this writer cannot tell them
     * ({@link StaxXmlOut}, or a fragment inside another one being captured).
     */
    default Captured written(Fragment fragment) throws XMLStreamException {
        fragment.write();
        return null;
    }

    /** Writes {@code length} bytes of {@code bytes} from {@code offset}, which {@link #written} returned before (or parts of them). */
    default void encoded(byte[] bytes, int offset, int length) throws XMLStreamException {
        throw new UnsupportedOperationException("this writer writes no encoded bytes");
    }

    /**
     * Writes the pieces of {@code markup} with runs of {@code content} between them, all encoded before: piece 0, then
     * {@code lengths[firstRun]} bytes of content from {@code at}, piece 1, the next run, and so on to the last piece;
     * {@code total} bytes in all. The same as {@link #encoded} for each in turn; {@link Utf8XmlOut} copies them with
     * one check for room.
     */
    default void spliced(byte[][] markup, byte[] content, int at, int[] lengths, int firstRun, int total)
            throws XMLStreamException {
        int last = markup.length - 1;
        for (int k = 0; k < last; k++) {
            encoded(markup[k], 0, markup[k].length);
            int length = lengths[firstRun + k];
            encoded(content, at, length);
            at += length;
        }
        encoded(markup[last], 0, markup[last].length);
    }

    /** An element without content ({@code <name .../>}); attributes may follow. */
    void empty(String name) throws XMLStreamException;

    /** An attribute of the element just opened; {@code value} is escaped. */
    void attribute(String name, String value) throws XMLStreamException;

    /** Ends the innermost open element. */
    void end() throws XMLStreamException;

    /** Character content, escaped. */
    void text(String s) throws XMLStreamException;

    /** A decimal integer as character content. */
    void number(long v) throws XMLStreamException;

    /** A finite real64 as {@link Double#toString(double)} writes it (a writer may do so without the String). */
    default void real(double v) throws XMLStreamException {
        text(Double.toString(v));
    }

    /** Markup written as is (the XML declaration). */
    void raw(String s) throws XMLStreamException;

    /** Pushes what is buffered to the underlying stream and flushes it. */
    void flush() throws XMLStreamException;

    /** Flushes; the underlying stream stays open. */
    void close() throws XMLStreamException;
}
