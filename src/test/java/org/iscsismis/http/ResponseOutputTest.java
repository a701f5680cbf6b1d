package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The response buffer at its boundaries (fixture buffer: 4 KiB, about 40 results of ~100 bytes). */
class ResponseOutputTest {

    private static final String BODY = body("EnumerateClassNames", "root/cimv2");

    private static RawHttpConnection.RawResponse run(int results) throws Exception {
        try (HandlerFixture fixture = new HandlerFixture()) {
            fixture.executor.set(HandlerFixture.results(results));
            return fixture.exchange(post("EnumerateClassNames", "root/cimv2", bytes(BODY)), bytes(BODY));
        }
    }

    @Test
    void fitsTheBuffer() throws Exception {
        RawHttpConnection.RawResponse r = run(30);
        assertFalse(r.chunked());
        assertEquals(30 * 100 + 4, Integer.parseInt(r.header("Content-Length")));
    }

    @Test
    void exactlyOneBufferAndMore() throws Exception {
        for (int n : new int[] {40, 41, 81, 400}) {
            RawHttpConnection.RawResponse r = run(n);
            assertEquals(n + 1, r.body().lines().count(), "results " + n);
            assertTrue(r.complete());
            assertTrue(r.body().endsWith("END\n"));
        }
    }
}
