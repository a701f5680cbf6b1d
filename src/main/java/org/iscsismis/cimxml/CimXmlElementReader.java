package org.iscsismis.cimxml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * Decodes the DSP0201 object, path and value elements into the {@code cim} model. Each
 * {@code read…} method starts on the start tag of its element and ends on its end tag.
 *
 * <p>Structural problems throw {@link CimXmlException} (NOT_VALID); a value that does not fit its
 * declared type, or a name that is not a CIM identifier, throws {@link CimException}
 * (INVALID_PARAMETER). Embedded objects (EmbeddedObject attribute or EmbeddedInstance /
 * EmbeddedObject qualifier) are decoded with a nested reader, at most {@link #MAX_EMBEDDING_DEPTH}
 * levels deep.
 */
final class CimXmlElementReader {

    /** How deeply embedded objects may nest inside each other's string values. */
    static final int MAX_EMBEDDING_DEPTH = 8;

    private final XmlCursor c;
    private final XMLInputFactory factory;
    private final int maxTextLength;
    private final int embeddingDepth;

    CimXmlElementReader(XmlCursor cursor, XMLInputFactory factory, int maxTextLength, int embeddingDepth) {
        this.c = cursor;
        this.factory = factory;
        this.maxTextLength = maxTextLength;
        this.embeddingDepth = embeddingDepth;
    }

    XmlCursor cursor() {
        return c;
    }

    // ------------------------------------------------------------------ names and types

    CimName name(String attribute) throws CimXmlException {
        String v = c.requiredAttr(attribute);
        if (!CimName.isValid(v)) {
            throw c.badValue("attribute " + attribute + " of " + c.name() + " is not a valid CIM name: \"" + v + "\"");
        }
        return CimName.of(v);
    }

    CimName optionalName(String attribute) {
        String v = c.attr(attribute);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (!CimName.isValid(v)) {
            throw c.badValue("attribute " + attribute + " of " + c.name() + " is not a valid CIM name: \"" + v + "\"");
        }
        return CimName.of(v);
    }

    /** A TYPE attribute holding one of the 14 DSP0201 intrinsic type names. */
    CimType.Kind typeAttr(String attribute, boolean required) throws CimXmlException {
        String v = required ? c.requiredAttr(attribute) : c.attr(attribute);
        if (v == null) {
            return null;
        }
        CimType.Kind k = kindOrNull(v);
        if (k == null || k == CimType.Kind.REFERENCE || k.isStringLike() && k != CimType.Kind.STRING) {
            throw c.invalid("attribute " + attribute + " of " + c.name() + " is not a CIM type: \"" + v + "\"");
        }
        return k;
    }

    /** A PARAMTYPE attribute: an intrinsic type name or reference / object / instance; null when absent. */
    CimType.Kind paramTypeAttr() throws CimXmlException {
        String v = c.attr("PARAMTYPE");
        if (v == null) {
            return null;
        }
        CimType.Kind k = kindOrNull(v);
        if (k == null || v.trim().equalsIgnoreCase("ref")) {
            throw c.invalid("attribute PARAMTYPE of " + c.name() + " is not a CIM type: \"" + v + "\"");
        }
        return k;
    }

    private static CimType.Kind kindOrNull(String v) {
        try {
            return CimType.Kind.fromCimName(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The EmbeddedObject attribute (either spelling): INSTANCE, OBJECT or null. */
    CimType.Kind embeddedAttr() throws CimXmlException {
        String v = c.attr("EmbeddedObject");
        if (v == null) {
            v = c.attr("EMBEDDEDOBJECT");
        }
        if (v == null) {
            return null;
        }
        switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "instance": return CimType.Kind.INSTANCE;
            case "object": return CimType.Kind.OBJECT;
            default: throw c.invalid("attribute EmbeddedObject of " + c.name() + " must be instance or object, got \"" + v + "\"");
        }
    }

    void arraySizeAttr() throws CimXmlException {
        String v = c.attr("ARRAYSIZE");
        if (v != null) {
            try {
                if (Integer.parseInt(v.trim()) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw c.invalid("attribute ARRAYSIZE of " + c.name() + " must be a non-negative integer, got \"" + v + "\"");
            }
        }
    }

    // ------------------------------------------------------------------ values

    /** {@code VALUE}: the scalar of {@code type} (string-like embedded kinds are decoded). */
    CimValue readValue(CimType type) throws CimXmlException {
        String text = c.text();
        return scalar(type, text);
    }

    private CimValue scalar(CimType type, String text) throws CimXmlException {
        if (type.isEmbedded()) {
            return CimValue.of(type, embedded(type.kind(), text));
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
                items.add(t == null ? null : embedded(arrayType.kind(), t));
            }
            return CimValue.of(arrayType, items);
        }
        try {
            return CimValue.parseArray(arrayType, texts);
        } catch (IllegalArgumentException e) {
            throw c.badValue("VALUE.ARRAY does not fit type " + arrayType + ": " + e.getMessage());
        }
    }

    /** {@code VALUE.REFERENCE}: any of the six path forms. */
    ObjectPath readValueReference() throws CimXmlException {
        c.nextStart("VALUE.REFERENCE", "path");
        ObjectPath p;
        switch (c.name()) {
            case "CLASSPATH": p = readClassPath(); break;
            case "LOCALCLASSPATH": p = readLocalClassPath(); break;
            case "CLASSNAME": p = readClassName(); break;
            case "INSTANCEPATH": p = readInstancePath(); break;
            case "LOCALINSTANCEPATH": p = readLocalInstancePath(); break;
            case "INSTANCENAME": p = readInstanceName(null, null); break;
            default: throw c.unexpectedChild("VALUE.REFERENCE");
        }
        c.expectEnd("VALUE.REFERENCE");
        return p;
    }

    /** {@code VALUE.REFARRAY}: paths, null for VALUE.NULL. */
    List<ObjectPath> readValueRefArray() throws CimXmlException {
        List<ObjectPath> paths = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("VALUE.REFERENCE")) {
                paths.add(readValueReference());
            } else if (c.is("VALUE.NULL")) {
                paths.add(null);
                c.expectEnd("VALUE.NULL");
            } else {
                throw c.unexpectedChild("VALUE.REFARRAY");
            }
        }
        return paths;
    }

    private Object embedded(CimType.Kind kind, String text) throws CimXmlException {
        if (embeddingDepth >= MAX_EMBEDDING_DEPTH) {
            throw new CimXmlException(CimXmlException.Kind.LIMIT_EXCEEDED,
                    "Embedded objects nest deeper than " + MAX_EMBEDDING_DEPTH + " levels" + c.at());
        }
        String where = c.at();
        XMLStreamReader nested;
        try {
            nested = factory.createXMLStreamReader(new StringReader(text));
        } catch (XMLStreamException e) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Embedded object is not well-formed XML" + where + ": " + e.getMessage());
        }
        try {
            XmlCursor nc = new XmlCursor(nested, maxTextLength);
            CimXmlElementReader nr = new CimXmlElementReader(nc, factory, maxTextLength, embeddingDepth + 1);
            if (nc.next() != XMLStreamConstants.START_ELEMENT) {
                throw nc.invalid("embedded object holds no element");
            }
            Object result;
            if (nc.is("INSTANCE")) {
                result = nr.readInstance();
            } else if (nc.is("CLASS") && kind == CimType.Kind.OBJECT) {
                result = nr.readClass();
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
                throw e;
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

    // ------------------------------------------------------------------ paths

    /** {@code LOCALNAMESPACEPATH}: NAMESPACE+. */
    CimNamespace readLocalNamespacePath() throws CimXmlException {
        List<String> segments = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (!c.is("NAMESPACE")) {
                throw c.unexpectedChild("LOCALNAMESPACEPATH");
            }
            segments.add(c.requiredAttr("NAME"));
            c.expectEnd("NAMESPACE");
        }
        if (segments.isEmpty()) {
            throw c.invalid("LOCALNAMESPACEPATH needs at least one NAMESPACE");
        }
        try {
            return CimNamespace.of(String.join("/", segments));
        } catch (IllegalArgumentException e) {
            throw new CimException(CimStatus.INVALID_NAMESPACE, e.getMessage() + c.at());
        }
    }

    /** {@code NAMESPACEPATH}: HOST, LOCALNAMESPACEPATH; returns the path builder's host and namespace as a class-less pair. */
    private Object[] readNamespacePath() throws CimXmlException {
        c.nextStart("NAMESPACEPATH", "HOST");
        c.require("HOST");
        String host = c.text().trim();
        c.nextStart("NAMESPACEPATH", "LOCALNAMESPACEPATH");
        c.require("LOCALNAMESPACEPATH");
        CimNamespace ns = readLocalNamespacePath();
        c.expectEnd("NAMESPACEPATH");
        return new Object[] {host, ns};
    }

    /** {@code CLASSNAME} as a class path without namespace. */
    ObjectPath readClassName() throws CimXmlException {
        CimName n = name("NAME");
        c.expectEnd("CLASSNAME");
        return ObjectPath.forClass(null, n);
    }

    CimName readClassNameOnly() throws CimXmlException {
        CimName n = name("NAME");
        c.expectEnd("CLASSNAME");
        return n;
    }

    ObjectPath readClassPath() throws CimXmlException {
        c.nextStart("CLASSPATH", "NAMESPACEPATH");
        c.require("NAMESPACEPATH");
        Object[] hn = readNamespacePath();
        c.nextStart("CLASSPATH", "CLASSNAME");
        c.require("CLASSNAME");
        CimName cn = readClassNameOnly();
        c.expectEnd("CLASSPATH");
        return ObjectPath.of((String) hn[0], (CimNamespace) hn[1], cn, List.of());
    }

    ObjectPath readLocalClassPath() throws CimXmlException {
        c.nextStart("LOCALCLASSPATH", "LOCALNAMESPACEPATH");
        c.require("LOCALNAMESPACEPATH");
        CimNamespace ns = readLocalNamespacePath();
        c.nextStart("LOCALCLASSPATH", "CLASSNAME");
        c.require("CLASSNAME");
        CimName cn = readClassNameOnly();
        c.expectEnd("LOCALCLASSPATH");
        return ObjectPath.forClass(ns, cn);
    }

    ObjectPath readInstancePath() throws CimXmlException {
        c.nextStart("INSTANCEPATH", "NAMESPACEPATH");
        c.require("NAMESPACEPATH");
        Object[] hn = readNamespacePath();
        c.nextStart("INSTANCEPATH", "INSTANCENAME");
        c.require("INSTANCENAME");
        ObjectPath p = readInstanceName((String) hn[0], (CimNamespace) hn[1]);
        c.expectEnd("INSTANCEPATH");
        return p;
    }

    ObjectPath readLocalInstancePath() throws CimXmlException {
        c.nextStart("LOCALINSTANCEPATH", "LOCALNAMESPACEPATH");
        c.require("LOCALNAMESPACEPATH");
        CimNamespace ns = readLocalNamespacePath();
        c.nextStart("LOCALINSTANCEPATH", "INSTANCENAME");
        c.require("INSTANCENAME");
        ObjectPath p = readInstanceName(null, ns);
        c.expectEnd("LOCALINSTANCEPATH");
        return p;
    }

    /** {@code INSTANCENAME}: KEYBINDING* (a bare KEYVALUE / VALUE.REFERENCE has no key name and is refused). */
    ObjectPath readInstanceName(String host, CimNamespace ns) throws CimXmlException {
        CimName cn = name("CLASSNAME");
        List<KeyBinding> keys = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("KEYBINDING")) {
                keys.add(readKeyBinding());
            } else if (c.is("KEYVALUE") || c.is("VALUE.REFERENCE")) {
                throw c.badValue("INSTANCENAME of " + cn + " has a key without a name (" + c.name()
                        + " directly inside INSTANCENAME); use KEYBINDING NAME=\"…\"");
            } else {
                throw c.unexpectedChild("INSTANCENAME");
            }
        }
        try {
            return ObjectPath.of(host, ns, cn, keys);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    private KeyBinding readKeyBinding() throws CimXmlException {
        CimName key = name("NAME");
        c.nextStart("KEYBINDING", "KEYVALUE or VALUE.REFERENCE");
        CimValue v;
        if (c.is("KEYVALUE")) {
            v = readKeyValue();
        } else if (c.is("VALUE.REFERENCE")) {
            v = CimValue.ofReference(readValueReference());
        } else {
            throw c.unexpectedChild("KEYBINDING");
        }
        c.expectEnd("KEYBINDING");
        return new KeyBinding(key, v);
    }

    /**
     * {@code KEYVALUE}: with TYPE, the value of that type; without, by VALUETYPE: string → string,
     * boolean → boolean, numeric → sint64 (negative integers), uint64 (other integers) or real64.
     */
    CimValue readKeyValue() throws CimXmlException {
        String vt = c.attr("VALUETYPE");
        String valueType = vt == null ? "string" : vt.trim();
        if (!valueType.equals("string") && !valueType.equals("boolean") && !valueType.equals("numeric")) {
            throw c.invalid("attribute VALUETYPE of KEYVALUE must be string, boolean or numeric, got \"" + vt + "\"");
        }
        CimType.Kind kind = typeAttr("TYPE", false);
        String text = c.text();
        if (kind != null) {
            return scalar(CimType.scalar(kind), text);
        }
        switch (valueType) {
            case "boolean":
                return scalar(CimType.BOOLEAN, text);
            case "numeric":
                return untypedNumber(text);
            default:
                return CimValue.ofString(text);
        }
    }

    private CimValue untypedNumber(String text) throws CimXmlException {
        String t = text.strip();
        try {
            return CimValue.parse(t.startsWith("-") ? CimType.SINT64 : CimType.UINT64, t);
        } catch (IllegalArgumentException notInteger) {
            try {
                return CimValue.parse(CimType.REAL64, t);
            } catch (IllegalArgumentException e) {
                throw c.badValue("numeric KEYVALUE is not a number: \"" + text + "\"");
            }
        }
    }

    // ------------------------------------------------------------------ qualifiers

    CimQualifier readQualifier() throws CimXmlException {
        CimName n = name("NAME");
        CimType.Kind kind = typeAttr("TYPE", true);
        boolean propagated = c.boolAttr("PROPAGATED", false);
        CimFlavor flavor = new CimFlavor(c.boolAttr("OVERRIDABLE", true), c.boolAttr("TOSUBCLASS", true),
                c.boolAttr("TRANSLATABLE", false));
        c.boolAttr("TOINSTANCE", false);
        CimValue v = CimValue.nullOf(CimType.scalar(kind));
        if (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("VALUE")) {
                v = readValue(CimType.scalar(kind));
            } else if (c.is("VALUE.ARRAY")) {
                v = readValueArray(CimType.arrayOf(kind));
            } else {
                throw c.unexpectedChild("QUALIFIER");
            }
            c.expectEnd("QUALIFIER");
        }
        return new CimQualifier(n, v, flavor, propagated);
    }

    CimQualifierType readQualifierDeclaration() throws CimXmlException {
        CimName n = name("NAME");
        CimType.Kind kind = typeAttr("TYPE", true);
        boolean isArray = c.boolAttr("ISARRAY", false);
        arraySizeAttr();
        CimFlavor flavor = new CimFlavor(c.boolAttr("OVERRIDABLE", true), c.boolAttr("TOSUBCLASS", true),
                c.boolAttr("TRANSLATABLE", false));
        c.boolAttr("TOINSTANCE", false);
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
                dflt = readValue(type);
            } else if (c.is("VALUE.ARRAY") && isArray) {
                dflt = readValueArray(type);
            } else {
                throw c.unexpectedChild("QUALIFIER.DECLARATION" + (c.is("VALUE") || c.is("VALUE.ARRAY") ? " with ISARRAY=" + isArray : ""));
            }
            c.expectEnd("QUALIFIER.DECLARATION");
        }
        return new CimQualifierType(n, type, dflt, scopes, flavor);
    }

    // ------------------------------------------------------------------ objects

    CimInstance readInstance() throws CimXmlException {
        CimName cn = name("CLASSNAME");
        List<CimQualifier> qualifiers = new ArrayList<>();
        List<CimProperty> properties = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && properties.isEmpty()) {
                qualifiers.add(readQualifier());
            } else if (!readPropertyInto(properties)) {
                throw c.unexpectedChild("INSTANCE");
            }
        }
        try {
            return new CimInstance(cn, null, properties, qualifiers);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    CimClass readClass() throws CimXmlException {
        CimName cn = name("NAME");
        CimName superClass = optionalName("SUPERCLASS");
        List<CimQualifier> qualifiers = new ArrayList<>();
        List<CimProperty> properties = new ArrayList<>();
        List<CimMethod> methods = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && properties.isEmpty() && methods.isEmpty()) {
                qualifiers.add(readQualifier());
            } else if (c.is("METHOD")) {
                methods.add(readMethod());
            } else if (!methods.isEmpty() || !readPropertyInto(properties)) {
                throw c.unexpectedChild("CLASS");
            }
        }
        try {
            return new CimClass(cn, superClass, qualifiers, properties, methods);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    /** Reads a PROPERTY / PROPERTY.ARRAY / PROPERTY.REFERENCE if the cursor is on one; false otherwise. */
    private boolean readPropertyInto(List<CimProperty> properties) throws CimXmlException {
        String el = c.name();
        boolean array = el.equals("PROPERTY.ARRAY");
        boolean ref = el.equals("PROPERTY.REFERENCE");
        if (!array && !ref && !el.equals("PROPERTY")) {
            return false;
        }
        CimName n = name("NAME");
        CimType type;
        CimType.Kind embedded = null;
        if (ref) {
            type = CimType.reference(optionalName("REFERENCECLASS"));
        } else {
            CimType.Kind kind = typeAttr("TYPE", true);
            embedded = embeddedAttr();
            if (array) {
                arraySizeAttr();
            }
            type = CimType.scalar(kind);
        }
        CimName origin = optionalName("CLASSORIGIN");
        boolean propagated = c.boolAttr("PROPAGATED", false);
        List<CimQualifier> qualifiers = new ArrayList<>();
        CimValue value = null;
        String valueElement = ref ? "VALUE.REFERENCE" : array ? "VALUE.ARRAY" : "VALUE";
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && value == null) {
                qualifiers.add(readQualifier());
            } else if (c.is(valueElement) && value == null) {
                type = finalType(type, embedded, qualifiers, array);
                value = ref ? CimValue.of(type, readValueReference()) : array ? readValueArray(type) : readValue(type);
            } else {
                throw c.unexpectedChild(el);
            }
        }
        type = finalType(type, embedded, qualifiers, array);
        try {
            properties.add(new CimProperty(n, type, value, qualifiers, origin, propagated));
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
        CimName n = name("NAME");
        CimType.Kind rt = typeAttr("TYPE", false);
        CimName origin = optionalName("CLASSORIGIN");
        boolean propagated = c.boolAttr("PROPAGATED", false);
        List<CimQualifier> qualifiers = new ArrayList<>();
        List<CimParameter> parameters = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER") && parameters.isEmpty()) {
                qualifiers.add(readQualifier());
            } else if (c.name().startsWith("PARAMETER")) {
                parameters.add(readParameter());
            } else {
                throw c.unexpectedChild("METHOD");
            }
        }
        try {
            return new CimMethod(n, rt == null ? null : CimType.scalar(rt), parameters, qualifiers, origin, propagated);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    private CimParameter readParameter() throws CimXmlException {
        String el = c.name();
        CimName n = name("NAME");
        CimType type;
        boolean array;
        switch (el) {
            case "PARAMETER":
                type = CimType.scalar(typeAttr("TYPE", true));
                array = false;
                break;
            case "PARAMETER.ARRAY":
                type = CimType.scalar(typeAttr("TYPE", true));
                arraySizeAttr();
                array = true;
                break;
            case "PARAMETER.REFERENCE":
                type = CimType.reference(optionalName("REFERENCECLASS"));
                array = false;
                break;
            case "PARAMETER.REFARRAY":
                type = CimType.reference(optionalName("REFERENCECLASS"));
                arraySizeAttr();
                array = true;
                break;
            default:
                throw c.unexpectedChild("METHOD");
        }
        List<CimQualifier> qualifiers = new ArrayList<>();
        while (c.next() == XMLStreamConstants.START_ELEMENT) {
            if (c.is("QUALIFIER")) {
                qualifiers.add(readQualifier());
            } else {
                throw c.unexpectedChild(el);
            }
        }
        CimType t = type.isReference() ? (array ? type.asArray() : type) : finalType(type, null, qualifiers, array);
        try {
            return new CimParameter(n, t, qualifiers);
        } catch (IllegalArgumentException e) {
            throw c.badValue(e.getMessage());
        }
    }

    /** {@code VALUE.NAMEDINSTANCE}: INSTANCENAME, INSTANCE → the instance with its path set. */
    CimInstance readNamedInstance() throws CimXmlException {
        c.nextStart("VALUE.NAMEDINSTANCE", "INSTANCENAME");
        c.require("INSTANCENAME");
        ObjectPath path = readInstanceName(null, null);
        c.nextStart("VALUE.NAMEDINSTANCE", "INSTANCE");
        c.require("INSTANCE");
        CimInstance inst = readInstance();
        c.expectEnd("VALUE.NAMEDINSTANCE");
        return inst.withPath(path);
    }
}
