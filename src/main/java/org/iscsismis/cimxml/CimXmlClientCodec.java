package org.iscsismis.cimxml;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLStreamWriter2;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.GetQualifierRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.SetQualifierRequest;

/**
 * The client side of the codec, for the few intrinsic operations a client of our own needs
 * ({@code mof load}): writes the IMETHODCALL body of a request record and decodes the
 * IMETHODRESPONSE (an ERROR, or the CLASS / QUALIFIER.DECLARATION / INSTANCENAME elements of
 * IRETURNVALUE) with the same element writer and reader the server uses. Thread-safe.
 *
 * <p>Supported requests: GetClass, GetQualifier, SetQualifier, CreateClass, ModifyClass,
 * CreateInstance. GetClass's PropertyList is not written (all properties).
 */
public final class CimXmlClientCodec {

    private final XMLInputFactory factory = CimXmlRequestReader.newFactory(ReaderLimits.DEFAULT);

    /** A decoded response: the objects of IRETURNVALUE (CimClass, CimQualifierType, ObjectPath), in order. */
    public record Response(List<Object> returnValues) {
        public Response {
            returnValues = List.copyOf(returnValues);
        }
    }

    /** The HTTP {@code CIMObject} header value of an intrinsic call on {@code namespace}. */
    public static String cimObjectHeader(CimNamespace namespace) {
        return namespace.toString();
    }

    /** The complete request document for {@code request}, as UTF-8. */
    public byte[] encode(CimRequest request, String messageId) {
        Objects.requireNonNull(request, "request must not be null");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter2 x = CimXmlElementWriter.newWriter(out);
            CimXmlElementWriter w = new CimXmlElementWriter(x);
            x.writeStartDocument("utf-8", "1.0");
            x.writeStartElement("CIM");
            x.writeAttribute("CIMVERSION", "2.0");
            x.writeAttribute("DTDVERSION", "2.0");
            x.writeStartElement("MESSAGE");
            x.writeAttribute("ID", messageId);
            x.writeAttribute("PROTOCOLVERSION", "1.0");
            x.writeStartElement("SIMPLEREQ");
            x.writeStartElement("IMETHODCALL");
            x.writeAttribute("NAME", request.operationName());
            w.localNamespacePath(request.namespace());
            if (request instanceof GetClassRequest r) {
                iparam(x, "ClassName");
                w.className(r.className());
                x.writeEndElement();
                boolParam(x, "LocalOnly", r.localOnly());
                boolParam(x, "IncludeQualifiers", r.includeQualifiers());
                boolParam(x, "IncludeClassOrigin", r.includeClassOrigin());
            } else if (request instanceof GetQualifierRequest r) {
                iparam(x, "QualifierName");
                x.writeStartElement("VALUE");
                x.writeCharacters(r.qualifierName().toString());
                x.writeEndElement();
                x.writeEndElement();
            } else if (request instanceof SetQualifierRequest r) {
                iparam(x, "QualifierDeclaration");
                w.qualifierDeclaration(r.qualifierDeclaration());
                x.writeEndElement();
            } else if (request instanceof CreateClassRequest r) {
                iparam(x, "NewClass");
                w.cimClass(r.newClass());
                x.writeEndElement();
            } else if (request instanceof ModifyClassRequest r) {
                iparam(x, "ModifiedClass");
                w.cimClass(r.modifiedClass());
                x.writeEndElement();
            } else if (request instanceof CreateInstanceRequest r) {
                iparam(x, "NewInstance");
                w.instance(r.newInstance());
                x.writeEndElement();
            } else {
                throw new IllegalArgumentException("the client codec cannot write " + request.operationName());
            }
            x.writeEndElement(); // IMETHODCALL
            x.writeEndElement(); // SIMPLEREQ
            x.writeEndElement(); // MESSAGE
            x.writeEndElement(); // CIM
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a " + request.operationName() + " request: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void iparam(XMLStreamWriter2 x, String name) throws XMLStreamException {
        x.writeStartElement("IPARAMVALUE");
        x.writeAttribute("NAME", name);
    }

    private static void boolParam(XMLStreamWriter2 x, String name, boolean value) throws XMLStreamException {
        iparam(x, name);
        x.writeStartElement("VALUE");
        x.writeCharacters(Boolean.toString(value));
        x.writeEndElement();
        x.writeEndElement();
    }

    /**
     * Decodes an IMETHODRESPONSE document (not closed).
     *
     * @throws CimException    the ERROR the server answered (its code and description)
     * @throws CimXmlException the body is not a CIM-XML method response
     */
    public Response decode(InputStream body) throws CimXmlException {
        return readMessage(factory, body, "SIMPLERSP", "IMETHODRESPONSE", (c, r) -> {
            List<Object> values = new ArrayList<>();
            while (c.next() == XMLStreamConstants.START_ELEMENT) {
                if (c.is("ERROR")) {
                    throw error(c);
                } else if (c.is("IRETURNVALUE")) {
                    while (c.next() == XMLStreamConstants.START_ELEMENT) {
                        switch (c.name()) {
                            case "CLASS" -> values.add(r.objects().readClass());
                            case "QUALIFIER.DECLARATION" -> values.add(r.qualifiers().readQualifierDeclaration());
                            case "INSTANCENAME" -> values.add(r.paths().readInstanceName(null, null));
                            default -> c.skipElement();
                        }
                    }
                } else {
                    c.skipElement();
                }
            }
            return new Response(values);
        });
    }

    /** Reads the children of a response element, positioned on it. */
    @FunctionalInterface
    interface ResponseBody<T> {
        T read(XmlCursor cursor, CimXmlElementReader reader) throws CimXmlException;
    }

    /**
     * Opens a response document (not closing {@code body}), walks CIM / MESSAGE / {@code simple} / {@code response}
     * and hands the cursor, on that element, to {@code reader}.
     */
    static <T> T readMessage(XMLInputFactory factory, InputStream body, String simple, String response, ResponseBody<T> reader)
            throws CimXmlException {
        XMLStreamReader xr;
        try {
            xr = factory.createXMLStreamReader(body);
        } catch (XMLStreamException e) {
            throw ParserFailures.translate(e, ReaderLimits.DEFAULT, "");
        }
        try {
            XmlCursor c = new XmlCursor(xr, ReaderLimits.DEFAULT);
            if (c.next() != XMLStreamConstants.START_ELEMENT) {
                throw c.invalid("the document has no root element");
            }
            c.require("CIM");
            c.nextStart("CIM", "MESSAGE");
            c.require("MESSAGE");
            c.nextStart("MESSAGE", simple);
            c.require(simple);
            c.nextStart(simple, response);
            c.require(response);
            return reader.read(c, new CimXmlElementReader(c, factory, ReaderLimits.DEFAULT, 0, UnaryOperator.identity()));
        } finally {
            try {
                xr.close();
            } catch (XMLStreamException ignored) {
                // the stream belongs to the caller
            }
        }
    }

    /** The ERROR element at the cursor as an exception (an unknown code becomes FAILED, the code kept in the text). */
    static CimException error(XmlCursor c) throws CimXmlException {
        String code = c.requiredAttr("CODE");
        String description = c.attr("DESCRIPTION");
        CimStatus status;
        try {
            status = CimStatus.fromCode(Integer.parseInt(code.trim()));
        } catch (IllegalArgumentException e) {
            status = CimStatus.FAILED;
            description = "(CIM status " + code + ") " + (description == null ? "" : description);
        }
        return new CimException(status, description);
    }
}
