package org.iscsismis.cimxml;

import java.io.InputStream;

/** Decodes one CIM-XML request message (DSP0201) into an operation record. Thread-safe. */
public final class CimXmlRequestReader {

    public ParsedRequest read(InputStream body, ReaderLimits limits) throws CimXmlException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
