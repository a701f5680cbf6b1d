package org.iscsismis.cimxml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.UnsupportedIntrinsicRequest;

/**
 * Decodes one CIM-XML request message (DSP0201) into an operation record. Thread-safe.
 *
 * <p>The StAX (Woodstox) factory is configured once per {@link ReaderLimits} and refuses anything
 * a CIM-XML request has no use for: DTDs (a DOCTYPE is refused as NOT_VALID before its internal
 * subset could declare anything), external entities, entity replacement, and it enforces the
 * limits while reading (depth, element count, attribute size, text length, entity count/depth), so
 * a hostile body costs bounded time and memory; a violated limit is
 * {@link CimXmlException.Kind#LIMIT_EXCEEDED} with a message naming the limit, its value and the
 * position (see {@link ReaderLimit}).
 *
 * <p>Untyped values: a {@code PARAMVALUE} without PARAMTYPE carrying a {@code VALUE} or
 * {@code VALUE.ARRAY} is decoded as string (the dispatcher converts it to the declared parameter
 * type), as is SetProperty's NewValue.
 */
public final class CimXmlRequestReader {

    /** Attributes per element: DSP0201 elements have at most ten. */
    static final int MAX_ATTRIBUTES_PER_ELEMENT = 64;

    private final XMLInputFactory defaultFactory;
    private final Map<ReaderLimits, XMLInputFactory> factories = new ConcurrentHashMap<>();

    public CimXmlRequestReader() {
        this.defaultFactory = newFactory(ReaderLimits.DEFAULT);
    }

