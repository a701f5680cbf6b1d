package org.iscsismis.http;

import java.io.InputStream;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlException;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.ObjectPathHeader;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.cimxml.ReaderLimits;

/**
 * What the handler needs from the codec to understand a request: the body and the extrinsic
 * {@code CIMObject} header. Production code uses {@link #of(CimXmlRequestReader)}; tests pass fakes.
 */
public interface RequestDecoder {

    /** Decodes one request body; see {@link CimXmlRequestReader#read}. */
    ParsedRequest decode(InputStream body, ReaderLimits limits) throws CimXmlException;

    /**
     * Parses the %-decoded {@code CIMObject} header of an extrinsic call.
     *
     * @throws IllegalArgumentException when malformed
     */
    ObjectPath parseObjectHeader(String decodedHeader);

    /** The codec's reader and {@link ObjectPathHeader}. */
    static RequestDecoder of(CimXmlRequestReader reader) {
        return new RequestDecoder() {
            @Override
            public ParsedRequest decode(InputStream body, ReaderLimits limits) throws CimXmlException {
                return reader.read(body, limits);
            }

            @Override
            public ObjectPath parseObjectHeader(String decodedHeader) {
                return ObjectPathHeader.parse(decodedHeader);
            }
        };
    }
}
