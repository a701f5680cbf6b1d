package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iscsismis.cim.CimName;
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

    /**
     * Past the first buffer, writes of a quarter of the buffer or more go to Jetty without a copy, smaller
     * ones are buffered: lines of mixed sizes (100 bytes to 2.5 buffers) arrive whole and in order.
     */
    @Test
    void largeWritesAfterTheFirstBufferArriveInOrder() throws Exception {
        int[] sizes = {100, 5000, 1024, 900, 10_000, 4096, 3000, 100, 100, 4095, 1100, 12_000, 50, 2000};
        try (HandlerFixture fixture = new HandlerFixture()) {
            fixture.executor.set((request, caller, sink) -> {
                for (int i = 0; i < sizes.length; i++) {
                    sink.className(CimName.of("CIM_" + i + "_" + "x".repeat(sizes[i])));
                }
            });
            RawHttpConnection.RawResponse r = fixture.exchange(post("EnumerateClassNames", "root/cimv2", bytes(BODY)),
                    bytes(BODY));
            assertTrue(r.complete());
            List<String> lines = r.body().lines().toList();
            assertEquals(sizes.length + 1, lines.size());
            for (int i = 0; i < sizes.length; i++) {
                assertEquals(("CLASSNAME CIM_" + i + "_" + "x".repeat(sizes[i])).strip(), lines.get(i).strip(), "line " + i);
            }
            assertEquals("END", lines.get(sizes.length));
        }
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
