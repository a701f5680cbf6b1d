package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
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

    /** A buffer handed to Jetty: the array it wraps, and the bytes it held then (the array may be reused). */
    private record Handed(byte[] array, byte[] bytes) {
    }

    /** Records the buffers handed to Jetty, in order; each write completes at once. */
    private static Response recording(List<Handed> writes) {
        HttpFields.Mutable headers = HttpFields.build();
        return (Response) Proxy.newProxyInstance(Response.class.getClassLoader(), new Class<?>[] {Response.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "write" -> {
                        ByteBuffer b = (ByteBuffer) args[1];
                        writes.add(new Handed(b.array(), Arrays.copyOfRange(b.array(), b.arrayOffset() + b.position(),
                                b.arrayOffset() + b.limit())));
                        ((Callback) args[2]).succeeded();
                        yield null;
                    }
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * Once the response is committed, every large write is handed to Jetty as the caller's own array, even when
     * smaller writes left bytes gathered before it (they go first): a writer's drained buffers are never copied.
     */
    @Test
    void largeWritesAfterGatheredBytesAreNotCopied() throws Exception {
        List<Handed> writes = new ArrayList<>();
        ResponseOutput out = new ResponseOutput(recording(writes), 4096, false);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        List<byte[]> large = new ArrayList<>();
        int[] sizes = {3000, 3000, 2048, 100, 4000, 1024, 50};
        for (int k = 0; k < sizes.length; k++) {
            byte[] b = new byte[sizes[k] + 2];
            Arrays.fill(b, (byte) ('a' + k));
            out.write(b, 1, sizes[k]);
            expected.write(b, 1, sizes[k]);
            if (k >= 2 && sizes[k] >= 1024) {
                large.add(b);
            }
        }
        out.complete();

        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        List<byte[]> handedOver = new ArrayList<>();
        for (Handed w : writes) {
            handedOver.add(w.array());
            sent.write(w.bytes());
        }
        assertArrayEquals(expected.toByteArray(), sent.toByteArray(), "every byte, in order");
        for (byte[] b : large) {
            assertTrue(handedOver.stream().anyMatch(a -> a == b), "a large write went to Jetty as the caller's array");
        }
        assertEquals(4096, writes.get(0).bytes().length, "the first buffer, full");
        assertEquals(6000 - 4096, writes.get(1).bytes().length, "then what was gathered after it, before the large write");
        assertSame(writes.get(0).array(), writes.get(1).array());
    }
}
