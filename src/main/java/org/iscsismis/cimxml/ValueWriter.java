package org.iscsismis.cimxml;

import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/** Writes a {@link CimValue} as VALUE, VALUE.ARRAY, VALUE.REFERENCE or VALUE.REFARRAY (VALUE.NULL for NULL items). */
final class ValueWriter {

    private final XmlOut w;
    private final ScalarText scalars;
    private final PathWriter paths;

    ValueWriter(XmlOut out, ScalarText scalars, PathWriter paths) {
        this.w = out;
        this.scalars = scalars;
        this.paths = paths;
    }

    /** The element for {@code v}; nothing for NULL. */
    void value(CimValue v) throws XMLStreamException {
        if (v == null || v.isNull()) {
            return;
        }
        CimType t = v.type();
        if (t.isReference()) {
            if (t.array()) {
                w.start("VALUE.REFARRAY");
                for (Object o : v.values()) {
                    if (o == null) {
                        w.empty("VALUE.NULL");
                    } else {
                        paths.valueReference((ObjectPath) o);
                    }
                }
                w.end();
            } else {
                paths.valueReference((ObjectPath) v.value());
            }
        } else if (t.array()) {
            w.start("VALUE.ARRAY");
            for (Object o : v.values()) {
                if (o == null) {
                    w.empty("VALUE.NULL");
                } else {
                    scalarValue(o);
                }
            }
            w.end();
        } else {
            scalarValue(v.value());
        }
    }

    /** {@code <VALUE>text</VALUE>} for a non-NULL scalar Java value of the model. */
    private void scalarValue(Object o) throws XMLStreamException {
        w.start("VALUE");
        scalars.write(o);
        w.end();
    }
}
