package org.iscsismis.cimxml;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;

/**
 * The server's side of indication export (DSP0200 export, the server acting as a client of a listener): writes the
 * {@code SIMPLEEXPREQ / EXPMETHODCALL NAME="ExportIndication" / EXPPARAMVALUE NAME="NewIndication" / INSTANCE}
 * document and reads the listener's {@code SIMPLEEXPRSP / EXPMETHODRESPONSE} (empty, or with an ERROR). The HTTP
 * headers that go with it are {@link #EXPORT_HEADER} and {@link #EXPORT_METHOD_HEADER}. Thread-safe.
 */
public final class CimXmlExportCodec {

    /** {@code CIMExport: MethodRequest}. */
    public static final String EXPORT_HEADER = "CIMExport";
    public static final String EXPORT_REQUEST = "MethodRequest";
    /** {@code CIMExportMethod: ExportIndication}. */
    public static final String EXPORT_METHOD_HEADER = "CIMExportMethod";
    public static final String EXPORT_INDICATION = "ExportIndication";

    private final XMLInputFactory factory = CimXmlRequestReader.newFactory(ReaderLimits.DEFAULT);

    /** The ExportIndication request document for {@code indication}, as UTF-8. */
    public byte[] exportIndication(CimInstance indication, String messageId) {
        Objects.requireNonNull(indication, "indication must not be null");
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            XMLStreamWriter2 x = CimXmlElementWriter.newWriter(out);
            x.writeStartDocument("utf-8", "1.0");
            x.writeStartElement("CIM");
            x.writeAttribute("CIMVERSION", "2.0");
            x.writeAttribute("DTDVERSION", "2.0");
            x.writeStartElement("MESSAGE");
            x.writeAttribute("ID", messageId);
            x.writeAttribute("PROTOCOLVERSION", "1.0");
            x.writeStartElement("SIMPLEEXPREQ");
            x.writeStartElement("EXPMETHODCALL");
            x.writeAttribute("NAME", EXPORT_INDICATION);
            x.writeStartElement("EXPPARAMVALUE");
            x.writeAttribute("NAME", "NewIndication");
            new CimXmlElementWriter(x).instance(indication);
            x.writeEndElement(); // EXPPARAMVALUE
            x.writeEndElement(); // EXPMETHODCALL
            x.writeEndElement(); // SIMPLEEXPREQ
            x.writeEndElement(); // MESSAGE
            x.writeEndElement(); // CIM
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an ExportIndication request: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** {@code indication}'s request, to be written once and completed per listener (see {@link ExportTemplate}). */
    public ExportTemplate template(CimInstance indication) {
        return new ExportTemplate(this, indication);
    }

    /**
     * Reads a listener's answer (not closed).
     *
     * @throws CimException    the ERROR the listener answered
     * @throws CimXmlException the body is not a CIM-XML export response
     */
    public void readExportResponse(InputStream body) throws CimXmlException {
        CimXmlClientCodec.readMessage(factory, body, "SIMPLEEXPRSP", "EXPMETHODRESPONSE", (c, r) -> {
            while (c.next() == XMLStreamConstants.START_ELEMENT) {
                if (c.is("ERROR")) {
                    throw CimXmlClientCodec.error(c);
                }
                c.skipElement();
            }
            return null;
        });
    }
}
