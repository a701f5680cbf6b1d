package org.iscsismis.cimxml;

import java.util.function.UnaryOperator;
import javax.xml.stream.XMLInputFactory;
import org.iscsismis.cim.CimNamespace;

/**
 * The DSP0201 element readers over one cursor, wired together: {@link #attributes()},
 * {@link #values()}, {@link #paths()}, {@link #qualifiers()} and {@link #objects()}. Each
 * {@code read…} method starts on the start tag of its element and ends on its end tag.
 *
 * <p>Structural problems throw {@link CimXmlException} (NOT_VALID); a value that does not fit its
 * declared type, or a name that is not a CIM identifier, throws
 * {@link org.iscsismis.cim.CimException} (INVALID_PARAMETER). Embedded objects are decoded by a
 * nested set of readers ({@link EmbeddedObjectReader}).
 */
final class CimXmlElementReader {

    private final XmlCursor cursor;
    private final AttributeReader attributes;
    private final ValueReader values;
    private final PathReader paths;
    private final QualifierReader qualifiers;
    private final ObjectReader objects;

    /**
     * @param embeddingDepth     how many embedded objects enclose the cursor's document (0 for a request)
     * @param canonicalNamespace the namespace each namespace path read stands for (see {@link CimXmlRequestReader})
     */
    CimXmlElementReader(XmlCursor cursor, XMLInputFactory factory, ReaderLimits limits, int embeddingDepth,
                        UnaryOperator<CimNamespace> canonicalNamespace) {
        this.cursor = cursor;
        this.attributes = new AttributeReader(cursor);
        this.values = new ValueReader(cursor, new EmbeddedObjectReader(factory, limits, embeddingDepth, canonicalNamespace));
        this.paths = new PathReader(cursor, attributes, values, canonicalNamespace);
        this.qualifiers = new QualifierReader(cursor, attributes, values);
        this.objects = new ObjectReader(cursor, attributes, values, paths, qualifiers);
    }

    XmlCursor cursor() {
        return cursor;
    }

    AttributeReader attributes() {
        return attributes;
    }

    ValueReader values() {
        return values;
    }

    PathReader paths() {
        return paths;
    }

    QualifierReader qualifiers() {
        return qualifiers;
    }

    ObjectReader objects() {
        return objects;
    }
}
