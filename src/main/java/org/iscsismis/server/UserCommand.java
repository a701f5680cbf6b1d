package org.iscsismis.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iscsismis.dispatch.NamespaceAccess;
import org.iscsismis.dispatch.NamespaceGrants;
import org.iscsismis.http.BasicAuthenticator;
import org.iscsismis.http.Pbkdf2Password;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code user add|passwd|remove|list}: manages the users file ({@link UsersFile}). The file is named by
 * {@code --users-file FILE}, or by {@code auth.usersFile} in {@code --config FILE}. Passwords are read from the
 * console without echo, or from standard input with {@code --password-stdin}; they are stored only as salted
 * PBKDF2 hashes. A running server reads the file at start-up: restart it to apply changes.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage the users file: accounts, password hashes and rights per namespace.",
        subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class, UserCommand.ListUsers.class})
public final class UserCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Reads passwords; tests replace it. */
    static PasswordInput passwords = PasswordInput.system();

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, passwd, remove or list");
    }

    /** Which users file: {@code --users-file}, or {@code auth.usersFile} of {@code --config}. */
    static final class UsersFileOption {
        @Option(names = "--users-file", paramLabel = "FILE", required = true, description = "the users file")
        Path usersFile;

        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "take the users file from auth.usersFile in this configuration file")
        Path config;

        Path file() {
            if (usersFile != null) {
                return usersFile;
            }
            Path file = ServerConfig.load(config, Map.of()).usersFile();
            if (file == null) {
                throw new ConfigurationException(config + " sets no " + ServerConfig.AUTH_USERS_FILE);
            }
            return file;
        }
    }

    /** Where the new password comes from, and how it is hashed. */
    static final class NewPassword {
        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean stdin;

        @Option(names = "--iterations", paramLabel = "N", hidden = true, description = "PBKDF2 iterations (tests use fewer)")
        int iterations = Pbkdf2Password.DEFAULT_ITERATIONS;

        Pbkdf2Password hash(String user) {
            char[] password = passwords.read(user, stdin);
            try {
                return Pbkdf2Password.create(password, iterations);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** The rights options of add (and passwd, to change them). */
    static final class RightsOptions {
        @Option(names = "--read", paramLabel = "NS", description = "read access to namespace (pattern) NS, e.g. root/interop or root/*")
        List<String> read = new ArrayList<>();

        @Option(names = "--write", paramLabel = "NS", description = "read and write access to namespace (pattern) NS")
        List<String> write = new ArrayList<>();

        @Option(names = "--none", paramLabel = "NS", description = "no access to namespace (pattern) NS (overrides a broader pattern)")
        List<String> none = new ArrayList<>();

        boolean any() {
            return !read.isEmpty() || !write.isEmpty() || !none.isEmpty();
        }

        NamespaceGrants applyTo(NamespaceGrants grants) {
            NamespaceGrants g = grants;
            try {
                for (String ns : read) {
                    g = g.with(ns, NamespaceAccess.READ);
                }
                for (String ns : write) {
                    g = g.with(ns, NamespaceAccess.WRITE);
                }
                for (String ns : none) {
                    g = g.with(ns, NamespaceAccess.NONE);
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
            return g;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user (creates the file, mode 0600, if needed).")
    static final class Add implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        UsersFileOption file;
        @ArgGroup(exclusive = false)
        RightsOptions rights = new RightsOptions();
        @ArgGroup(exclusive = false)
        NewPassword password = new NewPassword();
        @Parameters(paramLabel = "NAME", description = "the user name (no colon, whitespace or control characters)")
        String name;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Path path = file.file();
            Map<String, UsersFile.Entry> users = UsersFile.readIfExists(path);
            if (users.containsKey(name)) {
                throw new ConfigurationException("user \"" + name + "\" already exists in " + path + " (use passwd to change it)");
            }
            checkName(name);
            NamespaceGrants grants = rights.applyTo(NamespaceGrants.NOTHING);
            users.put(name, new UsersFile.Entry(name, password.hash(name), grants));
            UsersFile.write(path, users.values());
            out(spec).println("added user " + name + " (" + grants + ") to " + path);
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change a user's password, or with --read/--write/--none only the rights named.")
    static final class Passwd implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        UsersFileOption file;
        @ArgGroup(exclusive = false)
        RightsOptions rights = new RightsOptions();
        @ArgGroup(exclusive = false)
        NewPassword password = new NewPassword();
        @Parameters(paramLabel = "NAME")
        String name;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Path path = file.file();
            Map<String, UsersFile.Entry> users = UsersFile.read(path);
            UsersFile.Entry old = existing(users, name, path);
            UsersFile.Entry changed;
            if (rights.any()) {
                changed = old.withGrants(rights.applyTo(old.grants()));
            } else {
                changed = old.withPassword(password.hash(name));
            }
            users.put(name, changed);
            UsersFile.write(path, users.values());
            out(spec).println((rights.any() ? "changed the rights of " + name + " (" + changed.grants() + ")"
                    : "changed the password of " + name) + " in " + path);
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
    static final class Remove implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        UsersFileOption file;
        @Parameters(paramLabel = "NAME")
        String name;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Path path = file.file();
            Map<String, UsersFile.Entry> users = UsersFile.read(path);
            users.remove(existing(users, name, path).name());
            UsersFile.write(path, users.values());
            out(spec).println("removed user " + name + " from " + path);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users and their rights (never the hashes).")
    static final class ListUsers implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        UsersFileOption file;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Path path = file.file();
            PrintWriter out = out(spec);
            for (UsersFile.Entry e : UsersFile.read(path).values()) {
                out.println(e.name() + " " + e.grants());
            }
            return 0;
        }
    }

    private static UsersFile.Entry existing(Map<String, UsersFile.Entry> users, String name, Path path) {
        UsersFile.Entry e = users.get(name);
        if (e == null) {
            throw new ConfigurationException("no user \"" + name + "\" in " + path);
        }
        return e;
    }

    private static void checkName(String name) {
        try {
            BasicAuthenticator.checkUserName(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }
}
