package org.iscsismis.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One response read by {@link HttpConnection}. The object and its body array are reused by the
 * connection for the next exchange: copy what must outlive it ({@link #capture()}).
 */
final class HttpResponse {
    int status;
    String statusLine;
    final List<String[]> headers = new ArrayList<>();
    final List<String[]> trailers = new ArrayList<>();
    boolean chunked;
    /** Body bytes after de-chunking, valid in {@code [0, bodyLength)}. */
    byte[] body = new byte[0];
    int bodyLength;
    /** Bytes of the whole response as received (status line, headers, framing, body, trailers). */
    long wireBytes;

    void reset() {
        status = 0;
        statusLine = null;
        headers.clear();
        trailers.clear();
        chunked = false;
        bodyLength = 0;
        wireBytes = 0;
    }

    String header(String name) {
        return find(headers, name);
    }

    String trailer(String name) {
        return find(trailers, name);
    }

    String bodyAsString() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    /** An immutable copy of this response, for the upper-limit replay and for non-hot-path parsing. */
    CapturedResponse capture() {
        byte[] copy = java.util.Arrays.copyOf(body, bodyLength);
        return new CapturedResponse(status, List.copyOf(headers), chunked, copy);
    }

    private static String find(List<String[]> fields, String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) return f[1];
        }
        return null;
    }
}
