package org.iscsismis.cimxml;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamProperties;
import org.codehaus.stax2.XMLStreamWriter2;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;

/**
 * Writes the DSP0201 elements of the {@code cim} model: instances, classes, qualifier
 * declarations, values, paths, PARAMVALUEs and ERROR. It makes the output (a StAX writer, or the
 * UTF-8 byte writer of the response path) and hands each element to the writer of its kind
 * ({@link ObjectWriter}, {@link QualifierWriter}, {@link ValueWriter}, {@link PathWriter},
 * {@link MessagePartWriter}). Reusable by the response writer and (later) indication export.
 *
 * <p><b>Characters XML 1.0 cannot carry</b> are replaced by U+FFFD in every text and attribute
 * value (see {@link XmlChars}), so the output is always well-formed. Characters outside the BMP are
 * written as real UTF-8 (one 4-byte sequence per code point). Carriage returns are written as
 * {@code &#13;} so they survive parsing.
 *
 * <p>Full paths ({@code INSTANCEPATH}, {@code CLASSPATH}) need a host: a path without one is
 * written with the writer's default host ({@link #DEFAULT_HOST} unless given); without a namespace, with the
 * namespace passed by the caller.
 *
 * <p>Every method throws {@link XMLStreamException} from the underlying writer (an I/O failure).
 */
public final class CimXmlElementWriter {

    /** The HOST written for a full path whose {@link ObjectPath#host()} is null, when the writer is given none. */
    public static final String DEFAULT_HOST = "localhost";

    private static final XMLOutputFactory FACTORY = newOutputFactory();

    /** Size of the byte buffer of {@link #forStream}: what goes to the stream in one write. */
    static final int STREAM_BUFFER_BYTES = 64 * 1024;

    private final XmlOut w;
    private final PathWriter paths;
    private final ValueWriter values;
    private final QualifierWriter qualifiers;
    private final ObjectWriter objects;
    private final MessagePartWriter parts;

    /** Writes through a StAX writer (made by {@link #newWriter}, which configures the escaping). */
    public CimXmlElementWriter(XMLStreamWriter2 writer) {
        this(new StaxXmlOut(writer), DEFAULT_HOST, EncodedInstances.NONE);
    }

    private CimXmlElementWriter(XmlOut out, String defaultHost, EncodedInstances encoded) {
        this.w = out;
        ScalarText scalars = new ScalarText(out);
        this.paths = new PathWriter(out, scalars, defaultHost);
        this.values = new ValueWriter(out, scalars, paths);
        this.qualifiers = new QualifierWriter(out, values);
        this.objects = new ObjectWriter(out, values, paths, qualifiers, encoded);
        this.parts = new MessagePartWriter(out, values, objects);
    }

    /**
     * A writer that encodes UTF-8 straight into a buffer and hands {@code out} the bytes in
     * {@link #STREAM_BUFFER_BYTES} writes: the same bytes as over {@link #newWriter}, without the
     * StAX layers (the response path). Call {@link #flush()} at the end.
     *
     * @param defaultHost the HOST of full paths that have none
     */
    static CimXmlElementWriter forStream(OutputStream out, String defaultHost) {
        return forStream(out, defaultHost, EncodedInstances.NONE);
    }

    /** {@link #forStream(OutputStream, String)} copying the instances {@code encoded} keeps (and keeping more). */
    static CimXmlElementWriter forStream(OutputStream out, String defaultHost, EncodedInstances encoded) {
        return new CimXmlElementWriter(Utf8XmlOut.acquire(out, STREAM_BUFFER_BYTES), defaultHost, encoded);
    }

    /** {@link #forStream(OutputStream, String)} with {@link #DEFAULT_HOST}. */
    static CimXmlElementWriter forStream(OutputStream out) {
        return forStream(out, DEFAULT_HOST);
    }

