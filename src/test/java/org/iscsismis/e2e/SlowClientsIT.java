package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * 2 000 connections that trickle their headers and 500 that trickle their bodies, at once, against a server
 * with the default limits, while a normal client (the SBLIM client on 127.0.0.1) goes on reading an instance:
 * every one of its GetInstance calls is answered, the slow connections are closed by the server (per-address
 * limit, header deadline, 401 without reading the body, 408 below the minimum body rate), and once they are gone
 * the server holds no connection. The attackers come from loopback addresses of their own (127.0.1.x, 127.0.2.x).
 * How fast the normal client is answered meanwhile is measured in bench/ (docs/benchmarks.md), not here.
 */
class SlowClientsIT {

    private static final String SLOW_HEAD = "POST /cimom HTTP/1.1\r\nHost: localhost\r\nX-Trickle: ";
    private static final long GIVE_UP_NANOS = 90_000_000_000L;

    private static String bodyHead(String authorization) {
        return "POST /cimom HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml; charset=utf-8\r\n"
                + "Content-Length: 1000\r\nCIMOperation: MethodCall\r\nCIMMethod: GetClass\r\nCIMObject: root/cimv2\r\n"
                + authorization + "\r\n<?xml version=\"1.0\"?>";
    }

    @Test
    void slowHeadersAndBodiesDoNotStopServiceWithoutAuthentication() throws Exception {
        try (TestServer server = TestServer.start()) {
            Map<Integer, Integer> answers = attack(server, null, null, List.of(bodyHead("")));
            assertTrue(answers.getOrDefault(408, 0) > 0, "slow bodies were answered 408: " + answers);
        }
    }

    @Test
    void slowHeadersAndBodiesDoNotStopServiceWithAuthentication() throws Exception {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.AUTH_USERS, "alice:s3cret");
        try (TestServer server = TestServer.start(config)) {
            String credentials = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes())
                    + "\r\n";
            Map<Integer, Integer> answers = attack(server, "alice", "s3cret", List.of(bodyHead(""), bodyHead(credentials)));
            assertTrue(answers.getOrDefault(401, 0) > 0, "bodies without credentials were answered 401: " + answers);
            assertTrue(answers.getOrDefault(408, 0) > 0, "slow bodies with credentials were answered 408: " + answers);
        }
    }

    /** Runs the attack while the normal client reads; returns how the slow-body connections were answered. */
    private static Map<Integer, Integer> attack(TestServer server, String user, String password, List<String> bodyHeads)
            throws Exception {
        WBEMClient client = user == null ? SblimClients.connect(server.url()) : SblimClients.connect(server.url(), user, password);
        CIMObjectPath objectManager = SblimClients.all(client.enumerateInstanceNames(
                SblimClients.classPath("root/interop", "CIM_ObjectManager"))).get(0);
        int answered = 0;
        Map<Integer, Integer> answers = new java.util.TreeMap<>();
        try (SlowClients headers = SlowClients.open(server.port(), 2000, 1, 6, SLOW_HEAD)) {
            List<SlowClients> bodies = new java.util.ArrayList<>();
            for (int i = 0; i < bodyHeads.size(); i++) {
                bodies.add(SlowClients.open(server.port(), 500 / bodyHeads.size(), 2 + i, 10, bodyHeads.get(i)));
            }
            long start = System.nanoTime();
            long lastTrickle = 0;
            while (headers.stillOpen() > 0 || bodies.stream().anyMatch(b -> b.stillOpen() > 0)) {
                assertTrue(System.nanoTime() - start < GIVE_UP_NANOS, "the server still holds slow connections: "
                        + headers.stillOpen() + " slow heads, " + bodies.stream().mapToInt(SlowClients::stillOpen).sum() + " slow bodies");
                if (System.nanoTime() - lastTrickle > 500_000_000L) { // one byte per connection every half second
                    headers.trickle();
                    bodies.forEach(SlowClients::trickle);
                    lastTrickle = System.nanoTime();
                }
                assertNotNull(client.getInstance(objectManager, false, false, null), "GetInstance during the attack");
                answered++;
            }
            bodies.forEach(b -> b.answers().forEach((status, n) -> answers.merge(status, n, Integer::sum)));
            bodies.forEach(SlowClients::close);
        } finally {
            client.close();
        }
        assertTrue(answered > 0);
        awaitNoConnections(server);
        return answers;
    }

    private static void awaitNoConnections(TestServer server) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (server.server().openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, server.server().openConnections(), "connections left open after the clients went away");
    }
}
