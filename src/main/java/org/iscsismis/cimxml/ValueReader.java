package org.iscsismis.cimxml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * Reads {@code VALUE} and {@code VALUE.ARRAY} as values of a known type. The text of an embedded
 * instance or object is decoded by the {@link EmbeddedObjectReader}; a text that does not fit its
 * type is INVALID_PARAMETER.
 */
final class ValueReader {

    private final XmlCursor c;
    private final EmbeddedObjectReader embedded;

    ValueReader(XmlCursor cursor, EmbeddedObjectReader embedded) {
        this.c = cursor;
        this.embedded = embedded;
    }

    /** {@code VALUE}: the scalar of {@code type} (string-like embedded kinds are decoded). */
    CimValue readValue(CimType type) throws CimXmlException {
        String text = c.text();
        return scalar(type, text);
    }

    /** The scalar of {@code type} that {@code text} (the content of the element just read) spells. */
    CimValue scalar(CimType type, String text) throws CimXmlException {
        if (type.isEmbedded()) {
            return CimValue.of(type, embedded.read(type.kind(), text, c));
        }
        try {
            return CimValue.parse(type, text);
        } catch (IllegalArgumentException e) {
            throw c.badValue("VALUE does not fit type " + type + ": " + e.getMessage());
        }
    }

    /** {@code VALUE.ARRAY}: the texts of its items (null for VALUE.NULL). */
    List<String> readValueArrayTexts() throws CimXmlException {
        List<String> texts = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("VALUE")) {
                texts.add(c.text());
            } else if (c.is("VALUE.NULL")) {
                texts.add(null);
                c.expectEnd("VALUE.NULL");
            } else {
                throw c.unexpectedChild("VALUE.ARRAY");
            }
        }
        return texts;
    }

    /** {@code VALUE.ARRAY} as an array value of {@code arrayType}. */
    CimValue readValueArray(CimType arrayType) throws CimXmlException {
        List<String> texts = readValueArrayTexts();
        if (arrayType.isEmbedded()) {
            List<Object> items = new ArrayList<>(texts.size());
            for (String t : texts) {
                items.add(t == null ? null : embedded.read(arrayType.kind(), t, c));
            }
            return CimValue.of(arrayType, items);
        }
        try {
            return CimValue.parseArray(arrayType, texts);
        } catch (IllegalArgumentException e) {
            throw c.badValue("VALUE.ARRAY does not fit type " + arrayType + ": " + e.getMessage());
        }
    }
}
