package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.iscsismis.http.HandlerFixture.results;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streaming, late errors, body limits and keep-alive. The fixture's response buffer is 4 KiB and a
 * result line ~100 bytes, so more than ~40 results commit the response before the operation ends.
 */
class CimOperationHandlerStreamingTest {

    private static final String BODY = body("EnumerateClassNames", "root/cimv2");
    private static final String HEAD = post("EnumerateClassNames", "root/cimv2", bytes(BODY));
    private HandlerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new HandlerFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static OperationExecutor failAfter(int n, CimStatus status) {
        return (request, caller, sink) -> {
            results(n).execute(request, caller, sink);
            throw new CimException(status, "failed after " + n + " results");
        };
    }

    @Test
    void largeResponseStreamsAndCompletes() throws Exception {
        fixture.executor.set(results(500));
        RawHttpConnection.RawResponse r = fixture.exchange(HEAD, bytes(BODY));
        assertEquals(200, r.status());
        assertTrue(r.complete());
        assertTrue(r.chunked(), "larger than the buffer: streamed");
        assertEquals(501, r.body().lines().count());
        assertTrue(r.body().endsWith("END\n"));
    }

    @Test
    void lateErrorWithTrailersGoesIntoTheTrailers() throws Exception {
        fixture.executor.set(failAfter(200, CimStatus.NOT_FOUND));
        RawHttpConnection.RawResponse r = fixture.exchange(HEAD + "TE: trailers\n", bytes(BODY));
        assertEquals(200, r.status());
        assertTrue(r.chunked());
        assertTrue(r.complete());
        assertEquals("CIMStatusCode, CIMStatusCodeDescription", r.header("Trailer"));
        assertEquals("6", r.trailer("CIMStatusCode"));
        assertEquals("CIM_ERR_NOT_FOUND: failed after 200 results", r.trailer("CIMStatusCodeDescription"));
        assertFalse(r.body().contains("END"));
    }

    @Test
    void successWithTrailersHasNoStatusTrailer() throws Exception {
        fixture.executor.set(results(3));
        RawHttpConnection.RawResponse r = fixture.exchange(HEAD + "TE: chunked, trailers\n", bytes(BODY));
        assertEquals(200, r.status());
        assertTrue(r.complete());
        assertNull(r.trailer("CIMStatusCode"));
        assertTrue(r.body().endsWith("END\n"));
    }

    @Test
    void lateErrorWithoutTrailersAbortsTheConnection() throws Exception {
        fixture.executor.set(failAfter(200, CimStatus.FAILED));
        try (RawHttpConnection c = fixture.connect()) {
            RawHttpConnection.RawResponse r = c.send(HEAD, bytes(BODY)).read();
            assertEquals(200, r.status());
            assertFalse(r.complete(), "a partial result must not look complete");
            assertFalse(r.body().contains("END"));
        }
    }

    @Test
    void errorBeforeCommitReplacesBufferedResults() throws Exception {
        fixture.executor.set(failAfter(5, CimStatus.INVALID_CLASS));
        RawHttpConnection.RawResponse r = fixture.exchange(HEAD, bytes(BODY));
        assertEquals(200, r.status());
        assertEquals("ERROR 5 failed after 5 results\n", r.body());
        assertEquals(Integer.toString(r.body().length()), r.header("Content-Length"));
    }

    @Test
    void notSupportedIsAnErrorInside200() throws Exception {
        fixture.executor.set((request, caller, sink) -> {
            throw new CimException(CimStatus.NOT_SUPPORTED, "Frobnicate is not supported");
        });
        RawHttpConnection.RawResponse r = fixture.exchange(HEAD, bytes(BODY));
        assertEquals(200, r.status());
        assertEquals("ERROR 7 Frobnicate is not supported\n", r.body());
    }

    @Test
    void unexpectedExceptionIs500WithoutStackTrace() throws Exception {
        fixture.executor.set((request, caller, sink) -> {
            throw new IllegalStateException("secret internals");
        });
        RawHttpConnection.RawResponse r = fixture.exchange(HEAD, bytes(BODY));
        assertEquals(500, r.status());
        assertFalse(r.body().contains("secret"), r.body());
        assertFalse(r.body().contains("at org."), r.body());
    }

