package org.iscsismis.cimxml;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamProperties;
import org.codehaus.stax2.XMLStreamWriter2;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
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
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;

/**
 * Writes the DSP0201 elements of the {@code cim} model to a StAX writer: instances, classes,
 * qualifiers and qualifier declarations, values, paths, PARAMVALUEs and ERROR. Reusable by the
 * response writer and (later) indication export.
 *
 * <p><b>Characters XML 1.0 cannot carry</b> (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
 * U+FFFE, U+FFFF and unpaired surrogates) are replaced by U+FFFD in every text and attribute value,
 * so the output is always well-formed. Characters outside the BMP are written as real UTF-8 (one
 * 4-byte sequence per code point). Carriage returns are written as {@code &#13;} so they survive
 * parsing.
 *
 * <p>Full paths ({@code INSTANCEPATH}, {@code CLASSPATH}) need a host: a path without one is
 * written with {@link #DEFAULT_HOST}; without a namespace, with the namespace passed by the caller.
 *
 * <p>Every method throws {@link XMLStreamException} from the underlying writer (an I/O failure).
 */
public final class CimXmlElementWriter {

    /** The HOST written for a full path whose {@link ObjectPath#host()} is null. */
    public static final String DEFAULT_HOST = "localhost";

    private static final XMLOutputFactory FACTORY = newOutputFactory();

    private final XMLStreamWriter2 w;

    public CimXmlElementWriter(XMLStreamWriter2 writer) {
        this.w = writer;
    }

