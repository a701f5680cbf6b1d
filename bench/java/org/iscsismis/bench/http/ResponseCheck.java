package org.iscsismis.bench.http;

import java.nio.charset.StandardCharsets;

/**
 * Validation of a response in the hot loop without parsing XML: HTTP status 200, no {@code <ERROR}
 * element, no CIMStatusCode trailer, the expected number of occurrences of one element start tag and,
 * optionally, a byte string that must be present (e.g. the requested key).
 */
final class ResponseCheck {
    private static final byte[] ERROR = "<ERROR".getBytes(StandardCharsets.US_ASCII);

    private final byte[] element;
    private final int expectedCount;
    private final byte[] mustContain;
    private final String description;

    /**
     * @param element the element name whose start tags are counted, e.g. {@code VALUE.NAMEDINSTANCE}
     * @param expectedCount how many there must be
     * @param mustContain text that must occur in the body, or null
     */
    ResponseCheck(String element, int expectedCount, String mustContain) {
        this.element = ("<" + element).getBytes(StandardCharsets.US_ASCII);
        this.expectedCount = expectedCount;
        this.mustContain = mustContain == null ? null : mustContain.getBytes(StandardCharsets.UTF_8);
        this.description = expectedCount + " x <" + element + ">" + (mustContain == null ? "" : " with " + mustContain);
    }

    /** Returns null when the response is right, else what is wrong. */
    String validate(HttpResponse r) {
        if (r.status != 200) return "HTTP status " + r.status + " (" + r.statusLine + ")" + cimError(r);
        if (r.trailer("CIMStatusCode") != null) {
            return "CIMStatusCode trailer " + r.trailer("CIMStatusCode") + ": " + r.trailer("CIMStatusCodeDescription");
        }
        byte[] b = r.body;
        int n = r.bodyLength;
        if (indexOf(b, n, ERROR, 0) >= 0) return "ERROR in response: " + excerpt(r, indexOf(b, n, ERROR, 0));
        int count = countElements(b, n, element);
        if (count != expectedCount) return "expected " + description + ", found " + count;
        if (mustContain != null && indexOf(b, n, mustContain, 0) < 0) return "expected " + description + ", key missing";
        return null;
    }

    /** Counts start tags {@code <NAME} followed by white space, '>' or '/', so that {@code <INSTANCE} does not count {@code <INSTANCENAME}. */
    static int countElements(byte[] b, int n, byte[] startTag) {
        int count = 0;
        int from = 0;
        while (true) {
            int at = indexOf(b, n, startTag, from);
            if (at < 0) return count;
            int next = at + startTag.length;
            if (next < n) {
                byte c = b[next];
                if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n') count++;
            }
            from = next;
        }
    }

    static int indexOf(byte[] b, int n, byte[] pattern, int from) {
        byte first = pattern[0];
        int last = n - pattern.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) continue;
            for (int j = 1; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    private static String cimError(HttpResponse r) {
        String e = r.header("CIMError");
        return e == null ? "" : ", CIMError: " + e;
    }

    private static String excerpt(HttpResponse r, int at) {
        int end = Math.min(r.bodyLength, at + 300);
        return new String(r.body, at, end - at, StandardCharsets.UTF_8);
    }
}
