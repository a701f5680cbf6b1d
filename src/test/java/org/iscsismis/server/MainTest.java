package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line up to the point where the server would start. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("--help"));
        for (String option : new String[] {"--http-port", "--bind", "--config", "--log-level", "--no-demo", "--enable-fault-injection", "--set"}) {
            assertTrue(out.toString().contains(option), out.toString());
        }
    }

    @Test
    void helpListsEverySubcommand() {
        assertEquals(0, run("--help"));
        for (String command : new String[] {"mof", "user", "chap"}) {
            assertTrue(out.toString().contains("  " + command + "  "), out.toString());
        }
    }

    @Test
    void argumentsThatStartWithASubcommandGetThatOneOnly() {
        assertEquals(Set.of("mof"), Main.commandLine(new String[] {"mof", "check", "x.mof"}).getSubcommands().keySet());
        assertEquals(Set.of("mof", "user", "chap"),
                Main.commandLine(new String[] {"--http-port", "0"}).getSubcommands().keySet());
        // an option first: picocli still finds the subcommand after it
        assertEquals(Set.of("mof", "user", "chap"),
                Main.commandLine(new String[] {"--log-level", "warn", "mof"}).getSubcommands().keySet());
    }

    @Test
    void unknownKeyExitsWith2AndNamesIt() {
        assertEquals(2, run("--set", "http.prot=1"));
        assertTrue(err.toString().contains("http.prot"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void nonLoopbackWithoutAuthExitsWith2() {
        assertEquals(2, run("--bind", "0.0.0.0"));
        assertTrue(err.toString().contains("auth.users"), err.toString());
    }

    @Test
    void badOptionValueExitsWith2() {
        assertEquals(2, run("--http-port", "many"));
        assertEquals(2, run("--http-port", "99999"));
        assertEquals(2, run("--log-level", "loud"));
    }

    @Test
    void missingConfigFileExitsWith2(@TempDir Path dir) {
        assertEquals(2, run("--config", dir.resolve("absent.properties").toString()));
        assertTrue(err.toString().contains("absent.properties"), err.toString());
    }

    @Test
    void dedicatedOptionsWinOverSetAndFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "http.port=6000\nhttp.bind=localhost\n");
        Main main = new Main();
        new CommandLine(main).parseArgs("--config", file.toString(), "--set", "http.port=7000", "--set", "log.level=warn",
                "--http-port", "8000");
        ServerConfig c = main.configuration();
        assertEquals(8000, c.httpPort());
        assertEquals("localhost", c.bind());
        assertEquals("warn", c.logLevel());
    }

    @Test
    void noDemoTurnsTheDemoOff() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--no-demo");
        assertFalse(main.configuration().demoEnabled());
        Main plain = new Main();
        new CommandLine(plain).parseArgs();
        assertTrue(plain.configuration().demoEnabled());
    }

    @Test
    void faultInjectionIsOffUnlessAsked() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--enable-fault-injection");
        assertTrue(main.configuration().faultsEnabled());
        Main plain = new Main();
        new CommandLine(plain).parseArgs();
        assertFalse(plain.configuration().faultsEnabled());
        Main set = new Main();
        new CommandLine(set).parseArgs("--set", "faults.enabled=true");
        assertTrue(set.configuration().faultsEnabled());
        assertEquals(2, run("--set", "faults.enabled=maybe"));
        assertTrue(err.toString().contains("faults.enabled"), err.toString());
    }

    @Test
    void passwordsOnTheCommandLineAreRefusedWithTheWayToDoIt() {
        assertEquals(2, run("--set", "auth.users=admin:secret"));
        assertTrue(err.toString().contains("iscsi-smis user add"), err.toString());
        assertFalse(err.toString().contains("secret"), "the password is not echoed: " + err);
    }

    @Test
    void ipv6BindAddressesWithOrWithoutBrackets() {
        for (String bind : new String[] {"[::1]", "::1"}) {
            Main main = new Main();
            new CommandLine(main).parseArgs("--bind", bind);
            assertEquals("::1", main.configuration().bind());
            assertEquals("http://[::1]:5988", "http://" + ServerUrls.hostForUrl(main.configuration().bind()) + ":5988");
        }
        assertEquals("[::1]", ServerUrls.hostForUrl("::"));
        assertEquals("127.0.0.1", ServerUrls.hostForUrl("0.0.0.0"));
    }

    @Test
    void offLoopbackAuthenticationNeedsHttpsUnlessPlainIsAllowed(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "");
        Files.setPosixFilePermissions(users, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals(2, run("--bind", "0.0.0.0", "--no-https", "--set", "auth.usersFile=" + users));
        assertTrue(err.toString().contains("--allow-plain-http-auth"), err.toString());
        Main main = new Main();
        new CommandLine(main).parseArgs("--bind", "0.0.0.0", "--set", "auth.usersFile=" + users, "--set", "iscsi.enabled=false");
        assertFalse(main.configuration().plainHttpOnBind(), "plain HTTP then listens on loopback only");
        Main plain = new Main();
        new CommandLine(plain).parseArgs("--bind", "0.0.0.0", "--no-https", "--allow-plain-http-auth", "--set", "auth.usersFile=" + users,
                "--set", "iscsi.enabled=false");
        assertTrue(plain.configuration().plainHttpOnBind());
    }

    @Test
    void iscsiOffLoopbackNeedsChapOnEveryLoginUnlessAllowedWithout(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users");
        Files.writeString(users, "");
        Files.setPosixFilePermissions(users, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertEquals(2, run("--bind", "0.0.0.0", "--set", "auth.usersFile=" + users));
        assertTrue(err.toString().contains("iscsi.chap.required=*") && err.toString().contains("--allow-iscsi-without-chap"),
                err.toString());
        Main chap = new Main();
        new CommandLine(chap).parseArgs("--bind", "0.0.0.0", "--set", "auth.usersFile=" + users, "--set",
                "iscsi.chap.secretsFile=" + dir.resolve("chap"), "--set", "iscsi.chap.required=*");
        assertTrue(chap.configuration().iscsiEnabled());
        Main without = new Main();
        new CommandLine(without).parseArgs("--bind", "0.0.0.0", "--set", "auth.usersFile=" + users, "--allow-iscsi-without-chap");
        assertTrue(without.configuration().iscsiEnabled());
    }

    @Test
    void anyFreeHttpPortMeansAnyFreeHttpsPortUnlessOneIsGiven() {
        Main main = new Main();
        new CommandLine(main).parseArgs("--http-port", "0");
        assertEquals(0, main.configuration().httpsPort());
        Main given = new Main();
        new CommandLine(given).parseArgs("--http-port", "0", "--https-port", "15989");
        assertEquals(15989, given.configuration().httpsPort());
        Main plain = new Main();
        new CommandLine(plain).parseArgs("--http-port", "15988");
        assertEquals(5989, plain.configuration().httpsPort());
    }
}
