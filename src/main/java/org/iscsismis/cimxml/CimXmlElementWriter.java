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

    /** Size of the byte buffer of {@link #forStream}: what goes to the stream in one write. */
    static final int STREAM_BUFFER_BYTES = 32 * 1024;

    private final XmlOut w;
    private final XMLStreamWriter2 stax;

    /** Writes through a StAX writer (made by {@link #newWriter}, which configures the escaping). */
    public CimXmlElementWriter(XMLStreamWriter2 writer) {
        this.w = new StaxXmlOut(writer);
        this.stax = writer;
    }

    private CimXmlElementWriter(XmlOut out) {
        this.w = out;
        this.stax = null;
    }

    /**
     * A writer that encodes UTF-8 straight into a buffer and hands {@code out} the bytes in
     * {@link #STREAM_BUFFER_BYTES} writes: the same bytes as over {@link #newWriter}, without the
     * StAX layers (the response path). Call {@link #flush()} at the end.
     */
    static CimXmlElementWriter forStream(OutputStream out) {
        return new CimXmlElementWriter(new Utf8XmlOut(out, STREAM_BUFFER_BYTES));
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

    /** The StAX writer this writes through, or null for one made by {@link #forStream}. */
    public XMLStreamWriter2 xml() {
        return stax;
    }

    /** The markup layer (the response writer writes its envelope through it). */
    XmlOut out() {
        return w;
    }

    /** Pushes everything written so far into the stream. */
    public void flush() throws XMLStreamException {
        w.flush();
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

    // Both XmlOut implementations replace forbidden characters themselves (see XmlOut).
    private void text(String s) throws XMLStreamException {
        w.text(s);
    }

    private void attr(String name, String value) throws XMLStreamException {
        w.attribute(name, value);
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
                w.start("VALUE.REFARRAY");
                for (Object o : v.values()) {
                    if (o == null) {
                        w.empty("VALUE.NULL");
                    } else {
                        valueReference((ObjectPath) o);
                    }
                }
                w.end();
            } else {
                valueReference((ObjectPath) v.value());
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
        scalarText(o);
        w.end();
    }

    private void scalarText(Object o) throws XMLStreamException {
        if (o instanceof String s) {
            text(s);
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
            w.text(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "INF" : "-INF") : Double.toString(d));
        } else if (o instanceof Float f) {
            w.text(f.isNaN() ? "NaN" : f.isInfinite() ? (f > 0 ? "INF" : "-INF") : Float.toString(f));
        } else if (o instanceof CimDateTime dt) {
            w.text(dt.toString());
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
        w.start("VALUE.REFERENCE");
        boolean full = p.host() != null && p.namespace() != null;
        if (p.isClassPath()) {
            if (full) {
                classPath(p, null);
            } else if (p.namespace() != null) {
                w.start("LOCALCLASSPATH");
                localNamespacePath(p.namespace());
                className(p.className());
                w.end();
            } else {
                className(p.className());
            }
        } else if (full) {
            instancePath(p, null);
        } else if (p.namespace() != null) {
            w.start("LOCALINSTANCEPATH");
            localNamespacePath(p.namespace());
            instanceName(p);
            w.end();
        } else {
            instanceName(p);
        }
        w.end();
    }

    public void className(CimName name) throws XMLStreamException {
        w.empty("CLASSNAME");
        attr("NAME", name.toString());
    }

    public void localNamespacePath(CimNamespace ns) throws XMLStreamException {
        w.start("LOCALNAMESPACEPATH");
        for (String seg : ns.segments()) {
            w.empty("NAMESPACE");
            attr("NAME", seg);
        }
        w.end();
    }

    private void namespacePath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        CimNamespace ns = p.namespace() != null ? p.namespace() : defaultNs;
        if (ns == null) {
            throw new IllegalArgumentException("A full path needs a namespace: " + p);
        }
        w.start("NAMESPACEPATH");
        w.start("HOST");
        text(p.host() != null ? p.host() : DEFAULT_HOST);
        w.end();
        localNamespacePath(ns);
        w.end();
    }

    /** INSTANCEPATH (HOST, namespace, INSTANCENAME); missing host/namespace are filled in (see the class comment). */
    public void instancePath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.start("INSTANCEPATH");
        namespacePath(p, defaultNs);
        instanceName(p);
        w.end();
    }

    public void classPath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.start("CLASSPATH");
        namespacePath(p, defaultNs);
        className(p.className());
        w.end();
    }

    /** OBJECTPATH → INSTANCEPATH or CLASSPATH. */
    public void objectPath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        w.start("OBJECTPATH");
        if (p.isClassPath()) {
            classPath(p, defaultNs);
        } else {
            instancePath(p, defaultNs);
        }
        w.end();
    }

    /** INSTANCENAME with a KEYBINDING per key. */
    public void instanceName(ObjectPath p) throws XMLStreamException {
        w.start("INSTANCENAME");
        attr("CLASSNAME", p.className().toString());
        for (KeyBinding k : p.keys()) {
            w.start("KEYBINDING");
            attr("NAME", k.name().toString());
            CimValue v = k.value();
            CimType.Kind kind = v.type().kind();
            if (kind == CimType.Kind.REFERENCE) {
                valueReference((ObjectPath) v.value());
            } else {
                w.start("KEYVALUE", "VALUETYPE", kind == CimType.Kind.BOOLEAN ? "boolean" : kind.isNumeric() ? "numeric" : "string",
                        "TYPE", kind.cimName());
                scalarText(v.value());
                w.end();
            }
            w.end();
        }
        w.end();
    }

    // ------------------------------------------------------------------ objects

    public void qualifier(CimQualifier q) throws XMLStreamException {
        w.start("QUALIFIER");
        attr("NAME", q.name().toString());
        w.attribute("TYPE", q.value().type().kind().cimName());
        if (q.propagated()) {
            w.attribute("PROPAGATED", "true");
        }
        flavor(q.flavor());
        value(q.value());
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

    public void qualifierDeclaration(CimQualifierType d) throws XMLStreamException {
        w.start("QUALIFIER.DECLARATION");
        attr("NAME", d.name().toString());
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
        value(d.defaultValue());
        w.end();
    }

    /** PROPERTY, PROPERTY.ARRAY or PROPERTY.REFERENCE. */
    public void property(CimProperty p) throws XMLStreamException {
        CimType t = p.type();
        if (t.isReference()) {
            if (t.array()) {
                throw new IllegalArgumentException("DSP0201 has no element for a reference-array property: " + p.name());
            }
            w.start("PROPERTY.REFERENCE");
            attr("NAME", p.name().toString());
            if (t.referenceClass() != null) {
                attr("REFERENCECLASS", t.referenceClass().toString());
            }
        } else {
            w.start(t.array() ? "PROPERTY.ARRAY" : "PROPERTY", "NAME", p.name().toString(), "TYPE", t.kind().cimName());
        }
        if (p.classOrigin() != null) {
            attr("CLASSORIGIN", p.classOrigin().toString());
        }
        if (p.propagated()) {
            w.attribute("PROPAGATED", "true");
        }
        // The attribute says how a value is encoded. An array without a value needs none (its qualifier
        // declares it), and leaving it out there keeps the wbemcli client, which refuses it on
        // PROPERTY.ARRAY, able to read class declarations.
        boolean describesValue = !t.array() || !p.value().isNull();
        if (describesValue && t.kind() == CimType.Kind.INSTANCE) {
            w.attribute("EmbeddedObject", "instance");
        } else if (describesValue && t.kind() == CimType.Kind.OBJECT) {
            w.attribute("EmbeddedObject", "object");
        }
        for (CimQualifier q : p.qualifiers()) {
            qualifier(q);
        }
        value(p.value());
        w.end();
    }

    /** INSTANCE (without path: the wrapper element carries it). */
    public void instance(CimInstance i) throws XMLStreamException {
        w.start("INSTANCE");
        attr("CLASSNAME", i.className().toString());
        for (CimQualifier q : i.qualifiers()) {
            qualifier(q);
        }
        List<CimProperty> props = i.properties();
        for (int k = 0, n = props.size(); k < n; k++) {
            property(props.get(k));
        }
        w.end();
    }

    public void cimClass(CimClass c) throws XMLStreamException {
        w.start("CLASS");
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
        w.end();
    }

    public void method(CimMethod m) throws XMLStreamException {
        w.start("METHOD");
        attr("NAME", m.name().toString());
        if (m.returnType() != null) {
            w.attribute("TYPE", m.returnType().kind().cimName());
        }
        if (m.classOrigin() != null) {
            attr("CLASSORIGIN", m.classOrigin().toString());
        }
        if (m.propagated()) {
            w.attribute("PROPAGATED", "true");
        }
        for (CimQualifier q : m.qualifiers()) {
            qualifier(q);
        }
        for (CimParameter p : m.parameters()) {
            CimType t = p.type();
            if (t.isReference()) {
                w.start(t.array() ? "PARAMETER.REFARRAY" : "PARAMETER.REFERENCE");
                attr("NAME", p.name().toString());
                if (t.referenceClass() != null) {
                    attr("REFERENCECLASS", t.referenceClass().toString());
                }
            } else {
                w.start(t.array() ? "PARAMETER.ARRAY" : "PARAMETER");
                attr("NAME", p.name().toString());
                w.attribute("TYPE", t.kind().cimName());
            }
            for (CimQualifier q : p.qualifiers()) {
                qualifier(q);
            }
            w.end();
        }
        w.end();
    }

    /** VALUE.NAMEDINSTANCE: INSTANCENAME (from {@code i.path()}) + INSTANCE. */
    public void namedInstance(CimInstance i) throws XMLStreamException {
        w.start("VALUE.NAMEDINSTANCE");
        instanceName(requirePath(i));
        instance(i);
        w.end();
    }

    /** {@code wrapper} (VALUE.OBJECTWITHPATH or VALUE.INSTANCEWITHPATH): INSTANCEPATH + INSTANCE. */
    public void instanceWithPath(String wrapper, CimInstance i, CimNamespace defaultNs) throws XMLStreamException {
        w.start(wrapper);
        instancePath(requirePath(i), defaultNs);
        instance(i);
        w.end();
    }

    /** VALUE.OBJECTWITHPATH: CLASSPATH + CLASS. */
    public void classWithPath(CimClass c, ObjectPath classPath, CimNamespace defaultNs) throws XMLStreamException {
        w.start("VALUE.OBJECTWITHPATH");
        classPath(classPath, defaultNs);
        cimClass(c);
        w.end();
    }

    private static ObjectPath requirePath(CimInstance i) {
        if (i.path() == null) {
            throw new IllegalArgumentException("Instance of " + i.className() + " has no path");
        }
        return i.path();
    }

    /** PARAMVALUE (or RETURNVALUE when {@code element} says so) with PARAMTYPE and EmbeddedObject as the value's type requires. */
    public void paramValue(String element, ParamValue p) throws XMLStreamException {
        w.start(element);
        if (p != null && element.equals("PARAMVALUE")) {
            attr("NAME", p.name().toString());
        }
        if (p != null && !p.untyped()) {
            typeAttributes(p.value().type());
            value(p.value());
        }
        w.end();
    }

    /** RETURNVALUE for {@code v} (PARAMTYPE + value). */
    public void returnValue(CimValue v) throws XMLStreamException {
        w.start("RETURNVALUE");
        typeAttributes(v.type());
        value(v);
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
    public void error(CimException e) throws XMLStreamException {
        w.start("ERROR");
        w.attribute("CODE", Integer.toString(e.status().code()));
        if (e.description() != null) {
            attr("DESCRIPTION", e.description());
        }
        for (CimInstance i : e.errors()) {
            instance(i);
        }
        w.end();
    }
}
