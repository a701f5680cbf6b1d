package org.iscsismis.http;

import java.io.OutputStream;
import org.iscsismis.cim.CimException;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.operation.ResponseSink;

/**
 * One response being written: a {@link ResponseSink} for the results plus the two ways to end it
 * (the shape of {@code CimXmlResponseWriter}). Whether an ERROR can still replace the output is
 * decided by the HTTP layer's buffer (uncommitted or not), which always creates a fresh encoder
 * for it, so the writer's own {@code hasWrittenResults()} is not needed here.
 */
public interface ResponseEncoder extends ResponseSink {

    /** Ends a successful response; flushes into the stream but does not close it. */
    void finishSuccess();

    /** Writes a complete ERROR response; called only on an encoder that has written nothing. */
    void finishError(CimException error);

    /** Creates the encoder for one response. */
    @FunctionalInterface
    interface Factory {

        ResponseEncoder create(OutputStream out, ParsedRequest request);
    }
}
