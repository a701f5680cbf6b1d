package org.iscsismis.server;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.iscsismis.iscsi.target.login.ChapCredential;
import org.iscsismis.iscsi.target.login.ChapSecrets;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chap add|remove|list}: manages the CHAP secrets file ({@link ChapSecretsFile}), named by
 * {@code --secrets-file FILE} or by {@code iscsi.chap.secretsFile} in {@code --config FILE}. Secrets are read from
 * the console without echo, or from standard input with {@code --secret-stdin}; never from the command line. A running
 * server reads the file at start-up: restart it to apply changes.
 */
@Command(name = "chap", mixinStandardHelpOptions = true,
        description = "Manage the iSCSI CHAP secrets: initiator names and secrets, and the target's own for mutual CHAP.",
        subcommands = {ChapCommand.Add.class, ChapCommand.Remove.class, ChapCommand.ListSecrets.class})
public final class ChapCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, remove or list");
    }

    /** Which secrets file: {@code --secrets-file}, or {@code iscsi.chap.secretsFile} of {@code --config}. */
    static final class SecretsFileOption {
        @Option(names = "--secrets-file", paramLabel = "FILE", required = true, description = "the CHAP secrets file")
        Path secretsFile;

        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "take the secrets file from iscsi.chap.secretsFile in this configuration file")
        Path config;

        Path file() {
            if (secretsFile != null) {
                return secretsFile;
            }
            Path file = ServerConfig.load(config, Map.of()).iscsiChapSecretsFile();
            if (file == null) {
                throw new ConfigurationException(config + " sets no " + ServerConfig.ISCSI_CHAP_SECRETS_FILE);
            }
            return file;
        }
    }

    /** The entry's kind, name and node, as add and remove name it. */
    static final class Slot {
        @Parameters(index = "0", paramLabel = "KIND", description = "initiator (a name and secret an initiator proves) or "
                + "target (the name and secret the target answers with in mutual CHAP)")
        String kind;

        @Parameters(index = "1", paramLabel = "NAME", description = "the CHAP name (CHAP_N)")
        String name;

        @Option(names = "--node", paramLabel = "IQN", description = "the target node it is for (default *: every node and discovery)")
        String node = ChapSecrets.ANY_NODE;

        ChapSecretsFile.Kind parsedKind() {
            try {
                return ChapSecretsFile.Kind.of(kind);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("KIND " + e.getMessage());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a CHAP name and secret (creates the file, mode 0600, if needed); the secret is read without echo.")
    static final class Add implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        SecretsFileOption file;
        @ArgGroup(exclusive = false, multiplicity = "1")
        Slot slot;
        @Option(names = "--secret-stdin", description = "read the secret from the first line of standard input")
        boolean stdin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Path path = file.file();
            ChapSecretsFile.Kind kind = slot.parsedKind();
            List<ChapSecretsFile.Entry> entries = ChapSecretsFile.readIfExists(path);
            byte[] secret = utf8(UserCommand.passwords.read("CHAP secret for " + slot.name, "secret", "--secret-stdin", stdin));
            ChapSecretsFile.Entry entry;
            try {
                entry = new ChapSecretsFile.Entry(kind, slot.node, new ChapCredential(slot.name, secret));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage() + "; nothing was changed");
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            ChapSecretsFile.add(entries, entry, "");
            ChapSecretsFile.write(path, entries);
            if (entry.credential().secret().length < ChapCredential.RECOMMENDED_SECRET_BYTES) {
                spec.commandLine().getErr().println("warning: RFC 7143 recommends CHAP secrets of at least "
                        + ChapCredential.RECOMMENDED_SECRET_BYTES + " bytes (random, not a word)");
            }
            spec.commandLine().getOut().println("added " + kind.word() + " " + slot.name + " for node " + slot.node + " to " + path);
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a CHAP name and its secret.")
    static final class Remove implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        SecretsFileOption file;
        @ArgGroup(exclusive = false, multiplicity = "1")
        Slot slot;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Path path = file.file();
            ChapSecretsFile.Kind kind = slot.parsedKind();
            List<ChapSecretsFile.Entry> entries = ChapSecretsFile.read(path);
            if (!entries.removeIf(e -> e.kind() == kind && e.node().equals(slot.node) && e.credential().name().equals(slot.name))) {
                throw new ConfigurationException("no " + kind.word() + " " + slot.name + " for node " + slot.node + " in " + path);
            }
            ChapSecretsFile.write(path, entries);
            spec.commandLine().getOut().println("removed " + kind.word() + " " + slot.name + " for node " + slot.node + " from " + path);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the CHAP names and their nodes (never the secrets).")
    static final class ListSecrets implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        SecretsFileOption file;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            for (ChapSecretsFile.Entry e : ChapSecretsFile.read(file.file())) {
                spec.commandLine().getOut().println(e.kind().word() + " " + e.credential().name() + " " + e.node());
            }
            return 0;
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        Arrays.fill(chars, '\0');
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
