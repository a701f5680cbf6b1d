package org.iscsismis.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A server's data directory, locked for the life of the server so that a second server on the same directory
 * refuses to start ({@link FileChannel#tryLock} on {@code lock}, released by the operating system when the
 * process ends however it ends). Layout:
 * <pre>
 * lock              the lock; holds the owner's process id, for people
 * journal           the write-ahead log of state records ({@link Journal})
 * disks/disk-N.img  a virtual disk: a sparse raw image
 * disks/disk-N.map  which of its chunks hold data
 * pairs/pair-N.*    a replication pair's chunk maps (pending, preserved, restore, intent)
 * </pre>
 */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory if needed and locks it.
     *
     * @throws DataDirectoryLockedException if another process (or this one) holds it
     * @throws UncheckedIOException         if it cannot be created or locked
     */
    public static DataDirectory open(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.resolve("disks"));
            Files.createDirectories(dir.resolve("pairs"));
            channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close();
                throw new DataDirectoryLockedException(dir, owner);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirectory(dir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot use the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            channel.read(b, 0);
            return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    public Path root() {
        return root;
    }

    public Path journalFile() {
        return root.resolve("journal");
    }

    public Path disks() {
        return root.resolve("disks");
    }

    public Path pairs() {
        return root.resolve("pairs");
    }

    /** Force a directory's entries (a rename or a new file in it) to the device. */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
