package org.iscsismis.bench.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * DRIVER TEST AID. Checks the pieces of the driver that the end-to-end self-check against Jetty
 * cannot force: HTTP framing corner cases of {@link HttpConnection} (chunk extensions, trailers,
 * interim 100 responses, bodies delimited by connection close, bare-LF line ends, a kept-alive
 * connection closed by the server), the element counting of {@link ResponseCheck}, and the
 * percentiles of {@link LatencyHistogram}. Throws {@link IllegalStateException} on the first failure.
 */
final class ClientSelfCheck {
    private record Canned(String bytes, boolean closeAfter) {}

    private static final List<Canned> SCRIPT = List.of(
            new Canned("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false),
            new Canned("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: CIMStatusCode\r\n\r\n"
                    + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nCIMStatusCode: 1\r\nCIMStatusCodeDescription: late\r\n\r\n", false),
            new Canned("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false),
            new Canned("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbye", true),
            new Canned("HTTP/1.1 200 OK\nContent-Length: 2\n\nok", true),
            new Canned("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nagain", false));

    private ClientSelfCheck() {}

    static void run() throws Exception {
        checkFraming();
        checkCounting();
        checkHistogram();
        System.out.println("client self-check: framing, counting and histogram OK");
    }

    private static void checkFraming() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> serve(listener), "canned-http");
            server.setDaemon(true);
            server.start();
            byte[] request = "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII);
            try (HttpConnection c = new HttpConnection("127.0.0.1", listener.getLocalPort())) {
                HttpResponse r = c.exchange(request);
                expect(r.bodyAsString(), "hello", "Content-Length body");
                r = c.exchange(request);
                expect(r.bodyAsString(), "hello world", "chunked body with extension");
                expect(r.trailer("CIMStatusCode"), "1", "trailer");
                expect(r.chunked, true, "chunked flag");
                String problem = new ResponseCheck("X", 0, null).validate(r);
                expect(problem != null && problem.contains("CIMStatusCode"), true, "CIMStatusCode trailer is an error");
                r = c.exchange(request);
                expect(r.status + "/" + r.bodyLength, "200/0", "100 Continue skipped");
                r = c.exchange(request);
                expect(r.bodyAsString(), "bye", "body delimited by close");
                r = c.exchange(request);
                expect(r.bodyAsString(), "ok", "bare LF line ends");
                expect(c.connects(), 2, "reconnect after Connection: close");
                r = c.exchange(request);
                expect(r.bodyAsString(), "again", "retry on a connection the server closed");
                expect(c.connects(), 3, "reconnect after a stale keep-alive connection");
            }
        }
    }

    private static void serve(ServerSocket listener) {
        int next = 0;
        try {
            while (next < SCRIPT.size()) {
                try (Socket s = listener.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    while (next < SCRIPT.size() && readRequest(in)) {
                        Canned canned = SCRIPT.get(next++);
                        out.write(canned.bytes().getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (canned.closeAfter()) break;
                    }
                }
            }
        } catch (IOException e) {
            // the check fails on the client side
        }
    }

    /** Reads one request with a Content-Length body; false at end of stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String h = head.toString(StandardCharsets.US_ASCII);
            if (h.endsWith("\r\n\r\n")) {
                int at = h.toLowerCase().indexOf("content-length:");
                int length = at < 0 ? 0 : Integer.parseInt(h.substring(at + 15, h.indexOf('\r', at)).trim());
                in.readNBytes(length);
                return true;
            }
        }
        return false;
    }

    private static void checkCounting() {
        HttpResponse r = new HttpResponse();
        r.status = 200;
        r.statusLine = "HTTP/1.1 200 OK";
        String body = "<IRETURNVALUE><VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME=\"A\"/><INSTANCE CLASSNAME=\"A\">"
                + "<PROPERTY NAME=\"InstanceID\" TYPE=\"string\"><VALUE>k1</VALUE></PROPERTY></INSTANCE>"
                + "</VALUE.NAMEDINSTANCE><VALUE.NAMEDINSTANCE>\n<INSTANCE\nCLASSNAME=\"A\"/></VALUE.NAMEDINSTANCE></IRETURNVALUE>";
        r.body = body.getBytes(StandardCharsets.UTF_8);
        r.bodyLength = r.body.length;
        expect(new ResponseCheck("VALUE.NAMEDINSTANCE", 2, null).validate(r), null, "2 named instances");
        expect(new ResponseCheck("INSTANCE", 2, ">k1<").validate(r), null, "INSTANCE not confused with INSTANCENAME");
        expect(new ResponseCheck("INSTANCE", 2, ">k2<").validate(r) != null, true, "missing key detected");
        expect(new ResponseCheck("VALUE.NAMEDINSTANCE", 3, null).validate(r) != null, true, "wrong count detected");
        r.body = "<IMETHODRESPONSE NAME=\"GetInstance\"><ERROR CODE=\"6\"/></IMETHODRESPONSE>".getBytes(StandardCharsets.UTF_8);
        r.bodyLength = r.body.length;
        expect(new ResponseCheck("INSTANCE", 0, null).validate(r) != null, true, "ERROR detected");
        byte[] big = new byte[100_003];
        java.util.Arrays.fill(big, (byte) 'x');
        System.arraycopy(">Bench:1<".getBytes(StandardCharsets.US_ASCII), 0, big, big.length - 9, 9);
        expect(new BytePattern(">Bench:1<").indexIn(big, 0, big.length), big.length - 9, "pattern at the very end");
        expect(new BytePattern(">Bench:1<").indexIn(big, 0, big.length - 1), -1, "pattern cut by the range end");
    }

    private static void checkHistogram() {
        LatencyHistogram h = new LatencyHistogram();
        for (int us = 1; us <= 100_000; us++) h.recordNanos(us * 1_000L);
        expectNear(h.percentileMillis(0.50), 50.0, "p50");
        expectNear(h.percentileMillis(0.99), 99.0, "p99");
        expectNear(h.maxMillis(), 100.0, "max");
        LatencyHistogram small = new LatencyHistogram();
        small.recordNanos(150_000);
        expect(small.percentileMillis(0.5), 0.15, "exact below 256 µs");
    }

    private static void expectNear(double actual, double expected, String what) {
        if (Math.abs(actual - expected) > expected * 0.01) throw new IllegalStateException(what + ": " + actual + " != " + expected);
    }

    private static void expect(Object actual, Object expected, String what) {
        if (actual == null ? expected != null : !actual.equals(expected)) {
            throw new IllegalStateException("client self-check failed, " + what + ": got " + actual + ", expected " + expected);
        }
    }
}
