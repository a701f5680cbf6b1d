package org.iscsismis.cimxml;

import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;

/** Writes QUALIFIER and QUALIFIER.DECLARATION; flavor attributes only where they differ from the DSP0201 defaults. */
final class QualifierWriter {

    private final XmlOut w;
    private final ValueWriter values;

    QualifierWriter(XmlOut out, ValueWriter values) {
        this.w = out;
        this.values = values;
    }

    void qualifier(CimQualifier q) throws XMLStreamException {
        w.start("QUALIFIER");
        w.attribute("NAME", q.name().toString());
        w.attribute("TYPE", q.value().type().kind().cimName());
        if (q.propagated()) {
            w.attribute("PROPAGATED", "true");
        }
        flavor(q.flavor());
        values.value(q.value());
        w.end();
    }

    void qualifierDeclaration(CimQualifierType d) throws XMLStreamException {
        w.start("QUALIFIER.DECLARATION");
        w.attribute("NAME", d.name().toString());
        w.attribute("TYPE", d.type().kind().cimName());
        w.attribute("ISARRAY", d.type().array() ? "true" : "false");
        flavor(d.flavor());
        if (!d.scopes().isEmpty()) {
            w.empty("SCOPE");
            boolean any = d.scopes().contains(CimScope.ANY);
            for (CimScope s : CimScope.values()) {
                if (s != CimScope.ANY && (any || d.scopes().contains(s))) {
                    w.attribute(s.xmlAttribute(), "true");
                }
            }
        }
        values.value(d.defaultValue());
        w.end();
    }

    private void flavor(CimFlavor f) throws XMLStreamException {
        if (!f.overridable()) {
            w.attribute("OVERRIDABLE", "false");
        }
        if (!f.toSubclass()) {
            w.attribute("TOSUBCLASS", "false");
        }
        if (f.translatable()) {
            w.attribute("TRANSLATABLE", "true");
        }
    }
}
