package org.iscsismis.cimxml;

import javax.xml.stream.XMLStreamException;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.operation.ParamValue;

/** Writes the parts of a method response around the objects: PARAMVALUE, RETURNVALUE and ERROR. */
final class MessagePartWriter {

    private final XmlOut w;
    private final ValueWriter values;
    private final ObjectWriter objects;

    MessagePartWriter(XmlOut out, ValueWriter values, ObjectWriter objects) {
        this.w = out;
        this.values = values;
        this.objects = objects;
    }

    /** PARAMVALUE (or RETURNVALUE when {@code element} says so) with PARAMTYPE and EmbeddedObject as the value's type requires. */
    void paramValue(String element, ParamValue p) throws XMLStreamException {
        w.start(element);
        if (p != null && element.equals("PARAMVALUE")) {
            w.attribute("NAME", p.name().toString());
        }
        if (p != null && !p.untyped()) {
            typeAttributes(p.value().type());
            values.value(p.value());
        }
        w.end();
    }

    /** RETURNVALUE for {@code v} (PARAMTYPE + value). */
    void returnValue(CimValue v) throws XMLStreamException {
        w.start("RETURNVALUE");
        typeAttributes(v.type());
        values.value(v);
        w.end();
    }

    private void typeAttributes(CimType t) throws XMLStreamException {
        w.attribute("PARAMTYPE", t.kind().cimName());
        if (t.kind() == CimType.Kind.INSTANCE) {
            w.attribute("EmbeddedObject", "instance");
        } else if (t.kind() == CimType.Kind.OBJECT) {
            w.attribute("EmbeddedObject", "object");
        }
    }

    /** ERROR CODE DESCRIPTION, with the CIM_Error instances. */
    void error(CimException e) throws XMLStreamException {
        w.start("ERROR");
        w.attribute("CODE", Integer.toString(e.status().code()));
        if (e.description() != null) {
            w.attribute("DESCRIPTION", e.description());
        }
        for (CimInstance i : e.errors()) {
            objects.instance(i);
        }
        w.end();
    }
}
