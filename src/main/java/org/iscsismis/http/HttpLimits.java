package org.iscsismis.http;

import java.util.Objects;
import org.iscsismis.cimxml.ReaderLimits;

/**
 * Bounds the HTTP layer enforces per request.
 *
 * @param maxBodyBytes      largest request body accepted; larger bodies get 413, checked against
 *                          Content-Length before reading and counted while reading (chunked uploads)
 * @param xml               the limits handed to the CIM-XML reader
 * @param outputBufferBytes size of the response buffer: a response that fits is sent in one write
 *                          with a Content-Length; a larger one is streamed in writes of this size
 */
public record HttpLimits(long maxBodyBytes, ReaderLimits xml, int outputBufferBytes) {

    /** The default response buffer: 64 KiB, few enough writes for large responses, small per connection. */
    public static final int DEFAULT_OUTPUT_BUFFER_BYTES = 64 * 1024;

    public HttpLimits {
        Objects.requireNonNull(xml, "xml limits must not be null");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (outputBufferBytes < 1024) {
            throw new IllegalArgumentException("outputBufferBytes must be at least 1024, got " + outputBufferBytes);
        }
    }

    public HttpLimits(long maxBodyBytes, ReaderLimits xml) {
        this(maxBodyBytes, xml, DEFAULT_OUTPUT_BUFFER_BYTES);
    }
}