    private static XMLOutputFactory newOutputFactory() {
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

    /** The markup layer (the response writer writes its envelope through it). */
    XmlOut out() {
        return w;
    }

    /** Pushes everything written so far into the stream. */
    public void flush() throws XMLStreamException {
        w.flush();
    }

    /** VALUE (scalar), VALUE.ARRAY, VALUE.REFERENCE or VALUE.REFARRAY for {@code v}; nothing for NULL. */
    public void value(CimValue v) throws XMLStreamException {
        values.value(v);
    }

    public void className(CimName name) throws XMLStreamException {
        paths.className(name);
    }

    /**
     * One CLASSNAME per name. {@code names} must be unmodifiable: its encoding is kept by the list's identity
     * (see {@link XmlOut#shared}).
     */
    public void classNames(List<CimName> names) throws XMLStreamException {
        w.shared(names, () -> {
            for (CimName n : names) {
                paths.className(n);
            }
        });
    }

    public void localNamespacePath(CimNamespace ns) throws XMLStreamException {
        paths.localNamespacePath(ns);
    }

    /** INSTANCEPATH (HOST, namespace, INSTANCENAME); missing host/namespace are filled in (see the class comment). */
    public void instancePath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        paths.instancePath(p, defaultNs);
    }

    /** OBJECTPATH → INSTANCEPATH or CLASSPATH. */
    public void objectPath(ObjectPath p, CimNamespace defaultNs) throws XMLStreamException {
        paths.objectPath(p, defaultNs);
    }

    /** INSTANCENAME with a KEYBINDING per key. */
    public void instanceName(ObjectPath p) throws XMLStreamException {
        paths.instanceName(p);
    }

    public void qualifierDeclaration(CimQualifierType d) throws XMLStreamException {
        qualifiers.qualifierDeclaration(d);
    }

    /** INSTANCE (without path: the wrapper element carries it). */
    public void instance(CimInstance i) throws XMLStreamException {
        objects.instance(i);
    }

    public void cimClass(CimClass c) throws XMLStreamException {
        objects.cimClass(c);
    }

    /** VALUE.NAMEDINSTANCE: INSTANCENAME (from {@code i.path()}) + INSTANCE. */
    public void namedInstance(CimInstance i) throws XMLStreamException {
        objects.namedInstance(i);
    }

    /** {@link #namedInstance} for the first {@code count} of {@code instances}. */
    public void namedInstances(CimInstance[] instances, int count) throws XMLStreamException {
        objects.namedInstances(instances, count);
    }

    /** {@code wrapper} (VALUE.OBJECTWITHPATH or VALUE.INSTANCEWITHPATH): INSTANCEPATH + INSTANCE. */
    public void instanceWithPath(String wrapper, CimInstance i, CimNamespace defaultNs) throws XMLStreamException {
        objects.instanceWithPath(wrapper, i, defaultNs);
    }

    /** {@link #instanceWithPath} for the first {@code count} of {@code instances}. */
    public void instancesWithPath(String wrapper, CimInstance[] instances, int count, CimNamespace defaultNs)
            throws XMLStreamException {
        objects.instancesWithPath(wrapper, instances, count, defaultNs);
    }

    /** VALUE.OBJECTWITHPATH: CLASSPATH + CLASS. */
    public void classWithPath(CimClass c, ObjectPath classPath, CimNamespace defaultNs) throws XMLStreamException {
        objects.classWithPath(c, classPath, defaultNs);
    }

    /** PARAMVALUE (or RETURNVALUE when {@code element} says so) with PARAMTYPE and EmbeddedObject as the value's type requires. */
    public void paramValue(String element, ParamValue p) throws XMLStreamException {
        parts.paramValue(element, p);
    }

    /** RETURNVALUE for {@code v} (PARAMTYPE + value). */
    public void returnValue(CimValue v) throws XMLStreamException {
        parts.returnValue(v);
    }

    /** ERROR CODE DESCRIPTION, with the CIM_Error instances. */
    public void error(CimException e) throws XMLStreamException {
        parts.error(e);
    }
}
