package org.iscsismis.cimxml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * Reads {@code INSTANCE}, {@code CLASS} (with its properties, methods and parameters) and
 * {@code VALUE.NAMEDINSTANCE}. A string property or parameter becomes an embedded instance or
 * object by its EmbeddedObject attribute or EmbeddedInstance / EmbeddedObject qualifier.
 */
final class ObjectReader {

    private final XmlCursor c;
    private final AttributeReader attributes;
    private final ValueReader values;
    private final PathReader paths;
    private final QualifierReader qualifiers;

    ObjectReader(XmlCursor cursor, AttributeReader attributes, ValueReader values, PathReader paths,
                 QualifierReader qualifiers) {
        this.c = cursor;
        this.attributes = attributes;
        this.values = values;
        this.paths = paths;
        this.qualifiers = qualifiers;
    }

    CimInstance readInstance() throws CimXmlException {
        CimName cn = attributes.name("CLASSNAME");
        List<CimQualifier> qualifierList = new ArrayList<>();
        List<CimProperty> properties = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && properties.isEmpty()) {
                qualifierList.add(qualifiers.readQualifier());
            } else if (!readPropertyInto(properties)) {
                throw c.unexpectedChild("INSTANCE");
            }
        }
        try {
            return new CimInstance(cn, null, properties, qualifierList);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    CimClass readClass() throws CimXmlException {
        CimName cn = attributes.name("NAME");
        CimName superClass = attributes.optionalName("SUPERCLASS");
        List<CimQualifier> qualifierList = new ArrayList<>();
        List<CimProperty> properties = new ArrayList<>();
        List<CimMethod> methods = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && properties.isEmpty() && methods.isEmpty()) {
                qualifierList.add(qualifiers.readQualifier());
            } else if (c.is("METHOD")) {
                methods.add(readMethod());
            } else if (!methods.isEmpty() || !readPropertyInto(properties)) {
                throw c.unexpectedChild("CLASS");
            }
        }
        try {
            return new CimClass(cn, superClass, qualifierList, properties, methods);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    /** {@code VALUE.NAMEDINSTANCE}: INSTANCENAME, INSTANCE → the instance with its path set. */
    CimInstance readNamedInstance() throws CimXmlException {
        c.nextStart("VALUE.NAMEDINSTANCE", "INSTANCENAME");
        c.require("INSTANCENAME");
        ObjectPath path = paths.readInstanceName(null, null);
        c.nextStart("VALUE.NAMEDINSTANCE", "INSTANCE");
        c.require("INSTANCE");
        CimInstance inst = readInstance();
        c.expectEnd("VALUE.NAMEDINSTANCE");
        return inst.withPath(path);
    }

    /** Reads a PROPERTY / PROPERTY.ARRAY / PROPERTY.REFERENCE if the cursor is on one; false otherwise. */
    private boolean readPropertyInto(List<CimProperty> properties) throws CimXmlException {
        String el = c.name();
        boolean array = el.equals("PROPERTY.ARRAY");
        boolean ref = el.equals("PROPERTY.REFERENCE");
        if (!array && !ref && !el.equals("PROPERTY")) {
            return false;
        }
        CimName n = attributes.name("NAME");
        CimType type;
        CimType.Kind embedded = null;
        if (ref) {
            type = CimType.reference(attributes.optionalName("REFERENCECLASS"));
        } else {
            CimType.Kind kind = attributes.typeAttr("TYPE", true);
            embedded = attributes.embeddedAttr();
            if (array) {
                attributes.arraySizeAttr();
            }
            type = CimType.scalar(kind);
        }
        CimName origin = attributes.optionalName("CLASSORIGIN");
        boolean propagated = c.boolAttr("PROPAGATED", false);
        List<CimQualifier> qualifierList = new ArrayList<>();
        CimValue value = null;
        String valueElement = ref ? "VALUE.REFERENCE" : array ? "VALUE.ARRAY" : "VALUE";
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && value == null) {
                qualifierList.add(qualifiers.readQualifier());
            } else if (c.is(valueElement) && value == null) {
                type = finalType(type, embedded, qualifierList, array);
                value = ref ? CimValue.of(type, paths.readValueReference()) : array ? values.readValueArray(type) : values.readValue(type);
            } else {
                throw c.unexpectedChild(el);
            }
        }
        type = finalType(type, embedded, qualifierList, array);
        try {
            properties.add(new CimProperty(n, type, value, qualifierList, origin, propagated));
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
        return true;
    }

    /** Applies the EmbeddedObject attribute or EmbeddedInstance/EmbeddedObject qualifier to a string type. */
    private static CimType finalType(CimType type, CimType.Kind embedded, List<CimQualifier> qualifiers, boolean array) {
        if (type.isReference() || type.isEmbedded()) {
            return type;
        }
        CimType.Kind kind = type.kind();
        if (kind == CimType.Kind.STRING) {
            if (embedded != null) {
                kind = embedded;
            } else if (CimQualifier.find(qualifiers, CimQualifier.Names.EMBEDDED_INSTANCE) != null) {
                kind = CimType.Kind.INSTANCE;
            } else if (isTrue(CimQualifier.find(qualifiers, CimQualifier.Names.EMBEDDED_OBJECT))) {
                kind = CimType.Kind.OBJECT;
            }
        }
        return array ? CimType.arrayOf(kind) : CimType.scalar(kind);
    }

    private static boolean isTrue(CimQualifier q) {
        return q != null && q.isTrue();
    }

    private CimMethod readMethod() throws CimXmlException {
        CimName n = attributes.name("NAME");
        CimType.Kind rt = attributes.typeAttr("TYPE", false);
        CimName origin = attributes.optionalName("CLASSORIGIN");
        boolean propagated = c.boolAttr("PROPAGATED", false);
        List<CimQualifier> qualifierList = new ArrayList<>();
        List<CimParameter> parameters = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && parameters.isEmpty()) {
                qualifierList.add(qualifiers.readQualifier());
            } else if (c.name().startsWith("PARAMETER")) {
                parameters.add(readParameter());
            } else {
                throw c.unexpectedChild("METHOD");
            }
        }
        try {
            return new CimMethod(n, rt == null ? null : CimType.scalar(rt), parameters, qualifierList, origin, propagated);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    private CimParameter readParameter() throws CimXmlException {
        String el = c.name();
        CimName n = attributes.name("NAME");
        CimType type;
        boolean array;
        switch (el) {
            case "PARAMETER":
                type = CimType.scalar(attributes.typeAttr("TYPE", true));
                array = false;
                break;
            case "PARAMETER.ARRAY":
                type = CimType.scalar(attributes.typeAttr("TYPE", true));
                attributes.arraySizeAttr();
                array = true;
                break;
            case "PARAMETER.REFERENCE":
                type = CimType.reference(attributes.optionalName("REFERENCECLASS"));
                array = false;
                break;
            case "PARAMETER.REFARRAY":
                type = CimType.reference(attributes.optionalName("REFERENCECLASS"));
                attributes.arraySizeAttr();
                array = true;
                break;
            default:
                throw c.unexpectedChild("METHOD");
        }
        List<CimQualifier> qualifierList = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER")) {
                qualifierList.add(qualifiers.readQualifier());
            } else {
                throw c.unexpectedChild(el);
            }
        }
        CimType t = type.isReference() ? (array ? type.asArray() : type) : finalType(type, null, qualifierList, array);
        try {
            return new CimParameter(n, t, qualifierList);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }
}
