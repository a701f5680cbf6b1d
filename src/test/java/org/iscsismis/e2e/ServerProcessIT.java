package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user starts it, in a process of its own: the banner with both URLs and the certificate's
 * fingerprint, SIGTERM ending in exit status 0, an IPv6 bind address, and TLS 1.0 refused by our own settings.
 */
class ServerProcessIT {

    private static final Pattern BANNER = Pattern.compile(
            "iscsi-smis listening on (http://(.+):(\\d+))/cimom and (https://.+:(\\d+))/cimom \\(no authentication\\)"
                    + "(?:, iSCSI target \\S+ on port \\d+(?: \\(.+\\))?)?");

    @TempDir
    Path dir;

    private String[] args(String... more) {
        List<String> out = new java.util.ArrayList<>(List.of("--http-port", "0", "--https-port", "0", "--iscsi-port", "0", "--no-demo",
                "--set", "config.dir=" + dir.resolve("config")));
        out.addAll(List.of(more));
        return out.toArray(String[]::new);
    }

    @Test
    void sigtermStopsGracefullyWithStatus0AndTheFingerprintIsPrinted() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, List.of("-Xmx96m"), args())) {
            Matcher banner = BANNER.matcher(server.awaitLine("iscsi-smis listening on "));
            assertTrue(banner.matches(), server::output);
            String fingerprint = server.awaitLine("HTTPS certificate ");
            assertTrue(fingerprint.matches("HTTPS certificate \\(self-signed, .*self-signed\\.p12\\) SHA-256 fingerprint: "
                    + "([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
            HttpResponse<String> r = new RawCimHttp(URI.create(banner.group(1))).post("EnumerateClassNames", "root/cimv2",
                    RawCimHttp.intrinsic("EnumerateClassNames", ""));
            assertEquals(200, r.statusCode());
            assertEquals(0, server.terminate(), server::output);
            assertTrue(server.output().contains("Stopping"), server::output);
        }
    }

    @Test
    void theCertificateIsKeptAcrossRestarts() throws Exception {
        String first;
        try (ServerProcess server = ServerProcess.start(dir, List.of("-Xmx96m"), args())) {
            first = server.awaitLine("HTTPS certificate ");
            assertEquals(0, server.terminate(), server::output);
        }
        try (ServerProcess server = ServerProcess.start(dir, List.of("-Xmx96m"), args())) {
            assertEquals(first, server.awaitLine("HTTPS certificate "));
            assertEquals(0, server.terminate(), server::output);
        }
    }

    @Test
    void anIpv6BindAddressWorksEndToEnd() throws Exception {
        assumeTrue(hasIpv6Loopback(), "this machine has no ::1");
        try (ServerProcess server = ServerProcess.start(dir, List.of("-Xmx96m"), args("--bind", "[::1]"))) {
            Matcher banner = BANNER.matcher(server.awaitLine("iscsi-smis listening on "));
            assertTrue(banner.matches(), server::output);
            assertEquals("[::1]", banner.group(2));
            HttpResponse<String> r = new RawCimHttp(URI.create(banner.group(1))).post("EnumerateClassNames", "root/cimv2",
                    RawCimHttp.intrinsic("EnumerateClassNames", ""));
            assertEquals(200, r.statusCode(), r::body);
            Wbemcli.Result wbemcli = Wbemcli.run("ecn", "-noverify", banner.group(4) + "/root/interop:CIM_ManagedElement");
            assertEquals(0, wbemcli.exitCode(), wbemcli::toString);
            assertEquals(0, server.terminate(), server::output);
        }
    }

    /**
     * The JDK refuses TLS 1.0 on its own (jdk.tls.disabledAlgorithms); the server here runs with that list emptied, so
     * only the server's own protocol settings stand between a TLS 1.0 client and a handshake.
     */
    @Test
    void aTls10ClientIsRefusedByTheServersOwnSettings() throws Exception {
        Path security = dir.resolve("java.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=\n");
        try (ServerProcess server = ServerProcess.start(dir, List.of("-Xmx96m", "-Djava.security.properties=" + security), args())) {
            Matcher banner = BANNER.matcher(server.awaitLine("iscsi-smis listening on "));
            assertTrue(banner.matches(), server::output);
            int port = Integer.parseInt(banner.group(5));
            for (int version : new int[] {0x0301, 0x0302}) { // TLS 1.0, TLS 1.1
                byte[] answer = clientHello(port, version);
                assertEquals(21, answer[0], "an alert, not a ServerHello");
                assertEquals(2, answer[5], "fatal");
                assertEquals(70, answer[6], "protocol_version");
            }
            assertEquals(22, clientHello(port, 0x0303)[0], "the same hello offering TLS 1.2 gets a handshake (control)");
            assertEquals(0, server.terminate(), server::output);
        }
    }

    /** Sends a minimal ClientHello of {@code version} (ECDHE suites, P-256) and returns the first 7 bytes of the answer. */
    private static byte[] clientHello(int port, int version) throws IOException {
        // ECDHE-ECDSA with AES-128-GCM (the generated certificate's key is EC) and three suites a TLS 1.0 client offers
        byte[] suites = {(byte) 0xC0, 0x2B, (byte) 0xC0, 0x13, (byte) 0xC0, 0x09, 0x00, 0x2F};
        byte[] extensions = {
            0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17,         // supported_groups: secp256r1
            0x00, 0x0b, 0x00, 0x02, 0x01, 0x00,                     // ec_point_formats: uncompressed
            0x00, 0x0d, 0x00, 0x06, 0x00, 0x04, 0x04, 0x01, 0x04, 0x03}; // signature_algorithms (TLS 1.2): rsa/ecdsa sha256
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(version >> 8);
        body.write(version);
        body.write(new byte[32], 0, 32);                // random
        body.write(0);                                  // no session id
        body.write(0);
        body.write(suites.length);
        body.write(suites, 0, suites.length);
        body.write(1);                                  // one compression method: null
        body.write(0);
        body.write(extensions.length >> 8);
        body.write(extensions.length);
        body.write(extensions, 0, extensions.length);
        byte[] hello = body.toByteArray();
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        int handshakeLength = hello.length + 4;
        record.write(new byte[] {22, 3, 1, (byte) (handshakeLength >> 8), (byte) handshakeLength, 1, 0,
                (byte) (hello.length >> 8), (byte) hello.length}, 0, 9);
        record.write(hello, 0, hello.length);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(record.toByteArray());
            out.flush();
            byte[] answer = new byte[7];
            new DataInputStream(socket.getInputStream()).readFully(answer);
            return answer;
        }
    }

    private static boolean hasIpv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
