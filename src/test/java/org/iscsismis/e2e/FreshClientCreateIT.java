package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.http.Pbkdf2Password;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * A fresh SBLIM client with credentials whose very first request changes state. Its first request goes out without
 * credentials, is answered 401 and is sent again with them on the same connection; the client reads the 401's
 * headers but never its body, so whatever body the 401 carries is read as the status line of the next answer: the
 * client then drops the connection and sends the request a third time, and a CreateInstance the server has already
 * run comes back ALREADY_EXISTS. Each client here creates a filter as its first request and must get it created.
 */
class FreshClientCreateIT {

    private static final int CLIENTS = 20;
    private static TestServer server;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "admin " + Pbkdf2Password.create("admin-pw".toCharArray(), 1_000).format()
                + " *=write\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        server = TestServer.start(TestServer.testDefaults().with(ServerConfig.AUTH_USERS_FILE, users.toString()));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyFreshClientsFirstCreateInstanceIsRunOnce() {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            WBEMClient client = SblimClients.connect(server.url(), "admin", "admin-pw");
            try {
                new Subscriptions(client).filter("fresh-" + i, "WQL", "SELECT * FROM CIM_InstCreation");
            } catch (WBEMException e) {
                failures.add("client " + i + ": " + e.getID() + " " + e.getMessage());
            } finally {
                client.close();
            }
        }
        assertEquals(List.of(), failures);
    }
}
