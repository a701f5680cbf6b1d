package org.iscsismis.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A response kept after its exchange: status, header fields as received, framing, de-chunked body. */
record CapturedResponse(int status, List<String[]> headers, boolean chunked, byte[] body) {

    String header(String name) {
        for (String[] f : headers) {
            if (f[0].equalsIgnoreCase(name)) return f[1];
        }
        return null;
    }

    String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
