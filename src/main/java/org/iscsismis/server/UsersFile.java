package org.iscsismis.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iscsismis.dispatch.NamespaceGrants;
import org.iscsismis.http.BasicAuthenticator;
import org.iscsismis.http.Pbkdf2Password;

/**
 * The users file ({@code auth.usersFile}): one user per line, {@code NAME HASH RIGHTS}, where HASH is a
 * {@link Pbkdf2Password} ({@code pbkdf2-sha256:ITERATIONS:SALT:HASH}) and RIGHTS the user's {@link NamespaceGrants}
 * ({@code root/interop=read,root/cimv2/*=write}, or {@code -} for none); {@code #} starts a comment line. It never
 * holds a password in clear.
 *
 * <p>The file must be readable and writable by its owner only (mode 0600 or stricter, where the file system has POSIX
 * permissions): the server refuses to start otherwise. It is written whole, to a new file of mode 0600 that then
 * replaces the old one, so a reader never sees half a file.
 */
final class UsersFile {

    /** One line of the file. */
    record Entry(String name, Pbkdf2Password password, NamespaceGrants grants) {
        Entry {
            BasicAuthenticator.checkUserName(name);
        }

        Entry withPassword(Pbkdf2Password p) {
            return new Entry(name, p, grants);
        }

        Entry withGrants(NamespaceGrants g) {
            return new Entry(name, password, g);
        }
    }

    private static final String WHAT = "users file";
    private static final String HEADER = "# iscsi-smis users: NAME PASSWORD-HASH RIGHTS (managed with \"iscsi-smis user\"; mode 0600)";

    private UsersFile() {
    }

    /**
     * The users of {@code file}, in file order.
     *
     * @throws ConfigurationException if the file is missing, readable or writable by group or others, or a line is
     *                                malformed (named by {@code file:line})
     */
    static Map<String, Entry> read(Path file) {
        Map<String, Entry> users = new LinkedHashMap<>();
        for (PrivateFile.Line line : PrivateFile.read(file, WHAT, "iscsi-smis user add --users-file " + file + " NAME")) {
            String where = line.where();
            String[] fields = line.fields();
            if (fields.length != 3) {
                throw new ConfigurationException(where + "expected NAME PASSWORD-HASH RIGHTS");
            }
            Entry entry;
            try {
                entry = new Entry(fields[0], Pbkdf2Password.parse(fields[1]), NamespaceGrants.parse(fields[2]));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(where + e.getMessage());
            }
            if (users.put(entry.name(), entry) != null) {
                throw new ConfigurationException(where + "user \"" + entry.name() + "\" is listed twice");
            }
        }
        return users;
    }

    /** The users of {@code file}, or none if it does not exist yet (the user subcommands start from there). */
    static Map<String, Entry> readIfExists(Path file) {
        return Files.exists(file) ? read(file) : new LinkedHashMap<>();
    }

    /** Replaces {@code file} with {@code users}, written to a new mode-0600 file first. */
    static void write(Path file, Iterable<Entry> users) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Entry e : users) {
            lines.add(e.name() + " " + e.password().format() + " " + e.grants());
        }
        PrivateFile.write(file, lines, WHAT);
    }

    /** ConfigurationException unless only the owner may read or write {@code file} (POSIX file systems). */
    static void checkPermissions(Path file) {
        PrivateFile.checkPermissions(file, WHAT);
    }
}
