package org.iscsismis.cimxml;

import java.io.StringReader;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;

/**
 * Decodes the text of an embedded object (EmbeddedObject attribute or EmbeddedInstance /
 * EmbeddedObject qualifier) with a nested reader under the same limits, at most
 * {@link #MAX_EMBEDDING_DEPTH} levels deep. What the embedded XML gets wrong is INVALID_PARAMETER
 * of the value that holds it; an exceeded limit stays a limit.
 */
final class EmbeddedObjectReader {

    /** How deeply embedded objects may nest inside each other's string values. */
    static final int MAX_EMBEDDING_DEPTH = 8;

    private final XMLInputFactory factory;
    private final ReaderLimits limits;
    private final int embeddingDepth;
    private final UnaryOperator<CimNamespace> canonicalNamespace;

    EmbeddedObjectReader(XMLInputFactory factory, ReaderLimits limits, int embeddingDepth,
                         UnaryOperator<CimNamespace> canonicalNamespace) {
        this.factory = factory;
        this.limits = limits;
        this.embeddingDepth = embeddingDepth;
        this.canonicalNamespace = canonicalNamespace;
    }

    /**
     * The instance (or, for {@code OBJECT}, instance or class) that {@code text} holds.
     *
     * @param outer the cursor on the element holding the text, for positions in messages
     */
    Object read(CimType.Kind kind, String text, XmlCursor outer) throws CimXmlException {
        if (embeddingDepth >= MAX_EMBEDDING_DEPTH) {
            throw ReaderLimit.EMBEDDING_DEPTH.exceeded(limits, null, outer.at());
        }
        String where = outer.at();
        XMLStreamReader nested;
        try {
            nested = factory.createXMLStreamReader(new StringReader(text));
        } catch (XMLStreamException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Embedded object is not well-formed XML" + where + ": " + e.getMessage());
        }
        try {
            XmlCursor nc = new XmlCursor(nested, limits);
            CimXmlElementReader nr = new CimXmlElementReader(nc, factory, limits, embeddingDepth + 1, canonicalNamespace);
            if (nc.next() != XMLStreamConstants.START_ELEMENT) {
                throw nc.invalid("embedded object holds no element");
            }
            Object result;
            if (nc.is("INSTANCE")) {
                result = nr.objects().readInstance();
            } else if (nc.is("CLASS") && kind == CimType.Kind.OBJECT) {
                result = nr.objects().readClass();
            } else {
                throw nc.invalid("an embedded " + (kind == CimType.Kind.INSTANCE ? "instance must be an INSTANCE" : "object must be an INSTANCE or a CLASS")
                        + ", found " + nc.name());
            }
            if (nc.next() != XMLStreamConstants.END_DOCUMENT) {
                throw nc.invalid("embedded object has content after its " + nc.name());
            }
            return result;
        } catch (CimXmlException e) {
            if (e.kind() == CimXmlException.Kind.LIMIT_EXCEEDED) {
                throw new CimXmlException(e.kind(), "In the embedded object" + where + ": " + e.getMessage(), e);
            }
            throw new CimException(CimStatus.INVALID_PARAMETER, "Embedded object" + where + " cannot be decoded: " + e.getMessage());
        } catch (CimException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Embedded object" + where + ": " + e.description());
        } finally {
            try {
                nested.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }
}
