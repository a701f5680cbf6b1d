package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The connection limits one at a time, with small values: connections beyond the per-address limit are closed at
 * once while other addresses are served, a connection that does not finish its headers in time is closed, and the
 * server-wide limit bounds what is open at once.
 */
class ConnectionLimitsIT {

    private static final String PARTIAL_HEAD = "POST /cimom HTTP/1.1\r\nHost: localhost\r\n";

    private static String ordinary(RawCimHttp http) {
        HttpResponse<String> r = http.post("EnumerateQualifiers", "root/cimv2", RawCimHttp.intrinsic("EnumerateQualifiers", ""));
        assertEquals(200, r.statusCode(), r::body);
        return r.body();
    }

    @Test
    void connectionsBeyondThePerAddressLimitAreClosedAndOthersServed() throws Exception {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.HTTP_MAX_CONNECTIONS_PER_ADDRESS, "5");
        try (TestServer server = TestServer.start(config); SlowClients many = SlowClients.open(server.port(), 20, 3, 1, PARTIAL_HEAD)) {
            awaitAtMost("connections from 127.0.3.1 held", 5, () -> server.server().openConnections());
            ordinary(new RawCimHttp(server.url()));
            awaitCondition("refused connections noticed by their clients", () -> {
                many.trickle();
                return many.stillOpen() <= 5;
            });
        }
    }

    @Test
    void connectionsTheirClientsClosedNoLongerCountAgainstTheAddress() throws Exception {
        // as wbemcli does: one connection per call, closed by the client once it has the answer
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.HTTP_MAX_CONNECTIONS_PER_ADDRESS, "3");
        try (TestServer server = TestServer.start(config)) {
            for (int i = 1; i <= 10; i++) {
                assertEquals("HTTP/1.1 200 OK", statusOfOneRequestOnItsOwnConnection(server.port()), "request " + i);
                awaitAtMost("connections after request " + i, 0, () -> server.server().openConnections());
            }
        }
    }

    private static String statusOfOneRequestOnItsOwnConnection(int port) throws Exception {
        byte[] body = RawCimHttp.intrinsic("EnumerateQualifiers", "").getBytes(StandardCharsets.UTF_8);
        String head = "POST /cimom HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml; charset=utf-8\r\n"
                + "CIMOperation: MethodCall\r\nCIMMethod: EnumerateQualifiers\r\nCIMObject: root/cimv2\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            return status == null ? "connection closed by the server" : status;
        }
    }

    @Test
    void headersNotCompleteInTimeCloseTheConnection() throws Exception {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.HTTP_HEADER_TIMEOUT_MS, "500");
        try (TestServer server = TestServer.start(config); SlowClients slow = SlowClients.open(server.port(), 10, 4, 2, PARTIAL_HEAD)) {
            awaitCondition("slow heads closed by the server", () -> {
                slow.trickle();
                return slow.stillOpen() == 0;
            });
            awaitAtMost("connections left", 0, () -> server.server().openConnections());
            ordinary(new RawCimHttp(server.url()));
        }
    }

    @Test
    void theServerWideLimitBoundsOpenConnections() throws Exception {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.HTTP_MAX_CONNECTIONS, "8")
                .with(ServerConfig.HTTP_HEADER_TIMEOUT_MS, "1000");
        try (TestServer server = TestServer.start(config)) {
            try (SlowClients slow = SlowClients.open(server.port(), 30, 5, 10, PARTIAL_HEAD)) {
                awaitCondition("the limit reached", () -> server.server().openConnections() == 8);
                // the header deadline frees the slots one after the other; the count never passes the limit
                awaitCondition("every slow connection served its turn and closed", () -> {
                    assertTrue(server.server().openConnections() <= 8, "open: " + server.server().openConnections());
                    slow.trickle();
                    return slow.stillOpen() == 0;
                });
            }
            awaitAtMost("connections after the clients left", 0, () -> server.server().openConnections());
            ordinary(new RawCimHttp(server.url()));
        }
    }

    private static void awaitAtMost(String what, int most, IntSupplier count) throws InterruptedException {
        awaitCondition(what + " at most " + most + " (now " + count.getAsInt() + ")", () -> count.getAsInt() <= most);
    }

    private static void awaitCondition(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not reached within 30 s: " + what);
            Thread.sleep(20);
        }
    }
}
