package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.iscsismis.iscsi.target.login.ChapCredential;
import org.iscsismis.iscsi.target.login.ChapSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iscsi-smis chap add|remove|list} on a secrets file, secrets from standard input; the file stays private. */
class ChapCommandTest {

    private static final String NODE = "iqn.2026-12.org.iscsismis:lab";

    @TempDir
    Path dir;
    private final CommandRun cli = new CommandRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @AfterEach
    void restore() {
        CommandRun.restore();
    }

    private int run(String stdin, String... args) {
        return cli.run(stdin, args);
    }

    private Path file() {
        return dir.resolve("chap-secrets");
    }

    private String mode() throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file()));
    }

    @Test
    void addListRemoveKeepTheFilePrivateAndNeverShowASecret() throws Exception {
        assertEquals(0, run("alice-secret-0016\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin",
                "initiator", "alice"), err::toString);
        assertEquals("rw-------", mode());
        assertEquals(0, run("target-secret-016\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin",
                "--node", NODE, "target", "lab-target"), err::toString);
        assertEquals("rw-------", mode());
        assertTrue(Files.readString(file()).contains("initiator alice * 0b"
                + Base64.getEncoder().encodeToString("alice-secret-0016".getBytes(StandardCharsets.UTF_8))), Files.readString(file()));

        out.getBuffer().setLength(0);
        assertEquals(0, run("", "chap", "list", "--secrets-file", file().toString()));
        assertEquals(List.of("initiator alice *", "target lab-target " + NODE), out.toString().lines().toList());
        assertFalse(out.toString().contains("secret-0016"));

        ChapSecrets secrets = ChapSecretsFile.secrets(ChapSecretsFile.read(file()), Set.of("*"), "");
        assertEquals(ChapCredential.of("alice", "alice-secret-0016"), secrets.initiator("alice", NODE).orElseThrow());
        assertEquals("lab-target", secrets.target(NODE).orElseThrow().name());
        assertTrue(secrets.target("iqn.2026-12.org.iscsismis:other").isEmpty());

        assertEquals(0, run("", "chap", "remove", "--secrets-file", file().toString(), "initiator", "alice"), err::toString);
        assertEquals("rw-------", mode());
        assertTrue(ChapSecretsFile.read(file()).stream().noneMatch(e -> e.credential().name().equals("alice")));
        assertEquals(2, run("", "chap", "remove", "--secrets-file", file().toString(), "initiator", "alice"));
    }

    @Test
    void aFileOthersCanReadIsRefusedAndRewritingMakesItPrivate() throws Exception {
        assertEquals(0, run("alice-secret-0016\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin",
                "initiator", "alice"));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ChapSecretsFile.read(file()));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        ChapSecretsFile.write(file(), List.of());
        assertEquals("rw-------", mode());
    }

    @Test
    void secretsBreakingTheRfcsRulesAreRefusedAndNothingChanges() throws Exception {
        assertEquals(2, run("too-short\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin", "initiator", "bob"));
        assertTrue(err.toString().contains("at least 12"), err.toString());
        assertFalse(Files.exists(file()));
        assertEquals(0, run("shared-secret-0016\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin",
                "initiator", "alice"));
        assertEquals(2, run("shared-secret-0016\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin",
                "target", "tgt"));
        assertTrue(err.toString().contains("both ways"), err.toString());
        assertEquals(2, run("another-secret-016\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin",
                "initiator", "alice"));
        assertEquals(2, run("another-secret-016\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin",
                "someone", "carol"));
        assertEquals(1, ChapSecretsFile.read(file()).size());
        assertFalse(err.toString().contains("shared-secret"), err.toString());
    }

    @Test
    void aShortButAllowedSecretIsWarnedAbout() throws Exception {
        assertEquals(0, run("twelve-bytes\n", "chap", "add", "--secrets-file", file().toString(), "--secret-stdin", "initiator", "al"));
        assertTrue(err.toString().contains("at least 16"), err.toString());
    }

    @Test
    void malformedLinesAreNamedByFileAndLine() throws Exception {
        Files.writeString(file(), "# comment\ninitiator alice * not-base64\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ChapSecretsFile.read(file()));
        assertTrue(e.getMessage().contains(file() + ":2:"), e.getMessage());
    }
}
