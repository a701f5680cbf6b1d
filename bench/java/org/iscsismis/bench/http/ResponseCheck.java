package org.iscsismis.bench.http;

import java.nio.charset.StandardCharsets;

/**
 * Validation of a response in the hot loop without parsing XML: HTTP status 200, no CIMStatusCode
 * trailer, no {@code <ERROR} element, the expected number of start tags of one element and,
 * optionally, a text that must be present (e.g. the requested key).
 */
final class ResponseCheck {
    private static final BytePattern ERROR = new BytePattern("<ERROR");
    private static final BytePattern IRETURNVALUE = new BytePattern("<IRETURNVALUE");

    private final BytePattern element;
    private final int expectedCount;
    private final BytePattern mustContain;
    private final String description;

    /**
     * @param element the element name whose start tags are counted, e.g. {@code VALUE.NAMEDINSTANCE}
     * @param expectedCount how many there must be
     * @param mustContain text that must occur in the body, or null
     */
    ResponseCheck(String element, int expectedCount, String mustContain) {
        this.element = new BytePattern("<" + element);
        this.expectedCount = expectedCount;
        this.mustContain = mustContain == null ? null : new BytePattern(mustContain);
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
        // IMETHODRESPONSE holds either ERROR or IRETURNVALUE (DSP0203), so ERROR can only come before IRETURNVALUE
        int results = IRETURNVALUE.indexIn(b, 0, n);
        int error = ERROR.indexIn(b, 0, results < 0 ? n : results);
        if (error >= 0) return "ERROR in response: " + excerpt(r, error);
        int count = element.countStartTags(b, n);
        if (count != expectedCount) return "expected " + description + ", found " + count;
        if (mustContain != null && mustContain.indexIn(b, 0, n) < 0) return "expected " + description + ", key missing";
        return null;
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
