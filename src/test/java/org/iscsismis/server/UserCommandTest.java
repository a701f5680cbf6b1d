package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.dispatch.NamespaceAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iscsi-smis user add|passwd|remove|list} on a users file, passwords from standard input. */
class UserCommandTest {

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
        return dir.resolve("users");
    }

    @Test
    void theFileNeverHoldsAClearPasswordAndIsPrivate() throws Exception {
        assertEquals(0, run("Tr0ub4dor&3\n", "user", "add", "--users-file", file().toString(), "--password-stdin",
                "--iterations", "1000", "--read", "root/interop", "--write", "root/cimv2/*", "alice"), err::toString);
        String text = Files.readString(file());
        assertFalse(text.contains("Tr0ub4dor"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("alice pbkdf2-sha256:1000:\\S+:\\S+ root/interop=read,root/cimv2/\\*=write")), text);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        UsersFile.Entry alice = UsersFile.read(file()).get("alice");
        assertTrue(alice.password().matches("Tr0ub4dor&3".toCharArray()));
        assertEquals(NamespaceAccess.WRITE, alice.grants().accessTo(CimNamespace.of("root/cimv2/storage/iscsitarget")));
        assertEquals(NamespaceAccess.NONE, alice.grants().accessTo(CimNamespace.of("root/other")));
    }

    @Test
    void passwdRemoveAndList() throws Exception {
        String f = file().toString();
        assertEquals(0, run("one\n", "user", "add", "--users-file", f, "--password-stdin", "--iterations", "1000", "bob"));
        assertEquals(0, run("two\n", "user", "add", "--users-file", f, "--password-stdin", "--iterations", "1000", "--read", "*", "carol"));
        assertEquals(0, run("new secret\n", "user", "passwd", "--users-file", f, "--password-stdin", "--iterations", "1000", "bob"));
        assertTrue(UsersFile.read(file()).get("bob").password().matches("new secret".toCharArray()));
        assertFalse(Files.readString(file()).contains("new secret"));
        assertEquals(0, run("", "user", "passwd", "--users-file", f, "--write", "root/interop", "carol"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("", "user", "list", "--users-file", f));
        assertEquals("bob -\ncarol *=read,root/interop=write\n", out.toString());
        assertEquals(0, run("", "user", "remove", "--users-file", f, "bob"));
        assertEquals(java.util.List.of("carol"), java.util.List.copyOf(UsersFile.read(file()).keySet()));
    }

    @Test
    void mistakesExitWith2AndChangeNothing() throws Exception {
        String f = file().toString();
        assertEquals(0, run("pw\n", "user", "add", "--users-file", f, "--password-stdin", "--iterations", "1000", "dave"));
        String before = Files.readString(file());
        assertEquals(2, run("pw\n", "user", "add", "--users-file", f, "--password-stdin", "dave"));
        assertTrue(err.toString().contains("already exists"), err::toString);
        assertEquals(2, run("\n", "user", "add", "--users-file", f, "--password-stdin", "erin"));
        assertTrue(err.toString().contains("empty"), err::toString);
        assertEquals(2, run("pw\n", "user", "add", "--users-file", f, "--password-stdin", "a:b"));
        assertEquals(2, run("pw\n", "user", "add", "--users-file", f, "--password-stdin", "--read", "../etc", "frank"));
        assertEquals(2, run("", "user", "remove", "--users-file", f, "nobody"));
        assertEquals(2, run("pw\n", "user", "add", "--users-file", f, "gina"), "no console and no --password-stdin");
        assertTrue(err.toString().contains("--password-stdin"), err::toString);
        assertEquals(before, Files.readString(file()));
    }

    @Test
    void aFileOthersMayReadIsRefused() throws Exception {
        assertEquals(0, run("pw\n", "user", "add", "--users-file", file().toString(), "--password-stdin", "--iterations", "1000", "h"));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> UsersFile.read(file()));
        assertTrue(e.getMessage().contains("chmod 600"), e::getMessage);
        ConfigurationException start = assertThrows(ConfigurationException.class, () -> Accounts.accessControl(
                ServerConfig.defaults().with(ServerConfig.AUTH_USERS_FILE, file().toString())));
        assertTrue(start.getMessage().contains("rw-r--r--"), start::getMessage);
    }

    /** What a kept subscription's creator is at the next start comes from the users file, as last read. */
    @Test
    void theServersUsersFileNamesItsUsersCallers() throws Exception {
        assertEquals(0, run("pw\n", "user", "add", "--users-file", file().toString(), "--password-stdin", "--iterations",
                "1000", "--read", "root/interop", "ivy"));
        org.iscsismis.http.Authenticator users = Accounts.accessControl(
                ServerConfig.defaults().with(ServerConfig.AUTH_USERS_FILE, file().toString())).authenticator();
        org.iscsismis.dispatch.Caller ivy = users.caller("ivy");
        assertNotNull(ivy, "a user of the file has a caller");
        assertEquals(NamespaceAccess.READ, ivy.grants().accessTo(CimNamespace.of("root/interop")));
        assertNull(users.caller("nobody"));
    }
}
