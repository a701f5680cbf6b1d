package org.iscsismis.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iscsismis.iscsi.target.TargetNames;
import org.iscsismis.iscsi.target.login.ChapCredential;
import org.iscsismis.iscsi.target.login.ChapSecrets;

/**
 * The CHAP secrets file ({@code iscsi.chap.secretsFile}): one credential per line, {@code KIND NAME NODE SECRET}.
 * KIND is {@code initiator} (a CHAP name and secret an initiator proves) or {@code target} (the name and secret the
 * target answers with in mutual CHAP); NODE is a target node's iSCSI name or {@code *} for every node and discovery;
 * SECRET is the secret's bytes in base64 after {@code 0b} (the encoding of RFC 7143 §6.1), so any bytes fit on a
 * line. {@code #} starts a comment line.
 *
 * <p>CHAP needs the secret itself to compute and check responses, so unlike the users file this holds secrets that
 * can be used as they are: it is protected by being readable and writable by its owner only (mode 0600, checked at
 * start-up and on every read, written as {@link PrivateFile}), and secrets never appear on the command line, in
 * {@code chap list} or in the log.
 */
final class ChapSecretsFile {

    /** Whose credential a line is. */
    enum Kind {
        INITIATOR, TARGET;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word().equals(word)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("\"" + word + "\" is not initiator or target");
        }
    }

    /** One line. */
    record Entry(Kind kind, String node, ChapCredential credential) {
        Entry {
            if (!node.equals(ChapSecrets.ANY_NODE)) {
                TargetNames.check(node);
            }
        }

        boolean sameSlot(Entry other) {
            return kind == other.kind && node.equals(other.node)
                    && (kind == Kind.TARGET || credential.name().equals(other.credential.name()));
        }
    }

    static final String WHAT = "CHAP secrets file";
    private static final String HEADER = "# iscsi-smis CHAP secrets: KIND NAME NODE SECRET (managed with \"iscsi-smis chap\"; mode 0600)";

    private ChapSecretsFile() {
    }

    /**
     * The entries of {@code file}, in file order.
     *
     * @throws ConfigurationException if the file is missing, readable or writable by group or others, or a line is
     *                                malformed (named by {@code file:line}, never showing the secret)
     */
    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        for (PrivateFile.Line line : PrivateFile.read(file, WHAT, "iscsi-smis chap add --secrets-file " + file + " initiator NAME")) {
            String where = line.where();
            String[] fields = line.fields();
            if (fields.length != 4 || !fields[3].startsWith("0b")) {
                throw new ConfigurationException(where + "expected KIND NAME NODE 0bBASE64-SECRET");
            }
            Entry entry;
            try {
                entry = new Entry(Kind.of(fields[0]), fields[2], new ChapCredential(fields[1], Base64.getDecoder().decode(fields[3].substring(2))));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + e.getMessage());
            }
            add(entries, entry, where);
        }
        return entries;
    }

    /** The entries of {@code file}, or none if it does not exist yet (the chap subcommands start from there). */
    static List<Entry> readIfExists(Path file) {
        return Files.exists(file) ? read(file) : new ArrayList<>();
    }

    /**
     * Adds {@code entry} to {@code entries} after the checks the target needs.
     *
     * @throws ConfigurationException if the slot is taken (an initiator name twice for a node, a second target
     *                                credential for a node) or RFC 7143's rule on secrets is broken
     */
    static void add(List<Entry> entries, Entry entry, String where) {
        for (Entry e : entries) {
            if (e.sameSlot(entry)) {
                throw new ConfigurationException(where + entry.kind().word() + " " + (entry.kind() == Kind.TARGET ? "credential"
                        : entry.credential().name()) + " for node " + entry.node() + " is already there");
            }
        }
        List<Entry> all = new ArrayList<>(entries);
        all.add(entry);
        secrets(all, Set.of(), where);
        entries.add(entry);
    }

    /**
     * The target's view of the entries.
     *
     * @throws ConfigurationException naming {@code where} if a secret serves both an initiator and a target
     */
    static ChapSecrets secrets(List<Entry> entries, Set<String> required, String where) {
        List<ChapSecrets.Scoped> initiators = new ArrayList<>();
        List<ChapSecrets.Scoped> targets = new ArrayList<>();
        for (Entry e : entries) {
            (e.kind() == Kind.INITIATOR ? initiators : targets).add(new ChapSecrets.Scoped(e.node(), e.credential()));
        }
        try {
            return ChapSecrets.of(initiators, targets, required);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(where + e.getMessage());
        }
    }

    /** Replaces {@code file} with {@code entries}, written to a new mode-0600 file first. */
    static void write(Path file, List<Entry> entries) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Entry e : entries) {
            lines.add(e.kind().word() + " " + e.credential().name() + " " + e.node() + " 0b"
                    + Base64.getEncoder().encodeToString(e.credential().secret()));
        }
        PrivateFile.write(file, lines, WHAT);
    }
}
