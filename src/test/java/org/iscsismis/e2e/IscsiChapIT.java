package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CHAP on the iSCSI target through libiscsi's tools: a server whose every login must authenticate
 * ({@code iscsi.chap.required=*}), credentials in the URL as libiscsi takes them ({@code iscsi://user%secret@host}, mutual
 * with {@code target_user}/{@code target_password}), logins without or with wrong ones refused with Authentication
 * Failure (0201, which the tools print as 513), and libiscsi's iSCSICHAP conformance suite.
 *
 * <p>The secrets file is written here in its documented format, not by the server's own writer, so a mistake in one
 * does not hide in the other.
 */
class IscsiChapIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** CHAP names and secrets; the names starting 0x and 0b are what the suite's HexName and Base64Name tests need. */
    private static final Map<String, String> INITIATORS = Map.of("alice", "alice-secret-0016", "0x1234abcd", "hex-name-secret-16",
            "0bYWxpY2U=", "b64-name-secret-16");
    private static final String TARGET_USER = "lab-target";
    private static final String TARGET_SECRET = "target-secret-0016";

    @TempDir
    static Path dir;
    private static TestServer server;
    private static String portal;
    private static String lunPath;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(chapConfig(secretsFile(dir.resolve("chap-secrets")), 1000));
        IscsiPortal p = server.server().portal();
        portal = "127.0.0.1:" + p.port();
        var disks = server.server().target().disks();
        VirtualDisk disk = disks.createDisk(disks.createPool("chap", 1L << 30).id(), "chap-scratch", 64L << 20, 512);
        lunPath = "/" + p.targetName() + "/" + p.luns().lunOf(disk.id());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static ServerConfig chapConfig(Path secrets, int maxFailures) {
        return TestServer.testDefaults().with(ServerConfig.ISCSI_CHAP_SECRETS_FILE, secrets.toString())
                .with(ServerConfig.ISCSI_CHAP_REQUIRED, "*").with(ServerConfig.AUTH_MAX_FAILURES, Integer.toString(maxFailures));
    }

    static Path secretsFile(Path file) throws Exception {
        StringBuilder text = new StringBuilder("# KIND NAME NODE SECRET\n");
        INITIATORS.forEach((name, secret) -> text.append("initiator ").append(name).append(" * 0b").append(base64(secret)).append('\n'));
        text.append("target ").append(TARGET_USER).append(" * 0b").append(base64(TARGET_SECRET)).append('\n');
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String url(String credentials, String path) {
        return "iscsi://" + (credentials.isEmpty() ? "" : credentials + "@") + portal + path;
    }

    private static Subprocess.Result ls(String url) {
        return Subprocess.run(List.of("iscsi-ls", "-s", url), TIMEOUT);
    }

    @Test
    void iscsiLsWithChapCredentialsInTheUrlLogsIn() {
        Subprocess.Result r = ls(url("alice%alice-secret-0016", ""));
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Target:" + server.server().portal().targetName()), r::toString);
        assertTrue(r.out().contains("Lun:"), r::toString);
    }

    @ParameterizedTest(name = "credentials \"{0}\"")
    @ValueSource(strings = {"", "alice%wrong-secret-0016", "mallory%alice-secret-0016"})
    void withoutOrWithWrongCredentialsTheLoginIsRefusedWithAuthenticationFailure(String credentials) {
        Subprocess.Result r = ls(url(credentials, ""));
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Authentication failure(513)"), r::toString); // status class 02, detail 01
        assertFalse(r.out().contains("Lun:"), r::toString);
    }

    @Test
    void mutualChapProvesTheTargetToo() {
        String mutual = "?target_user=" + TARGET_USER + "&target_password=" + TARGET_SECRET;
        Subprocess.Result inq = Subprocess.run(List.of("iscsi-inq", url("alice%alice-secret-0016", lunPath + mutual)), TIMEOUT);
        assertEquals(0, inq.exitCode(), inq::toString);
        assertTrue(inq.out().contains("DIRECT_ACCESS") || inq.out().contains("Peripheral"), inq::toString);
        Subprocess.Result ls = ls(url("alice%alice-secret-0016", mutual));
        assertEquals(0, ls.exitCode(), ls::toString);

        Subprocess.Result impostor = Subprocess.run(List.of("iscsi-inq", url("alice%alice-secret-0016",
                lunPath + "?target_user=" + TARGET_USER + "&target_password=not-the-target-secret")), TIMEOUT);
        assertNotEquals(0, impostor.exitCode(), impostor::toString);
        assertTrue(impostor.err().contains("Invalid CHAP_R response from the target"), impostor::toString);
    }

    @Test
    void repeatedFailuresHoldTheAddressBackEvenWithTheRightSecret() throws Exception {
        Path file = Files.createTempDirectory(dir, "throttle").resolve("chap-secrets");
        try (TestServer throttled = TestServer.start(chapConfig(secretsFile(file), 2))) {
            String at = "127.0.0.1:" + throttled.server().portal().port();
            for (int i = 0; i < 2; i++) {
                Subprocess.Result wrong = ls("iscsi://alice%wrong-secret-0016@" + at);
                assertTrue(wrong.err().contains("Authentication failure(513)"), wrong::toString);
            }
            Subprocess.Result right = ls("iscsi://alice%alice-secret-0016@" + at);
            assertNotEquals(0, right.exitCode(), right::toString);
            assertFalse(right.err().contains("(513)"), right::toString);
            assertTrue(right.err().contains("(769)"), right::toString); // 0301 Service unavailable
        }
    }

    /** libiscsi's iSCSICHAP suite, once per CHAP name so that its HexName and Base64Name tests run rather than skip. */
    @ParameterizedTest(name = "CHAP name {0}")
    @ValueSource(strings = {"alice", "0x1234abcd", "0bYWxpY2U="})
    void libiscsiChapSuitePasses(String name) {
        String tool = System.getenv().getOrDefault("ISCSI_TEST_CU", "iscsi-test-cu");
        String suites = Subprocess.run(List.of(tool, "-l"), TIMEOUT).out();
        Assumptions.assumeTrue(suites.lines().map(String::trim).anyMatch("iSCSI.iSCSICHAP"::equals),
                () -> "iSCSI.iSCSICHAP is not in this build of " + tool + " (libiscsi 1.20 or later has it; ISCSI_TEST_CU names another)");
        Subprocess.Result run = Subprocess.runMerged(List.of("stdbuf", "-o0", "-e0", tool, "-d", "-V", "-t", "iSCSI.iSCSICHAP",
                url(name + "%" + INITIATORS.get(name), lunPath)), Duration.ofMinutes(2));
        Map<String, CunitReport.Verdict> verdicts = CunitReport.parse(run.out()).stream()
                .collect(Collectors.toMap(CunitReport.Result::test, CunitReport.Result::verdict, (a, b) -> a));
        assertFalse(verdicts.containsValue(CunitReport.Verdict.FAIL), () -> verdicts + "\n" + run.out());
        for (String test : List.of("Simple", "Invalid", "Base64", "Base64Oversize")) {
            assertEquals(CunitReport.Verdict.PASS, verdicts.get(test), () -> test + " in " + verdicts + "\n" + run.out());
        }
        String prefixTest = name.startsWith("0x") ? "HexName" : name.startsWith("0b") ? "Base64Name" : null;
        if (prefixTest != null) {
            assertEquals(CunitReport.Verdict.PASS, verdicts.get(prefixTest), () -> verdicts + "\n" + run.out());
        }
    }
}
