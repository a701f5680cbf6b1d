package org.iscsismis.http;

import java.util.Objects;
import org.iscsismis.cimxml.ReaderLimits;

/**
 * Bounds the HTTP layer enforces per request.
 *
 * @param maxBodyBytes          largest request body accepted; larger bodies get 413, checked against
 *                              Content-Length before reading and counted while reading (chunked uploads)
 * @param xml                   the limits handed to the CIM-XML reader
 * @param outputBufferBytes     size of the response buffer: a response that fits is sent in one write
 *                              with a Content-Length; a larger one is streamed in writes of this size
 * @param bodyTimeoutMs         the whole body must have arrived this long after the headers, else 408
 * @param minBodyBytesPerSecond the body must arrive at least this fast on average (after the first five
 *                              seconds, a grace), else 408; 0 = no minimum rate
 */
public record HttpLimits(long maxBodyBytes, ReaderLimits xml, int outputBufferBytes, long bodyTimeoutMs,
                         long minBodyBytesPerSecond) {

    /** The default response buffer: 64 KiB, few enough writes for large responses, small per connection. */
    public static final int DEFAULT_OUTPUT_BUFFER_BYTES = 64 * 1024;
    /** A body that has not arrived within a minute comes from a client too slow (or too hostile) to wait for. */
    public static final long DEFAULT_BODY_TIMEOUT_MS = 60_000;
    /** 1 KiB/s: far below any real network, far above a byte-at-a-time trickle. */
    public static final long DEFAULT_MIN_BODY_BYTES_PER_SECOND = 1024;

    public HttpLimits {
        Objects.requireNonNull(xml, "xml limits must not be null");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (outputBufferBytes < 1024) {
            throw new IllegalArgumentException("outputBufferBytes must be at least 1024, got " + outputBufferBytes);
        }
        if (bodyTimeoutMs <= 0) {
            throw new IllegalArgumentException("bodyTimeoutMs must be positive, got " + bodyTimeoutMs);
        }
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBodyBytesPerSecond must not be negative, got " + minBodyBytesPerSecond);
        }
    }

    public HttpLimits(long maxBodyBytes, ReaderLimits xml, int outputBufferBytes) {
        this(maxBodyBytes, xml, outputBufferBytes, DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MIN_BODY_BYTES_PER_SECOND);
    }

    public HttpLimits(long maxBodyBytes, ReaderLimits xml) {
        this(maxBodyBytes, xml, DEFAULT_OUTPUT_BUFFER_BYTES);
    }
}
