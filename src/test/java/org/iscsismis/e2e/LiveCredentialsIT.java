package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iscsismis.http.Pbkdf2Password;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.Conditions;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The users file and the CHAP secrets file changed while the server runs, as {@code iscsi-smis user} and
 * {@code iscsi-smis chap} change them (a new private file moved into place) or as an editor does (in place): a user or
 * initiator added can log in without a restart, one removed cannot, and a file broken in between leaves the last good
 * contents in force. The files are written in their documented formats, not by the server's own writers.
 */
class LiveCredentialsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ADMIN = "admin " + hash("admin-pw") + " *=write";
    private static final String ALICE = "initiator alice * 0b" + base64("alice-secret-0016");

    @TempDir
    static Path dir;
    private static Path users;
    private static Path secrets;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        users = dir.resolve("users");
        secrets = dir.resolve("chap-secrets");
        replace(users, ADMIN);
        replace(secrets, ALICE);
        server = TestServer.start(TestServer.testDefaults().with(ServerConfig.AUTH_USERS_FILE, users.toString())
                .with(ServerConfig.ISCSI_CHAP_SECRETS_FILE, secrets.toString()).with(ServerConfig.ISCSI_CHAP_REQUIRED, "*")
                .with(ServerConfig.AUTH_MAX_FAILURES, "100000"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String hash(String password) {
        return Pbkdf2Password.create(password.toCharArray(), 1_000).format();
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code lines} to a new private file and moves it over {@code file}, as the server's commands do. */
    private static void replace(Path file, String... lines) throws Exception {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(next, String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** One client per user, so that polling reuses its connection (a new one each time would meet the per-address cap). */
    private static final Map<String, RawCimHttp> CLIENTS = new ConcurrentHashMap<>();

    private static int status(String user, String password) {
        return CLIENTS.computeIfAbsent(user + ":" + password, k -> new RawCimHttp(server.url()).withBasic(user, password))
                .post("EnumerateClassNames", "root/cimv2", RawCimHttp.intrinsic("EnumerateClassNames", "")).statusCode();
    }

    private static int iscsiLs(String chapName, String secret) {
        String portal = "127.0.0.1:" + server.server().portal().port();
        return Subprocess.run(List.of("iscsi-ls", "-s", "iscsi://" + chapName + "%" + secret + "@" + portal), TIMEOUT).exitCode();
    }

    @Test
    void aUserAddedWhileTheServerRunsLogsInAndOneRemovedNoLonger() throws Exception {
        assertEquals(401, status("bob", "bob-pw"));
        replace(users, ADMIN, "bob " + hash("bob-pw") + " root/cimv2=read");
        Conditions.await("bob's first successful request", () -> status("bob", "bob-pw") == 200);

        // an editor's slip: the file is broken in place; admin and bob keep their access, nobody new gets in
        Files.writeString(users, ADMIN + "\nbob " + hash("bob-pw") + " root/cimv2=read\ncarol no-hash-here\n");
        assertEquals(200, status("admin", "admin-pw"));
        assertEquals(200, status("bob", "bob-pw"));

        replace(users, ADMIN);
        Conditions.await("bob refused once removed", () -> status("bob", "bob-pw") == 401);
        assertEquals(200, status("admin", "admin-pw"), "the remaining user is unaffected");
    }

    @Test
    void anInitiatorAddedWhileTheServerRunsLogsInAndOneRemovedNoLonger() throws Exception {
        assertTrue(iscsiLs("bob", "bob-secret-00016") != 0, "bob has no secret yet");
        replace(secrets, ALICE, "initiator bob * 0b" + base64("bob-secret-00016"));
        Conditions.await("bob's first CHAP login", () -> iscsiLs("bob", "bob-secret-00016") == 0, TIMEOUT);
        assertEquals(0, iscsiLs("alice", "alice-secret-0016"));

        replace(secrets, ALICE);
        Conditions.await("bob's login refused once removed", () -> iscsiLs("bob", "bob-secret-00016") != 0, TIMEOUT);
        assertEquals(0, iscsiLs("alice", "alice-secret-0016"), "the remaining initiator is unaffected");
    }
}
