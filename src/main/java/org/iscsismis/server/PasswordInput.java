package org.iscsismis.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a new password or CHAP secret comes from: the console, typed twice without echo, or the first line of standard
 * input ({@code --password-stdin}, {@code --secret-stdin}, for scripts). Never the command line, where every local user could read it.
 */
final class PasswordInput {

    private final Console console;
    private final InputStream stdin;

    PasswordInput(Console console, InputStream stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    static PasswordInput system() {
        return new PasswordInput(System.console(), System.in);
    }

    /**
     * @throws ConfigurationException if there is no console (and not --password-stdin), the two entries differ, or
     *                                the password is empty
     */
    char[] read(String user, boolean fromStdin) {
        return read("Password for " + user, "password", "--password-stdin", fromStdin);
    }

    /**
     * @param prompt what the console shows before the first entry
     * @param noun   what messages call it ("password", "secret")
     * @param option the option that reads standard input instead
     */
    char[] read(String prompt, String noun, String option, boolean fromStdin) {
        char[] password;
        if (fromStdin) {
            password = firstLine(noun);
        } else {
            if (console == null) {
                throw new ConfigurationException("no console to read the " + noun + " from; pipe it in with " + option);
            }
            password = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !Arrays.equals(password, again)) {
                throw new ConfigurationException("the two " + noun + "s differ (or input ended); nothing was changed");
            }
            Arrays.fill(again, '\0');
        }
        if (password == null || password.length == 0) {
            throw new ConfigurationException("the " + noun + " is empty; nothing was changed");
        }
        return password;
    }

    private char[] firstLine(String noun) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            String line = reader.readLine();
            return line == null ? null : line.toCharArray();
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the " + noun + " from standard input: " + e.getMessage());
        }
    }
}
