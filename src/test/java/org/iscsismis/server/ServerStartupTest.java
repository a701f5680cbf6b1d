package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails in a late phase closes what the earlier phases started: the same data directory and iSCSI port
 * serve the next start (a leaked lock or portal would refuse it).
 */
class ServerStartupTest {

    @TempDir
    Path data;

    private ServerConfig config(int httpPort, int iscsiPort) {
        return ServerConfig.defaults().withHttpPort(httpPort).withIscsiPort(iscsiPort)
                .with(ServerConfig.HTTPS_ENABLED, "false").with(ServerConfig.DEMO_ENABLED, "false")
                .with(ServerConfig.DATA_DIR, data.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aStartThatCannotListenOnHttpReleasesThePortalAndTheDataDirectory() throws Exception {
        int iscsiPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThrows(UncheckedIOException.class, () -> IscsiSmisServer.start(config(taken.getLocalPort(), iscsiPort)));
        }
        try (IscsiSmisServer again = IscsiSmisServer.start(config(0, iscsiPort))) {
            assertEquals(iscsiPort, again.portal().port());
        }
    }

    @Test
    void aProviderSetupThatFailsReleasesTheDataDirectory() throws Exception {
        int iscsiPort = freePort();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IscsiSmisServer.start(
                config(0, iscsiPort), (repository, registry) -> {
                    throw new IllegalArgumentException("refused by the test");
                }));
        assertEquals("refused by the test", e.getMessage());
        try (IscsiSmisServer again = IscsiSmisServer.start(config(0, iscsiPort))) {
            assertEquals(iscsiPort, again.portal().port());
        }
    }
}
