package org.iscsismis.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a private file (the users file, the CHAP secrets) says, read again when the file changes while the server
 * runs, so {@code iscsi-smis user ...} and {@code iscsi-smis chap ...} take effect without a restart.
 *
 * <p>On use, at most once per {@link #CHECK_INTERVAL_NANOS}, the file's modification time, size, identity (a file
 * replaced whole is a new one) and permissions are compared with those last seen; when any differs the file is read
 * again with {@code load}, which checks the mode 0600 and every line. A file that became unreadable, public or
 * malformed keeps the last good contents in force, and the error is logged once per change: a slip while editing
 * neither locks everyone out nor lets anyone in. The first read happens in the constructor, where a bad file still
 * stops the start.
 *
 * @param <T> what the file is read into (immutable)
 */
final class ReloadedFile<T> implements Supplier<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadedFile.class);
    /** How often, at most, the file is looked at: once a second. */
    static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final Path file;
    private final String what;
    private final Function<Path, T> load;
    private final LongSupplier nanoTime;
    private volatile T current;
    private volatile long nextCheck;
    private Object seen; // guarded by this

    /**
     * @param what how log lines name the file, e.g. "users file"
     * @param load reads and checks the file
     * @throws ConfigurationException (from {@code load}) if the file cannot be used now
     */
    ReloadedFile(Path file, String what, Function<Path, T> load) {
        this(file, what, load, System::nanoTime);
    }

    ReloadedFile(Path file, String what, Function<Path, T> load, LongSupplier nanoTime) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.what = what;
        this.load = load;
        this.nanoTime = nanoTime;
        this.seen = stamp();
        this.current = load.apply(file);
        this.nextCheck = nanoTime.getAsLong() + CHECK_INTERVAL_NANOS;
    }

    /** The file's contents as last read successfully, after reading it again if it changed. */
    @Override
    public T get() {
        if (nanoTime.getAsLong() - nextCheck >= 0) {
            check();
        }
        return current;
    }

    private synchronized void check() {
        long now = nanoTime.getAsLong();
        if (now - nextCheck < 0) {
            return; // another thread just looked
        }
        nextCheck = now + CHECK_INTERVAL_NANOS;
        Object stamp = stamp();
        if (stamp.equals(seen)) {
            return;
        }
        seen = stamp;
        try {
            current = load.apply(file);
            LOG.info("{} {} changed: read again", what, file);
        } catch (ConfigurationException | IllegalArgumentException | UncheckedIOException e) {
            LOG.error("{} {} changed but cannot be used ({}); the contents read before stay in force", what, file,
                    e.getMessage());
        }
    }

    /** What tells one version of the file from another; a file that cannot be looked at has a stamp of its own. */
    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            Object mode = null;
            try {
                mode = Files.readAttributes(file, PosixFileAttributes.class).permissions();
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions here: nothing to compare
            }
            return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()), String.valueOf(mode));
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
