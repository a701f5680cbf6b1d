package org.iscsismis.cimxml;

import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimException;

/**
 * Turns what the StAX parser throws into a {@link CimXmlException} of the right kind: a violated
 * reader limit (named, with its value and position), a DOCTYPE (NOT_VALID) or anything else the
 * parser refuses (NOT_WELL_FORMED).
 */
final class ParserFailures {

    private ParserFailures() {
    }

    /**
     * @param limits the limits the parser was configured with
     * @param where  the position the parser had reached ({@code " (at line L:C)"}), or ""
     */
    static CimXmlException translate(XMLStreamException e, ReaderLimits limits, String where) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        if (ReaderLimit.isLimitMessage(msg)) {
            ReaderLimit limit = ReaderLimit.ofParserMessage(msg);
            if (limit != null) {
                CimXmlException refused = limit.exceeded(limits, null, where);
                refused.initCause(e);
                return refused;
            }
            return new CimXmlException(CimXmlException.Kind.LIMIT_EXCEEDED, "Request exceeds a reader limit: " + firstLine(msg) + where, e);
        }
        if (msg.contains("DOCTYPE") || msg.contains("DTD")) {
            return new CimXmlException(CimXmlException.Kind.NOT_VALID, "A DOCTYPE declaration is not allowed: " + firstLine(msg), e);
        }
        return new CimXmlException(CimXmlException.Kind.NOT_WELL_FORMED, "Request is not well-formed XML: " + firstLine(msg), e);
    }

    static CimXmlException translateRuntime(RuntimeException e, ReaderLimits limits, String where) {
        if (e.getCause() instanceof XMLStreamException x) {
            return translate(x, limits, where);
        }
        if (e instanceof CimException) {
            throw e;
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            // the parser's way of refusing input it cannot represent: the client's mistake, not ours
            return new CimXmlException(CimXmlException.Kind.NOT_VALID, "Request cannot be read: " + e.getMessage(), e);
        }
        return new CimXmlException(CimXmlException.Kind.NOT_WELL_FORMED, "Request cannot be read: " + e, e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " " + s.substring(nl + 1).replace('\n', ' ').trim();
    }
}
