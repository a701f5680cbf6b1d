package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.dispatch.MemoryBudget;
import org.junit.jupiter.api.Test;

/**
 * What a slow or hostile client gets: refusals that never wait for a body nobody should read, bodies
 * that trickle cut off with 408, and requests beyond the memory budget answered 503 with Retry-After.
 */
class CimOperationHandlerAbuseTest {

    private static final String BODY = body("GetClass", "root/cimv2");

    private static String headDeclaring(int length, String... extra) {
        return post("GetClass", "root/cimv2", new byte[length], extra);
    }

    @Test
    void unauthenticatedRequestIsAnsweredWithoutWaitingForItsBody() throws Exception {
        try (HandlerFixture fixture = new HandlerFixture(BasicAuthenticator.ofLegacy(Map.of("alice", "pw"), 1000));
             RawHttpConnection c = fixture.connect()) {
            // 8 000 bytes announced, none sent: the 401 must not wait for them (the socket times out after 10 s)
            RawHttpConnection.RawResponse r = c.send(headDeclaring(8000), null).read();
            assertEquals(401, r.status());
            assertTrue(c.closedByServer(), "a connection whose body was never read cannot be reused");
        }
    }

    @Test
    void refusedRequestWithItsBodyKeepsTheConnection() throws Exception {
        try (HandlerFixture fixture = new HandlerFixture(BasicAuthenticator.ofLegacy(Map.of("alice", "pw"), 1000));
             RawHttpConnection c = fixture.connect()) {
            assertEquals(401, c.send(post("GetClass", "root/cimv2", bytes(BODY)), bytes(BODY)).read().status());
            assertEquals(401, c.send(post("GetClass", "root/cimv2", bytes(BODY)), bytes(BODY)).read().status());
        }
    }

    @Test
    void bodyTrickledBelowTheMinimumRateIs408() throws Exception {
        HttpLimits limits = new HttpLimits(8 * 1024, ReaderLimits.DEFAULT, 4 * 1024, 60_000, 1024);
        try (HandlerFixture fixture = new HandlerFixture(Authenticator.none(), limits, MemoryBudget.unlimited());
             RawHttpConnection c = fixture.connect()) {
            c.send(headDeclaring(5000), null).write("method=");
            RawHttpConnection.RawResponse r = c.read();
            assertEquals(408, r.status(), r.body());
            assertTrue(r.body().contains("below the minimum of 1024 bytes per second"), r.body());
            assertEquals("close", r.header("Connection"));
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void bodyNotCompleteWithinTheBodyTimeoutIs408() throws Exception {
        HttpLimits limits = new HttpLimits(8 * 1024, ReaderLimits.DEFAULT, 4 * 1024, 1500, 0);
        try (HandlerFixture fixture = new HandlerFixture(Authenticator.none(), limits, MemoryBudget.unlimited());
             RawHttpConnection c = fixture.connect()) {
            c.send(headDeclaring(5000), null).write("method=GetClass\n");
            RawHttpConnection.RawResponse r = c.read();
            assertEquals(408, r.status(), r.body());
            assertTrue(r.body().contains("did not arrive within 1500 ms (16 bytes received)"), r.body());
        }
    }

    @Test
    void requestBeyondTheMemoryBudgetIs503WithRetryAfter() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        try (HandlerFixture fixture = new HandlerFixture(Authenticator.none(), HandlerFixture.LIMITS, budget)) {
            RawHttpConnection.RawResponse r = fixture.exchange(post("GetClass", "root/cimv2", bytes(BODY)), bytes(BODY));
            assertEquals(503, r.status(), r.body());
            assertEquals("1", r.header("Retry-After"));
            assertTrue(r.body().contains("would exceed its memory budget"), r.body());
            awaitReleased(budget);
        }
    }

    @Test
    void everyRequestGivesItsMemoryBack() throws Exception {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        try (HandlerFixture fixture = new HandlerFixture(Authenticator.none(), HandlerFixture.LIMITS, budget);
             RawHttpConnection c = fixture.connect()) {
            for (int i = 0; i < 5; i++) {
                assertEquals(200, c.send(post("GetClass", "root/cimv2", bytes(BODY)), bytes(BODY)).read().status());
            }
            assertEquals(400, c.send(post("GetInstance", "root/cimv2", bytes(BODY)), bytes(BODY)).read().status());
            awaitReleased(budget);
        }
    }

    /** The reservation is closed as the response completes, which the client may see a moment earlier. */
    private static void awaitReleased(MemoryBudget budget) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (budget.used() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.sleep(1);
        }
        assertEquals(0, budget.used(), "bytes still reserved");
    }
}
