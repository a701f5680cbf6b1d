package org.iscsismis.cimxml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLStreamConstants;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * Reads the DSP0201 path elements (namespace paths, class and instance names and paths, key
 * bindings) and the reference values built from them ({@code VALUE.REFERENCE},
 * {@code VALUE.REFARRAY}) into {@link ObjectPath}s.
 */
final class PathReader {

    /** The HOST and namespace of a NAMESPACEPATH. */
    private record NamespacePath(String host, CimNamespace namespace) {
    }

    private final XmlCursor c;
    private final AttributeReader attributes;
    private final ValueReader values;
    private final UnaryOperator<CimNamespace> canonicalNamespace;

    PathReader(XmlCursor cursor, AttributeReader attributes, ValueReader values, UnaryOperator<CimNamespace> canonicalNamespace) {
        this.c = cursor;
        this.attributes = attributes;
        this.values = values;
        this.canonicalNamespace = canonicalNamespace;
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

    /** {@code LOCALNAMESPACEPATH}: NAMESPACE+, as the canonical name of the namespace it names. */
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
            return canonicalNamespace.apply(CimNamespace.of(String.join("/", segments)));
        } catch (IllegalArgumentException e) {
            throw new CimException(CimStatus.INVALID_NAMESPACE, e.getMessage() + c.at());
        }
    }

    /** {@code path} with every namespace in it (its own, and those of its reference keys) read as canonical. */
    ObjectPath canonical(ObjectPath path) {
        List<KeyBinding> keys = new ArrayList<>(path.keys().size());
        for (KeyBinding k : path.keys()) {
            keys.add(k.value().type().kind() == CimType.Kind.REFERENCE && k.value().value() instanceof ObjectPath ref
                    ? new KeyBinding(k.name(), CimValue.ofReference(canonical(ref))) : k);
        }
        CimNamespace ns = path.namespace() == null ? null : canonicalNamespace.apply(path.namespace());
        return ObjectPath.of(path.host(), ns, path.className(), keys);
    }

    /** {@code NAMESPACEPATH}: HOST, LOCALNAMESPACEPATH. */
    private NamespacePath readNamespacePath() throws CimXmlException {
        c.nextStart("NAMESPACEPATH", "HOST");
        c.require("HOST");
        String host = c.text().trim();
        c.nextStart("NAMESPACEPATH", "LOCALNAMESPACEPATH");
        c.require("LOCALNAMESPACEPATH");
        CimNamespace ns = readLocalNamespacePath();
        c.expectEnd("NAMESPACEPATH");
        return new NamespacePath(host, ns);
    }

    /** {@code CLASSNAME} as a class path without namespace. */
    ObjectPath readClassName() throws CimXmlException {
        return ObjectPath.forClass(null, readClassNameOnly());
    }

    /** {@code CLASSNAME} as a name. */
    CimName readClassNameOnly() throws CimXmlException {
        CimName n = attributes.name("NAME");
        c.expectEnd("CLASSNAME");
        return n;
    }

    ObjectPath readClassPath() throws CimXmlException {
        c.nextStart("CLASSPATH", "NAMESPACEPATH");
        c.require("NAMESPACEPATH");
        NamespacePath hn = readNamespacePath();
        c.nextStart("CLASSPATH", "CLASSNAME");
        c.require("CLASSNAME");
        CimName cn = readClassNameOnly();
        c.expectEnd("CLASSPATH");
        return ObjectPath.of(hn.host(), hn.namespace(), cn, List.of());
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
        NamespacePath hn = readNamespacePath();
        c.nextStart("INSTANCEPATH", "INSTANCENAME");
        c.require("INSTANCENAME");
        ObjectPath p = readInstanceName(hn.host(), hn.namespace());
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
        CimName cn = attributes.name("CLASSNAME");
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
        CimName key = attributes.name("NAME");
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
    private CimValue readKeyValue() throws CimXmlException {
        String vt = c.attr("VALUETYPE");
        String valueType = vt == null ? "string" : vt.trim();
        if (!valueType.equals("string") && !valueType.equals("boolean") && !valueType.equals("numeric")) {
            throw c.invalid("attribute VALUETYPE of KEYVALUE must be string, boolean or numeric, got \"" + vt + "\"");
        }
        String type = c.attr("TYPE");
        if (type != null && isReferenceTypeName(type)) {
            return referenceKeyValue(c.text());
        }
        CimType.Kind kind = attributes.typeAttr("TYPE", false);
        String text = c.text();
        if (kind != null) {
            return values.scalar(CimType.scalar(kind), text);
        }
        switch (valueType) {
            case "boolean":
                return values.scalar(CimType.BOOLEAN, text);
            case "numeric":
                return untypedNumber(text);
            default:
                return CimValue.ofString(text);
        }
    }

    /**
     * DSP0201 carries a reference key as VALUE.REFERENCE; the SBLIM CIM Client for Java (JSR 48)
     * sends it as a KEYVALUE typed {@code "<class> ref"} whose text is the referenced path as a WBEM
     * URI ({@code http://host:port/ns:Class.Key="v"}). Accepted, so that its association calls on
     * association instances work.
     */
    private static boolean isReferenceTypeName(String type) {
        String t = type.strip();
        return t.regionMatches(true, Math.max(0, t.length() - 4), " ref", 0, 4) && t.length() > 4;
    }

    private CimValue referenceKeyValue(String text) throws CimXmlException {
        String uri = text.strip();
        int scheme = uri.indexOf("://");
        if (scheme > 0 && uri.substring(0, scheme).chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '+' || ch == '-' || ch == '.')) {
            uri = uri.substring(scheme + 1); // keep the "//host/..." authority form
        }
        ObjectPath path;
        try {
            path = ObjectPath.parse(uri);
        } catch (IllegalArgumentException e) {
            throw c.badValue("reference KEYVALUE is not an object path: \"" + text + "\" (" + e.getMessage() + ")");
        }
        if (path.keys().isEmpty()) {
            throw c.badValue("reference KEYVALUE does not name an instance: \"" + text + "\"");
        }
        return CimValue.ofReference(path);
    }

    private CimValue untypedNumber(String text) {
        String t = text.strip();
        try {
            return CimValue.parse(t.startsWith("-") ? CimType.SINT64 : CimType.UINT64, t);
        } catch (IllegalArgumentException notInteger) {
            try {
                return CimValue.parse(CimType.REAL64, t);
            } catch (IllegalArgumentException e) {
                throw c.badValue(t.length() > CimValue.MAX_NUMBER_LENGTH ? "numeric KEYVALUE: " + e.getMessage()
                        : "numeric KEYVALUE is not a number: " + CimValue.quoted(text));
            }
        }
    }
}
