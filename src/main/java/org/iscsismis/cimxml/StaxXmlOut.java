package org.iscsismis.cimxml;

import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/** {@link XmlOut} over a StAX writer made by {@link CimXmlElementWriter#newWriter} (or its factory). */
final class StaxXmlOut implements XmlOut {

    private final XMLStreamWriter2 w;

    StaxXmlOut(XMLStreamWriter2 w) {
        this.w = w;
    }

    XMLStreamWriter2 writer() {
        return w;
    }

    @Override
    public void start(String name) throws XMLStreamException {
        w.writeStartElement(name);
    }

    @Override
    public void empty(String name) throws XMLStreamException {
        w.writeEmptyElement(name);
    }

    @Override
    public void attribute(String name, String value) throws XMLStreamException {
        w.writeAttribute(name, XmlChars.sanitize(value));
    }

    @Override
    public void end() throws XMLStreamException {
        w.writeEndElement();
    }

    @Override
    public void text(String s) throws XMLStreamException {
        w.writeCharacters(XmlChars.sanitize(s));
    }

    @Override
    public void number(long v) throws XMLStreamException {
        w.writeLong(v);
    }

    @Override
    public void raw(String s) throws XMLStreamException {
        w.writeRaw(s);
    }

    @Override
    public void flush() throws XMLStreamException {
        w.flush();
    }

    @Override
    public void close() throws XMLStreamException {
        w.close();
    }
}