    @Test
    void keepAliveSurvivesErrorResponses() throws Exception {
        try (RawHttpConnection c = fixture.connect()) {
            assertEquals(400, c.send(HEAD.replace("CIMMethod: EnumerateClassNames", "CIMMethod: GetClass"), bytes(BODY)).read().status());
            assertEquals(404, c.send(HEAD.replace("/cimom", "/x"), bytes(BODY)).read().status());
            fixture.executor.set(failAfter(1, CimStatus.INVALID_NAMESPACE));
            assertTrue(c.send(HEAD, bytes(BODY)).read().body().startsWith("ERROR 3"));
            fixture.executor.set(results(100));
            RawHttpConnection.RawResponse r = c.send(HEAD, bytes(BODY)).read();
            assertEquals(200, r.status());
            assertTrue(r.body().endsWith("END\n"));
            assertEquals(200, c.send(HEAD, bytes(BODY)).read().status());
        }
    }

    @Test
    void declaredOversizedBodyIsRefusedBeforeReading() throws Exception {
        try (RawHttpConnection c = fixture.connect()) {
            String head = HEAD.replaceFirst("Content-Length: \\d+", "Content-Length: 100000000");
            RawHttpConnection.RawResponse r = c.send(head, null).read();
            assertEquals(413, r.status());
            assertEquals("close", r.header("Connection"));
        }
    }

    /**
     * A client that writes its whole body before reading must get the 413: answered with the body unread, the
     * close would reset the connection and the answer could be lost (seen with Java's HttpClient).
     */
    @Test
    void declaredBodyOverTheLimitIsDrainedBeforeTheAnswer() throws Exception {
        byte[] body = " ".repeat((int) HandlerFixture.LIMITS.maxBodyBytes() * 3 / 2).getBytes(StandardCharsets.ISO_8859_1);
        try (RawHttpConnection c = fixture.connect()) {
            String head = HEAD.replaceFirst("Content-Length: \\d+", "Content-Length: " + body.length);
            c.send(head, Arrays.copyOf(body, body.length / 2));
            assertFalse(c.answersWithin(300), "the answer waits for the rest of the body");
            c.write(new String(body, body.length / 2, body.length - body.length / 2, StandardCharsets.ISO_8859_1));
            RawHttpConnection.RawResponse r = c.read();
            assertEquals(413, r.status(), r.body());
            assertTrue(r.complete());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void chunkedOversizedBodyIsRefusedWhileReading() throws Exception {
        try (RawHttpConnection c = fixture.connect()) {
            String head = HEAD.replaceFirst("Content-Length: \\d+\n", "Transfer-Encoding: chunked\n");
            c.send(head, null);
            String padding = "#" + "x".repeat(1000) + "\n";
            c.write(Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n");
            for (int i = 0; i < 10; i++) {
                c.write(Integer.toHexString(padding.length()) + "\r\n" + padding + "\r\n");
            }
            c.write("0\r\n\r\n");
            RawHttpConnection.RawResponse r = c.read();
            assertEquals(413, r.status(), r.body());
        }
    }

    @Test
    void chunkedBodyWithinTheLimitIsAccepted() throws Exception {
        try (RawHttpConnection c = fixture.connect()) {
            String head = HEAD.replaceFirst("Content-Length: \\d+\n", "Transfer-Encoding: chunked\n");
            c.send(head, null);
            c.write(Integer.toHexString(BODY.length()) + "\r\n" + BODY + "\r\n0\r\n\r\n");
            assertEquals(200, c.read().status());
        }
    }

    @Test
    void http10PostIsServed() throws Exception {
        RawHttpConnection.RawResponse r = fixture.exchange(HEAD.replace("HTTP/1.1", "HTTP/1.0"), bytes(BODY));
        assertEquals(200, r.status());
        assertTrue(r.body().endsWith("END\n"));
    }
}
