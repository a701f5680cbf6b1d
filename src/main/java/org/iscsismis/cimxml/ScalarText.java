package org.iscsismis.cimxml;

import java.math.BigInteger;
import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;

/**
 * Writes the DSP0201 text form of one non-NULL scalar of the model (the content of a VALUE or
 * KEYVALUE): TRUE/FALSE, decimal integers, NaN/INF/-INF, datetimes, and the escaped XML of an
 * embedded instance or class.
 */
final class ScalarText {

    private final XmlOut w;

    ScalarText(XmlOut out) {
        this.w = out;
    }

    void write(Object o) throws XMLStreamException {
        if (o instanceof String s) {
            w.text(s);
        } else if (o instanceof Long l) {
            w.number(l);
        } else if (o instanceof Integer i) {
            w.number(i);
        } else if (o instanceof Short sh) {
            w.number(sh);
        } else if (o instanceof Byte b) {
            w.number(b);
        } else if (o instanceof Boolean b) {
            w.text(b ? "TRUE" : "FALSE");
        } else if (o instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                w.number(b.longValue());
            } else {
                w.text(b.toString());
            }
        } else if (o instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                w.text(d.isNaN() ? "NaN" : d > 0 ? "INF" : "-INF");
            } else {
                w.real(d);
            }
        } else if (o instanceof Float f) {
            w.text(f.isNaN() ? "NaN" : f.isInfinite() ? (f > 0 ? "INF" : "-INF") : Float.toString(f));
        } else if (o instanceof CimDateTime dt) {
            w.text(dt.toString());
        } else if (o instanceof Character ch) {
            w.text(String.valueOf(ch.charValue()));
        } else if (o instanceof CimInstance || o instanceof CimClass) {
            w.text(CimXmlElementWriter.embeddedXml(o));
        } else {
            throw new IllegalArgumentException("No VALUE text form for " + o.getClass().getSimpleName());
        }
    }
}
