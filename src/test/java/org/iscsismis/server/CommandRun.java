package org.iscsismis.server;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The command line run in-process: passwords and secrets from the given standard input, output and errors caught. */
final class CommandRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code args}; its prompts read {@code stdin}. Call {@link #restore} after the test. */
    int run(String stdin, String... args) {
        UserCommand.passwords = new PasswordInput(null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Puts the console back. */
    static void restore() {
        UserCommand.passwords = PasswordInput.system();
    }
}
