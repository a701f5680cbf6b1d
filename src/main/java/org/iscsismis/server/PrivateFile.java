package org.iscsismis.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A file only its owner may read or write (mode 0600), such as the users file or the CHAP secrets: checked before it
 * is read, and always written whole to a new owner-only file that then replaces the old one, so that neither a
 * reader nor another local user ever sees it otherwise. Where the file system has no POSIX permissions nothing is
 * checked.
 */
final class PrivateFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFile() {
    }

    /**
     * @param what how messages name the file, e.g. "users file"
     * @throws ConfigurationException if group or others may read or write {@code file}
     */
    static void checkPermissions(Path file, String what) {
        if (!Files.exists(file) || !posix(file.toAbsolutePath().getParent())) {
            return;
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.GROUP_WRITE)
                    || p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new ConfigurationException(what + " " + file + " is accessible to group or others (mode "
                        + PosixFilePermissions.toString(p) + "); make it private: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the permissions of " + what + " " + file + ": " + e.getMessage());
        }
    }

    /** One line of a whitespace-separated file: where it is ({@code file:line: }, for messages) and its fields. */
    record Line(String where, String[] fields) {
    }

    /**
     * The non-empty lines of {@code file} that are not {@code #} comments, split at whitespace, after the permission
     * check.
     *
     * @param createHint how to create the file, for the message when it does not exist
     * @throws ConfigurationException if the file is missing, not private, or unreadable
     */
    static List<Line> read(Path file, String what, String createHint) {
        checkPermissions(file, what);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(what + " " + file + " does not exist; create it with: " + createHint);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(new Line(file + ":" + (i + 1) + ": ", line.split("\\s+")));
            }
        }
        return out;
    }

    /** Replaces {@code file} with {@code lines}, written to a new mode-0600 file in the same directory first. */
    static void write(Path file, List<String> lines, String what) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = posix(dir) ? Files.createTempFile(dir, ".private", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".private", ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot write " + what + " " + file + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the move took it, or it stays as a harmless owner-only temporary file
                }
            }
        }
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