    static XMLOutputFactory newOutputFactory() {
        XMLOutputFactory f = new WstxOutputFactory();
        f.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, Boolean.FALSE);
        f.setProperty(XMLStreamProperties.XSP_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, Boolean.FALSE);
        f.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_ATTR, Boolean.FALSE);
        f.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_NAMES, Boolean.FALSE);
        f.setProperty(WstxOutputProperties.P_OUTPUT_ESCAPE_CR, Boolean.TRUE);
        // Elements with content in the DTD (PROPERTY, INSTANCE, ...) are always written as a start and an
        // end tag, even when empty: the wbemcli client's parser refuses <PROPERTY .../>.
        f.setProperty(org.codehaus.stax2.XMLOutputFactory2.P_AUTOMATIC_EMPTY_ELEMENTS, Boolean.FALSE);
        f.setProperty(WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER, new InvalidCharHandler.ReplacingHandler('\uFFFD'));
        return f;
    }

    /** A UTF-8 streaming writer over {@code out} (closing it does not close {@code out}). */
    public static XMLStreamWriter2 newWriter(OutputStream out) throws XMLStreamException {
        return (XMLStreamWriter2) FACTORY.createXMLStreamWriter(out, "UTF-8");
    }

    public XMLStreamWriter2 xml() {
        return w;
    }

    // ------------------------------------------------------------------ characters

    /** {@code s} with every character XML 1.0 forbids replaced by U+FFFD; {@code s} itself when it has none. */
    public static String sanitize(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch < 0xD800) {
                continue;
            }
            if (!allowed(s, i, ch)) {
                return replace(s, i);
            }
            if (Character.isHighSurrogate(ch)) {
                i++;
            }
        }
        return s;
    }

    private static boolean allowed(String s, int i, char ch) {
        if (ch < 0x20) {
            return ch == '\t' || ch == '\n' || ch == '\r';
        }
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(ch)) {
            return false;
        }
        return ch != 0xFFFE && ch != 0xFFFF;
    }

    private static String replace(String s, int from) {
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, from);
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x20 && ch < 0xD800) {
                sb.append(ch);
            } else if (!allowed(s, i, ch)) {
                sb.append('\uFFFD');
            } else if (Character.isHighSurrogate(ch)) {
                sb.append(ch).append(s.charAt(++i));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private void text(String s) throws XMLStreamException {
        w.writeCharacters(sanitize(s));
    }

    private void attr(String name, String value) throws XMLStreamException {
        w.writeAttribute(name, sanitize(value));
    }

    // ------------------------------------------------------------------ values

    /** VALUE (scalar), VALUE.ARRAY, VALUE.REFERENCE or VALUE.REFARRAY for {@code v}; nothing for NULL. */
    public void value(CimValue v) throws XMLStreamException {
        if (v == null || v.isNull()) {
            return;
        }
        CimType t = v.type();
        if (t.isReference()) {
            if (t.array()) {
                w.writeStartElement("VALUE.REFARRAY");
                for (Object o : v.values()) {
                    if (o == null) {
                        w.writeEmptyElement("VALUE.NULL");
                    } else {
                        valueReference((ObjectPath) o);
                    }
                }
                w.writeEndElement();
            } else {
                valueReference((ObjectPath) v.value());
            }
        } else if (t.array()) {
            w.writeStartElement("VALUE.ARRAY");
            for (Object o : v.values()) {
                if (o == null) {
                    w.writeEmptyElement("VALUE.NULL");
                } else {
                    scalarValue(o);
                }
            }
            w.writeEndElement();
        } else {
            scalarValue(v.value());
        }
    }

    /** {@code <VALUE>text</VALUE>} for a non-NULL scalar Java value of the model. */
    private void scalarValue(Object o) throws XMLStreamException {
        w.writeStartElement("VALUE");
        scalarText(o);
        w.writeEndElement();
    }

    private void scalarText(Object o) throws XMLStreamException {
        if (o instanceof String s) {
            text(s);
        } else if (o instanceof Long l) {
            w.writeLong(l);
        } else if (o instanceof Integer i) {
            w.writeInt(i);
        } else if (o instanceof Short sh) {
            w.writeInt(sh);
        } else if (o instanceof Byte b) {
            w.writeInt(b);
        } else if (o instanceof Boolean b) {
            w.writeCharacters(b ? "TRUE" : "FALSE");
        } else if (o instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                w.writeLong(b.longValue());
            } else {
                w.writeCharacters(b.toString());
            }
        } else if (o instanceof Double d) {
            w.writeCharacters(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "INF" : "-INF") : Double.toString(d));
        } else if (o instanceof Float f) {
            w.writeCharacters(f.isNaN() ? "NaN" : f.isInfinite() ? (f > 0 ? "INF" : "-INF") : Float.toString(f));
        } else if (o instanceof CimDateTime dt) {
            w.writeCharacters(dt.toString());
        } else if (o instanceof Character ch) {
            text(String.valueOf(ch.charValue()));
        } else if (o instanceof CimInstance || o instanceof CimClass) {
            text(embeddedXml(o));
        } else {
            throw new IllegalArgumentException("No VALUE text form for " + o.getClass().getSimpleName());
        }
    }

    /** The INSTANCE or CLASS XML of an embedded object (the text that goes, escaped, into a VALUE). */
    public static String embeddedXml(Object instanceOrClass) throws XMLStreamException {
        StringWriter sw = new StringWriter(512);
        XMLStreamWriter2 x = (XMLStreamWriter2) FACTORY.createXMLStreamWriter(sw);
        CimXmlElementWriter ew = new CimXmlElementWriter(x);
        if (instanceOrClass instanceof CimInstance i) {
            ew.instance(i);
        } else {
            ew.cimClass((CimClass) instanceOrClass);
        }
        x.flush();
        x.close();
        return sw.toString();
    }

    // ------------------------------------------------------------------ paths

    /** VALUE.REFERENCE with the most specific form the path allows (INSTANCEPATH … CLASSNAME). */
    public void valueReference(ObjectPath p) throws XMLStreamException {
        w.writeStartElement("VALUE.REFERENCE");
        boolean full = p.host() != null && p.namespace() != null;
        if (p.isClassPath()) {
            if (full) {
                classPath(p, null);
            } else if (p.namespace() != null) {
                w.writeStartElement("LOCALCLASSPATH");
                localNamespacePath(p.namespace());
                className(p.className());
                w.writeEndElement();
            } else {
                className(p.className());
            }
        } else if (full) {
            instancePath(p, null);
        } else if (p.namespace() != null) {
            w.writeStartElement("LOCALINSTANCEPATH");
            localNamespacePath(p.namespace());
            instanceName(p);
            w.writeEndElement();
        } else {
            instanceName(p);
        }
        w.writeEndElement();
    }

    public void className(CimName name) throws XMLStreamException {
        w.writeEmptyElement("CLASSNAME");
        attr("NAME", name.toString());
    }

    public void localNamespacePath(CimNamespace ns) throws XMLStreamException {
        w.writeStartElement("LOCALNAMESPACEPATH");
        for (String seg : ns.segments()) {
            w.writeEmptyElement("NAMESPACE");
            attr("NAME", seg);
        }
        w.writeEndElement();
    }

    private void namespacePath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        CimNamespace ns = p.namespace() != null ? p.namespace() : defaultNs;
        if (ns == null) {
            throw new IllegalArgumentException("A full path needs a namespace: " + p);
        }
        w.writeStartElement("NAMESPACEPATH");
        w.writeStartElement("HOST");
        text(p.host() != null ? p.host() : DEFAULT_HOST);
        w.writeEndElement();
        localNamespacePath(ns);
        w.writeEndElement();
    }

    /** INSTANCEPATH (HOST, namespace, INSTANCENAME); missing host/namespace are filled in (see the class comment). */
    public void instancePath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.writeStartElement("INSTANCEPATH");
        namespacePath(p, defaultNs);
        instanceName(p);
        w.writeEndElement();
    }

    public void classPath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.writeStartElement("CLASSPATH");
        namespacePath(p, defaultNs);
        className(p.className());
        w.writeEndElement();
    }

    /** OBJECTPATH → INSTANCEPATH or CLASSPATH. */
    public void objectPath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.writeStartElement("OBJECTPATH");
        if (p.isClassPath()) {
            classPath(p, defaultNs);
        } else {
            instancePath(p, defaultNs);
        }
        w.writeEndElement();
    }

    /** INSTANCENAME with a KEYBINDING per key. */
    public void instanceName(ObjectPath p) throws XMLStreamException {
        w.writeStartElement("INSTANCENAME");
        attr("CLASSNAME", p.className().toString());
        for (KeyBinding k : p.keys()) {
            w.writeStartElement("KEYBINDING");
            attr("NAME", k.name().toString());
            CimValue v = k.value();
            CimType.Kind kind = v.type().kind();
            if (kind == CimType.Kind.REFERENCE) {
                valueReference((ObjectPath) v.value());
            } else {
                w.writeStartElement("KEYVALUE");
                w.writeAttribute("VALUETYPE", kind == CimType.Kind.BOOLEAN ? "boolean" : kind.isNumeric() ? "numeric" : "string");
                w.writeAttribute("TYPE", kind.cimName());
                scalarText(v.value());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    // ------------------------------------------------------------------ objects

    public void qualifier(CimQualifier q) throws XMLStreamException {
        w.writeStartElement("QUALIFIER");
        attr("NAME", q.name().toString());
        w.writeAttribute("TYPE", q.value().type().kind().cimName());
        if (q.propagated()) {
            w.writeAttribute("PROPAGATED", "true");
        }
        flavor(q.flavor());
        value(q.value());
        w.writeEndElement();
    }

    private void flavor(CimFlavor f) throws XMLStreamException {
        if (!f.overridable()) {
            w.writeAttribute("OVERRIDABLE", "false");
        }
        if (!f.toSubclass()) {
            w.writeAttribute("TOSUBCLASS", "false");
        }
        if (f.translatable()) {
            w.writeAttribute("TRANSLATABLE", "true");
        }
    }

    public void qualifierDeclaration(CimQualifierType d) throws XMLStreamException {
        w.writeStartElement("QUALIFIER.DECLARATION");
        attr("NAME", d.name().toString());
        w.writeAttribute("TYPE", d.type().kind().cimName());
        w.writeAttribute("ISARRAY", d.type().array() ? "true" : "false");
        flavor(d.flavor());
        if (!d.scopes().isEmpty()) {
            w.writeEmptyElement("SCOPE");
            boolean any = d.scopes().contains(CimScope.ANY);
            for (CimScope s : CimScope.values()) {
                if (s != CimScope.ANY && (any || d.scopes().contains(s))) {
                    w.writeAttribute(s.xmlAttribute(), "true");
                }
            }
        }
        value(d.defaultValue());
        w.writeEndElement();
    }

    /** PROPERTY, PROPERTY.ARRAY or PROPERTY.REFERENCE. */
    public void property(CimProperty p) throws XMLStreamException {
        CimType t = p.type();
        if (t.isReference()) {
            if (t.array()) {
                throw new IllegalArgumentException("DSP0201 has no element for a reference-array property: " + p.name());
            }
            w.writeStartElement("PROPERTY.REFERENCE");
            attr("NAME", p.name().toString());
            if (t.referenceClass() != null) {
                attr("REFERENCECLASS", t.referenceClass().toString());
            }
        } else {
            w.writeStartElement(t.array() ? "PROPERTY.ARRAY" : "PROPERTY");
            attr("NAME", p.name().toString());
            w.writeAttribute("TYPE", t.kind().cimName());
        }
        if (p.classOrigin() != null) {
            attr("CLASSORIGIN", p.classOrigin().toString());
        }
        if (p.propagated()) {
            w.writeAttribute("PROPAGATED", "true");
        }
        // The attribute says how a value is encoded. An array without a value needs none (its qualifier
        // declares it), and leaving it out there keeps the wbemcli client, which refuses it on
        // PROPERTY.ARRAY, able to read class declarations.
        boolean describesValue = !t.array() || !p.value().isNull();
        if (describesValue && t.kind() == CimType.Kind.INSTANCE) {
            w.writeAttribute("EmbeddedObject", "instance");
        } else if (describesValue && t.kind() == CimType.Kind.OBJECT) {
            w.writeAttribute("EmbeddedObject", "object");
        }
        for (CimQualifier q : p.qualifiers()) {
            qualifier(q);
        }
        value(p.value());
        w.writeEndElement();
    }

    /** INSTANCE (without path: the wrapper element carries it). */
    public void instance(CimInstance i) throws XMLStreamException {
        w.writeStartElement("INSTANCE");
        attr("CLASSNAME", i.className().toString());
        for (CimQualifier q : i.qualifiers()) {
            qualifier(q);
        }
        List<CimProperty> props = i.properties();
        for (int k = 0, n = props.size(); k < n; k++) {
            property(props.get(k));
        }
        w.writeEndElement();
    }

    public void cimClass(CimClass c) throws XMLStreamException {
        w.writeStartElement("CLASS");
        attr("NAME", c.name().toString());
        if (c.superClassName() != null) {
            attr("SUPERCLASS", c.superClassName().toString());
        }
        for (CimQualifier q : c.qualifiers()) {
            qualifier(q);
        }
        for (CimProperty p : c.properties()) {
            property(p);
        }
        for (CimMethod m : c.methods()) {
            method(m);
        }
        w.writeEndElement();
    }

    public void method(CimMethod m) throws XMLStreamException {
        w.writeStartElement("METHOD");
        attr("NAME", m.name().toString());
        if (m.returnType() != null) {
            w.writeAttribute("TYPE", m.returnType().kind().cimName());
        }
        if (m.classOrigin() != null) {
            attr("CLASSORIGIN", m.classOrigin().toString());
        }
        if (m.propagated()) {
            w.writeAttribute("PROPAGATED", "true");
        }
        for (CimQualifier q : m.qualifiers()) {
            qualifier(q);
        }
        for (CimParameter p : m.parameters()) {
            CimType t = p.type();
            if (t.isReference()) {
                w.writeStartElement(t.array() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE");
                attr("NAME", p.name().toString());
                if (t.referenceClass() != null) {
                    attr("REFERENCECLASS", t.referenceClass().toString());
                }
            } else {
                w.writeStartElement(t.array() ? "PARAMETER.ARRAY" : "PARAMETER");
                attr("NAME", p.name().toString());
                w.writeAttribute("TYPE", t.kind().cimName());
            }
            for (CimQualifier q : p.qualifiers()) {
                qualifier(q);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** VALUE.NAMEDINSTANCE: INSTANCENAME (from {@code i.path()}) + INSTANCE. */
    public void namedInstance(CimInstance i) throws XMLStreamException {
        w.writeStartElement("VALUE.NAMEDINSTANCE");
        instanceName(requirePath(i));
        instance(i);
        w.writeEndElement();
    }

    /** {@code wrapper} (VALUE.OBJECTWITHPATH or VALUE.INSTANCEWITHPATH): INSTANCEPATH + INSTANCE. */
    public void instanceWithPath(String wrapper, CimInstance i, CimNamespace defaultNs) throws XMLStreamException {
        w.writeStartElement(wrapper);
        instancePath(requirePath(i), defaultNs);
        instance(i);
        w.writeEndElement();
    }

    /** VALUE.OBJECTWITHPATH: CLASSPATH + CLASS. */
    public void classWithPath(CimClass c, ObjectPath classPath, CimNamespace defaultNs) throws XMLStreamException {
        w.writeStartElement("VALUE.OBJECTWITHPATH");
        classPath(classPath, defaultNs);
        cimClass(c);
        w.writeEndElement();
    }

    private static ObjectPath requirePath(CimInstance i) {
        if (i.path() == null) {
            throw new IllegalArgumentException("Instance of " + i.className() + " has no path");
        }
        return i.path();
    }

    /** PARAMVALUE (or RETURNVALUE when {@code element} says so) with PARAMTYPE and EmbeddedObject as the value's type requires. */
    public void paramValue(String element, ParamValue p) throws XMLStreamException {
        w.writeStartElement(element);
        if (p != null && element.equals("PARAMVALUE")) {
            attr("NAME", p.name().toString());
        }
        if (p != null && !p.untyped()) {
            typeAttributes(p.value().type());
            value(p.value());
        }
        w.writeEndElement();
    }

    /** RETURNVALUE for {@code v} (PARAMTYPE + value). */
    public void returnValue(CimValue v) throws XMLStreamException {
        w.writeStartElement("RETURNVALUE");
        typeAttributes(v.type());
        value(v);
        w.writeEndElement();
    }

    private void typeAttributes(CimType t) throws XMLStreamException {
        w.writeAttribute("PARAMTYPE", t.kind().cimName());
        if (t.kind() == CimType.Kind.INSTANCE) {
            w.writeAttribute("EmbeddedObject", "instance");
        } else if (t.kind() == CimType.Kind.OBJECT) {
            w.writeAttribute("EmbeddedObject", "object");
        }
    }

    /** ERROR CODE DESCRIPTION, with the CIM_Error instances. */
    public void error(CimException e) throws XMLStreamException {
        w.writeStartElement("ERROR");
        w.writeAttribute("CODE", Integer.toString(e.status().code()));
        if (e.description() != null) {
            attr("DESCRIPTION", e.description());
        }
        for (CimInstance i : e.errors()) {
            instance(i);
        }
        w.writeEndElement();
    }
}
