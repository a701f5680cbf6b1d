package org.iscsismis.cimxml;

import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamReader2;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;

/**
 * A thin pull cursor over a StAX reader that only stops at element starts and ends: whitespace,
 * comments and processing instructions are skipped; any other text between elements is a
 * structural error. Every error names the element and the line:column where it was found.
 *
 * <p>Decoding methods follow one convention: they are called with the cursor on the
 * {@code START_ELEMENT} of their element and return with it on the matching {@code END_ELEMENT}.
 */
final class XmlCursor {

    private final XMLStreamReader reader;
    private final ReaderLimits limits;

    /** @param limits the limits the reader's factory enforces (named in refusals) */
    XmlCursor(XMLStreamReader reader, ReaderLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    XMLStreamReader reader() {
        return reader;
    }

    /**
     * Advances to the next element start or end (or the end of the document).
     *
     * @return {@link XMLStreamConstants#START_ELEMENT}, {@link XMLStreamConstants#END_ELEMENT} or
     *         {@link XMLStreamConstants#END_DOCUMENT}
     */
    int next() throws CimXmlException {
        String context = reader.isStartElement() || reader.isEndElement() ? reader.getLocalName() : null;
        while (true) {
            int ev = advance();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT:
                case XMLStreamConstants.END_ELEMENT:
                case XMLStreamConstants.END_DOCUMENT:
                    return ev;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (!reader.isWhiteSpace()) {
                        throw invalid("unexpected text" + (context == null ? "" : " near element " + context));
                    }
                    break;
                case XMLStreamConstants.DTD:
                    throw new CimXmlException(CimXmlException.Kind.NOT_VALID,
                            "A DOCTYPE declaration is not allowed in a CIM-XML message" + at());
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new CimXmlException(CimXmlException.Kind.NOT_WELL_FORMED,
                            "Entity reference &" + reader.getLocalName() + "; is not allowed" + at());
                default:
                    break; // comments, processing instructions
            }
        }
    }

    /** Advances to the next element start; anything else (an end tag, end of document) is an error naming {@code expected}. */
    void nextStart(String parent, String expected) throws CimXmlException {
        if (next() != XMLStreamConstants.START_ELEMENT) {
            throw invalid("element " + parent + " is missing its child " + expected);
        }
    }

    /** Expects the end of the current element {@code name} (no further children). */
    void expectEnd(String name) throws CimXmlException {
        if (next() != XMLStreamConstants.END_ELEMENT) {
            throw unexpectedChild(name);
        }
    }

    int advance() throws CimXmlException {
        try {
            return reader.next();
        } catch (XMLStreamException e) {
            throw ParserFailures.translate(e, limits, reached());
        } catch (RuntimeException e) {
            throw ParserFailures.translateRuntime(e, limits, reached());
        }
    }

    String name() {
        return reader.getLocalName();
    }

    boolean is(String name) {
        return reader.getLocalName().equals(name);
    }

    /** Requires the cursor to be on the start of {@code name}. */
    void require(String name) throws CimXmlException {
        if (!reader.isStartElement() || !reader.getLocalName().equals(name)) {
            throw invalid("expected element " + name + (reader.isStartElement() ? ", found " + reader.getLocalName() : ""));
        }
    }

    /** The attribute {@code name} of the current start element, or null. */
    String attr(String name) {
        return reader.getAttributeValue(null, name);
    }

    String requiredAttr(String name) throws CimXmlException {
        String v = reader.getAttributeValue(null, name);
        if (v == null) {
            throw invalid("element " + reader.getLocalName() + " lacks the required attribute " + name);
        }
        return v;
    }

    /** A {@code (true|false)} attribute (case-insensitive), or {@code dflt} when absent. */
    boolean boolAttr(String name, boolean dflt) throws CimXmlException {
        String v = reader.getAttributeValue(null, name);
        if (v == null) {
            return dflt;
        }
        String t = v.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid("attribute " + name + " of element " + reader.getLocalName() + " must be true or false, got \"" + v + "\"");
    }

    /**
     * Reads the text content of the current element (which must have no child elements) and
     * leaves the cursor on its end tag.
     */
    String text() throws CimXmlException {
        String element = reader.getLocalName();
        String first = null;
        StringBuilder sb = null;
        while (true) {
            int ev = advance();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE: {
                    String chunk = reader.getText();
                    if (first == null) {
                        first = chunk;
                    } else {
                        if (sb == null) {
                            sb = new StringBuilder(first);
                        }
                        sb.append(chunk);
                        if (sb.length() > limits.maxTextLength()) {
                            throw ReaderLimit.TEXT_SIZE.exceeded(limits, "The text of element " + element, at());
                        }
                    }
                    break;
                }
                case XMLStreamConstants.END_ELEMENT:
                    return sb != null ? sb.toString() : first == null ? "" : first;
                case XMLStreamConstants.START_ELEMENT:
                    throw invalid("element " + element + " holds text only, found child element " + reader.getLocalName());
                case XMLStreamConstants.ENTITY_REFERENCE:
                    throw new CimXmlException(CimXmlException.Kind.NOT_WELL_FORMED,
                            "Entity reference &" + reader.getLocalName() + "; is not allowed" + at());
                default:
                    break;
            }
        }
    }

    /** Skips the rest of the current element, leaving the cursor on its end tag. */
    void skipElement() throws CimXmlException {
        int depth = 1;
        while (depth > 0) {
            int ev = advance();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new CimXmlException(CimXmlException.Kind.NOT_WELL_FORMED, "Unexpected end of document" + at());
            }
        }
    }

    /** The element depth (1 = root) of the current start or end tag. */
    int depth() {
        return ((XMLStreamReader2) reader).getDepth();
    }

    /** Skips forward to the end tag of the element at {@code depth} (which the cursor is on or inside). */
    void skipTo(int depth) throws CimXmlException {
        while (!(reader.isEndElement() && depth() == depth)) {
            if (advance() == XMLStreamConstants.END_DOCUMENT) {
                throw new CimXmlException(CimXmlException.Kind.NOT_WELL_FORMED, "Unexpected end of document" + at());
            }
        }
    }

    /** Reads to the end of the document, so that a decoded-but-refused request is still checked for well-formedness. */
    void drain() throws CimXmlException {
        while (reader.getEventType() != XMLStreamConstants.END_DOCUMENT) {
            advance();
        }
    }

    CimXmlException unexpectedChild(String parent) {
        return invalid("unexpected element " + reader.getLocalName() + " in " + parent);
    }

    CimXmlException invalid(String message) {
        return new CimXmlException(CimXmlException.Kind.NOT_VALID, capitalize(message) + at());
    }

    /** A CIM-level INVALID_PARAMETER error (a value that does not fit its type) naming the element and position. */
    CimException badValue(String message) {
        return new CimException(CimStatus.INVALID_PARAMETER, capitalize(message) + at());
    }

    String at() {
        Location loc = reader.getLocation();
        return loc == null ? "" : " (at line " + loc.getLineNumber() + ":" + loc.getColumnNumber() + ")";
    }

    /** Where the parser has read up to (a failure in the middle of an event is reported there, not at the event's start). */
    private String reached() {
        Location loc = ((XMLStreamReader2) reader).getLocationInfo().getCurrentLocation();
        return loc == null ? "" : " (at line " + loc.getLineNumber() + ":" + loc.getColumnNumber() + ")";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
