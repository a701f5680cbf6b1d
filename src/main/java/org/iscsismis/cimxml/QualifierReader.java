package org.iscsismis.cimxml;

import java.util.EnumSet;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/** Reads {@code QUALIFIER} and {@code QUALIFIER.DECLARATION} (with flavors, scopes and default value). */
final class QualifierReader {

    private final XmlCursor c;
    private final AttributeReader attributes;
    private final ValueReader values;

    QualifierReader(XmlCursor cursor, AttributeReader attributes, ValueReader values) {
        this.c = cursor;
        this.attributes = attributes;
        this.values = values;
    }

    CimQualifier readQualifier() throws CimXmlException {
        CimName n = attributes.name("NAME");
        CimType.Kind kind = attributes.typeAttr("TYPE", true);
        boolean propagated = c.boolAttr("PROPAGATED", false);
        CimFlavor flavor = flavor();
        CimValue v = CimValue.nullOf(CimType.scalar(kind));
        if (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("VALUE")) {
                v = values.readValue(CimType.scalar(kind));
            } else if (c.is("VALUE.ARRAY")) {
                v = values.readValueArray(CimType.arrayOf(kind));
            } else {
                throw c.unexpectedChild("QUALIFIER");
            }
            c.expectEnd("QUALIFIER");
        }
        return new CimQualifier(n, v, flavor, propagated);
    }

    CimQualifierType readQualifierDeclaration() throws CimXmlException {
        CimName n = attributes.name("NAME");
        CimType.Kind kind = attributes.typeAttr("TYPE", true);
        boolean isArray = c.boolAttr("ISARRAY", false);
        attributes.arraySizeAttr();
        CimFlavor flavor = flavor();
        CimType type = isArray ? CimType.arrayOf(kind) : CimType.scalar(kind);
        Set<CimScope> scopes = EnumSet.noneOf(CimScope.class);
        CimValue dflt = null;
        int ev = c.next();
        if (ev == XMLStreamConstants.START_ELEMENT && c.is("SCOPE")) {
            for (CimScope s : CimScope.values()) {
                if (s != CimScope.ANY && c.boolAttr(s.xmlAttribute(), false)) {
                    scopes.add(s);
                }
            }
            if (scopes.size() == CimScope.values().length - 1) {
                scopes = EnumSet.of(CimScope.ANY);
            }
            c.expectEnd("SCOPE");
            ev = c.next();
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
            if (c.is("VALUE") && !isArray) {
                dflt = values.readValue(type);
            } else if (c.is("VALUE.ARRAY") && isArray) {
                dflt = values.readValueArray(type);
            } else {
                throw c.unexpectedChild("QUALIFIER.DECLARATION" + (c.is("VALUE") || c.is("VALUE.ARRAY") ? " with ISARRAY=" + isArray : ""));
            }
            c.expectEnd("QUALIFIER.DECLARATION");
        }
        return new CimQualifierType(n, type, dflt, scopes, flavor);
    }

    /** The flavor attributes; TOINSTANCE is checked but has no meaning here. */
    private CimFlavor flavor() throws CimXmlException {
        CimFlavor flavor = new CimFlavor(c.boolAttr("OVERRIDABLE", true), c.boolAttr("TOSUBCLASS", true),
                c.boolAttr("TRANSLATABLE", false));
        c.boolAttr("TOINSTANCE", false);
        return flavor;
    }
}
