package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.iscsismis.http.Pbkdf2Password;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * CIM-XML over HTTPS on a server listening on every address with authentication: the SBLIM client pinning the
 * server's certificate, wbemcli with -noverify, TLS 1.2 and 1.3 handshakes, and plain HTTP kept to loopback.
 */
class HttpsIT {

    private static TestServer server;
    private static WBEMClient client;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        Path users = dir.resolve("users");
        Files.writeString(users, "admin " + Pbkdf2Password.create("s3cret".toCharArray(), 1_000).format() + " *=write\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        // off loopback iSCSI would need CHAP on every login (IscsiChapIT); this test is about HTTPS
        server = TestServer.start(TestServer.withHttps(TestServer.testDefaults()).withBind("0.0.0.0")
                .with(ServerConfig.AUTH_USERS_FILE, users.toString()).with(ServerConfig.ISCSI_ENABLED, "false"));
        client = SblimClients.connect(server.httpsUrl(), "admin", "s3cret", server.certificate());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSblimClientOverHttps() throws WBEMException {
        assertEquals("https", server.httpsUrl().getScheme());
        assertTrue(all(client.enumerateInstanceNames(classPath("root/interop", "CIM_RegisteredProfile"))).size() >= 7);
        WBEMClient wrong = SblimClients.connect(server.httpsUrl(), "admin", "guess", server.certificate());
        try {
            WBEMException e = assertThrows(WBEMException.class,
                    () -> all(wrong.enumerateInstanceNames(classPath("root/interop", "CIM_RegisteredProfile"))));
            assertNotEquals(0, e.getID());
        } finally {
            wrong.close();
        }
    }

    @Test
    void wbemcliOverHttpsWithNoverify() {
        String url = "https://admin:s3cret@127.0.0.1:" + server.httpsUrl().getPort() + "/root/interop:CIM_RegisteredProfile";
        Wbemcli.Result profiles = Wbemcli.run("ein", "-noverify", url);
        assertEquals(0, profiles.exitCode(), profiles::toString);
        assertTrue(profiles.out().contains("InstanceID=\"SNIA:Server:1.5.0\""), profiles::toString);
        Wbemcli.Result refused = Wbemcli.run("ein", "-noverify", url.replace("s3cret", "guess"));
        assertNotEquals(0, refused.exitCode(), refused::toString);
        Wbemcli.Result unverified = Wbemcli.run("ein", url);
        assertNotEquals(0, unverified.exitCode(), "without -noverify wbemcli refuses the self-signed certificate: " + unverified);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void handshakesOnTls12And13WithForwardSecrecy(String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.httpsUrl().getPort())) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            assertEquals(protocol, socket.getSession().getProtocol());
            String suite = socket.getSession().getCipherSuite();
            assertTrue(suite.matches("TLS_(AES|CHACHA20)_.*|TLS_ECDHE_.*_(GCM_SHA\\d+|CHACHA20_POLY1305_SHA256)"), suite);
        }
    }

    /** Off loopback with authentication, plain HTTP would carry passwords in clear: it listens on loopback only. */
    @Test
    void plainHttpStaysOnLoopback() throws Exception {
        assertEquals("127.0.0.1", server.url().getHost());
        InetAddress external = nonLoopbackAddress();
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address");
        assertThrows(ConnectException.class, () -> new Socket(external, server.port()).close());
        new Socket(external, server.httpsUrl().getPort()).close();
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress() && nic.isUp()) {
                    return a;
                }
            }
        }
        return null;
    }
}