    /** A safely configured Woodstox input factory enforcing {@code limits}. */
    static XMLInputFactory newFactory(ReaderLimits limits) {
        XMLInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("External resources are not allowed: " + systemId);
        });
        f.setProperty(WstxInputProperties.P_LAZY_PARSING, Boolean.FALSE);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, limits.maxElements());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeValueLength());
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES_PER_ELEMENT);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, (long) ReaderLimit.MAX_ENTITY_EXPANSION);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, ReaderLimit.MAX_ENTITY_EXPANSION);
        return f;
    }

    private XMLInputFactory factory(ReaderLimits limits) {
        if (limits.equals(ReaderLimits.DEFAULT)) {
            return defaultFactory;
        }
        XMLInputFactory f = factories.get(limits);
        if (f == null) {
            f = newFactory(limits);
            if (factories.size() < 16) {
                factories.putIfAbsent(limits, f);
            }
        }
        return f;
    }

    /**
     * Decodes {@code body} (not closed).
     *
     * @throws CimXmlException when the body is not a well-formed, valid single CIM-XML request within the limits
     */
    public ParsedRequest read(InputStream body, ReaderLimits limits) throws CimXmlException {
        Objects.requireNonNull(body, "body must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
        XMLInputFactory f = factory(limits);
        XMLStreamReader xr;
        try {
            xr = f.createXMLStreamReader(body);
        } catch (XMLStreamException e) {
            throw ParserFailures.translate(e, limits, "");
        } catch (RuntimeException e) {
            throw ParserFailures.translateRuntime(e, limits, "");
        }
        try {
            XmlCursor c = new XmlCursor(xr, limits);
            return new MessageDecoder(c, new CimXmlElementReader(c, f, limits, 0)).decode();
        } finally {
            try {
                xr.close();
            } catch (XMLStreamException ignored) {
                // the body stream belongs to the caller
            }
        }
    }

    /** Reads CIM / MESSAGE / SIMPLEREQ and the method call of one document. */
    private static final class MessageDecoder {
        private final XmlCursor c;
        private final CimXmlElementReader r;
        private String messageId;
        private String protocolVersion;
        private String methodName;
        private boolean intrinsic;
        private CimNamespace namespace;
        private ObjectPath objectPath;

        MessageDecoder(XmlCursor c, CimXmlElementReader r) {
            this.c = c;
            this.r = r;
        }

        ParsedRequest decode() throws CimXmlException {
            if (c.next() != XMLStreamConstants.START_ELEMENT) {
                throw c.invalid("the document has no root element");
            }
            c.require("CIM");
            checkMajor(c.requiredAttr("CIMVERSION"), 2, CimXmlException.Kind.UNSUPPORTED_CIM_VERSION, "CIMVERSION");
            checkMajor(c.requiredAttr("DTDVERSION"), 2, CimXmlException.Kind.UNSUPPORTED_DTD_VERSION, "DTDVERSION");
            c.nextStart("CIM", "MESSAGE");
            c.require("MESSAGE");
            messageId = c.requiredAttr("ID");
            protocolVersion = c.requiredAttr("PROTOCOLVERSION");
            checkMajor(protocolVersion, 1, CimXmlException.Kind.UNSUPPORTED_PROTOCOL_VERSION, "PROTOCOLVERSION");
            c.nextStart("MESSAGE", "SIMPLEREQ");
            if (c.is("MULTIREQ")) {
                throw new CimXmlException(CimXmlException.Kind.MULTIPLE_REQUESTS_UNSUPPORTED,
                        "MULTIREQ (batched requests) is not supported" + c.at());
            }
            if (!c.is("SIMPLEREQ")) {
                throw c.invalid("expected SIMPLEREQ in MESSAGE, found " + c.name());
            }
            c.nextStart("SIMPLEREQ", "IMETHODCALL or METHODCALL");
            while (c.is("CORRELATOR")) {
                c.skipElement();
                c.nextStart("SIMPLEREQ", "IMETHODCALL or METHODCALL");
            }
            CimRequest request = null;
            CimException error = null;
            try {
                if (c.is("IMETHODCALL")) {
                    request = intrinsicCall();
                } else if (c.is("METHODCALL")) {
                    request = extrinsicCall();
                } else {
                    throw c.unexpectedChild("SIMPLEREQ");
                }
            } catch (CimException e) {
                error = e;
                c.drain();
            }
            if (error == null) {
                c.expectEnd("SIMPLEREQ");
                c.expectEnd("MESSAGE");
                c.expectEnd("CIM");
                if (c.next() != XMLStreamConstants.END_DOCUMENT) {
                    throw c.invalid("content after the CIM element");
                }
            }
            return new ParsedRequest(messageId, protocolVersion, methodName, intrinsic, namespace, objectPath, request, error);
        }

        private void checkMajor(String version, int major, CimXmlException.Kind kind, String attribute) throws CimXmlException {
            String v = version.trim();
            int dot = v.indexOf('.');
            String m = dot < 0 ? v : v.substring(0, dot);
            boolean ok = !m.isEmpty() && m.chars().allMatch(Character::isDigit) && Integer.parseInt(m.length() > 6 ? "9999999" : m) == major;
            if (!ok) {
                throw new CimXmlException(kind, attribute + "=\"" + version + "\" is not supported (major version " + major + " expected)" + c.at());
            }
        }

        private CimRequest intrinsicCall() throws CimXmlException {
            methodName = c.requiredAttr("NAME");
            intrinsic = true;
            c.nextStart("IMETHODCALL", "LOCALNAMESPACEPATH");
            c.require("LOCALNAMESPACEPATH");
            namespace = r.paths().readLocalNamespacePath();
            IntrinsicDecoder.Op op = IntrinsicDecoder.operation(methodName);
            if (op == null) {
                while (c.next() == XMLStreamConstants.START_ELEMENT) {
                    if (!c.is("IPARAMVALUE")) {
                        throw c.unexpectedChild("IMETHODCALL");
                    }
                    c.requiredAttr("NAME");
                    c.skipElement();
                }
                return new UnsupportedIntrinsicRequest(namespace, methodName);
            }
            return new IntrinsicDecoder(r).decode(op, namespace);
        }

        private CimRequest extrinsicCall() throws CimXmlException {
            methodName = c.requiredAttr("NAME");
            intrinsic = false;
            c.nextStart("METHODCALL", "LOCALCLASSPATH or LOCALINSTANCEPATH");
            if (c.is("LOCALCLASSPATH")) {
                objectPath = r.paths().readLocalClassPath();
            } else if (c.is("LOCALINSTANCEPATH")) {
                objectPath = r.paths().readLocalInstancePath();
            } else {
                throw c.invalid("METHODCALL needs LOCALCLASSPATH or LOCALINSTANCEPATH, found " + c.name());
            }
            namespace = objectPath.namespace();
            List<ParamValue> params = new ArrayList<>();
            Set<CimName> seen = new HashSet<>();
            CimException firstError = null;
            while (c.next() == XMLStreamConstants.START_ELEMENT) {
                if (!c.is("PARAMVALUE")) {
                    throw c.unexpectedChild("METHODCALL");
                }
                int depth = c.depth();
                try {
                    ParamValue p = readParamValue(r);
                    if (!seen.add(p.name())) {
                        throw new CimException(CimStatus.INVALID_PARAMETER, "Parameter " + p.name() + " is given twice" + c.at());
                    }
                    params.add(p);
                } catch (CimException e) {
                    if (firstError == null) {
                        firstError = e;
                    }
                    c.skipTo(depth);
                }
            }
            if (firstError != null) {
                throw firstError;
            }
            if (!CimName.isValid(methodName)) {
                throw new CimException(CimStatus.INVALID_PARAMETER, "Method name is not a valid CIM name: \"" + methodName + "\"");
            }
            return new InvokeMethodRequest(namespace, objectPath, CimName.of(methodName), params);
        }
    }

    /**
     * {@code PARAMVALUE} (NAME, PARAMTYPE?, EmbeddedObject?) with any of its DSP0201 content forms;
     * the cursor ends on the PARAMVALUE end tag.
     */
    static ParamValue readParamValue(CimXmlElementReader r) throws CimXmlException {
        XmlCursor c = r.cursor();
        CimName name = r.attributes().name("NAME");
        CimType.Kind paramType = r.attributes().paramTypeAttr();
        CimType.Kind embedded = r.attributes().embeddedAttr();
        CimType.Kind kind = embedded != null && (paramType == null || paramType == CimType.Kind.STRING) ? embedded
                : paramType == null ? CimType.Kind.STRING : paramType;
        if (c.next() != XMLStreamConstants.START_ELEMENT) {
            return paramType == null && embedded == null ? ParamValue.untypedNull(name)
                    : new ParamValue(name, CimValue.nullOf(CimType.scalar(kind)));
        }
        CimValue v;
        switch (c.name()) {
            case "VALUE":
                if (kind == CimType.Kind.REFERENCE) {
                    throw c.badValue("PARAMVALUE " + name + " of PARAMTYPE reference needs VALUE.REFERENCE");
                }
                v = r.values().readValue(CimType.scalar(kind));
                break;
            case "VALUE.ARRAY":
                if (kind == CimType.Kind.REFERENCE) {
                    throw c.badValue("PARAMVALUE " + name + " of PARAMTYPE reference needs VALUE.REFARRAY");
                }
                v = r.values().readValueArray(CimType.arrayOf(kind));
                break;
            case "VALUE.REFERENCE":
                v = CimValue.ofReference(r.paths().readValueReference());
                break;
            case "VALUE.REFARRAY":
                v = CimValue.of(CimType.arrayOf(CimType.Kind.REFERENCE), r.paths().readValueRefArray());
                break;
            case "CLASSNAME":
                v = CimValue.ofReference(r.paths().readClassName());
                break;
            case "INSTANCENAME":
                v = CimValue.ofReference(r.paths().readInstanceName(null, null));
                break;
            case "CLASS":
                v = CimValue.of(CimType.OBJECT, r.objects().readClass());
                break;
            case "INSTANCE":
                v = CimValue.of(kind == CimType.Kind.OBJECT ? CimType.OBJECT : CimType.INSTANCE, r.objects().readInstance());
                break;
            case "VALUE.NAMEDINSTANCE":
                v = CimValue.of(CimType.INSTANCE, r.objects().readNamedInstance());
                break;
            default:
                throw c.unexpectedChild("PARAMVALUE");
        }
        c.expectEnd("PARAMVALUE");
        return new ParamValue(name, v);
    }
}
