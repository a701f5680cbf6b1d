package org.iscsismis.iscsi.disk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Disk data in files: one {@link FileChunkStore} per disk in one directory. The limit beside each pool's capacity
 * is the file system's: a new chunk that would leave less than {@code minFreeBytes} usable there is refused like a
 * full pool. The heap holds only each disk's chunk map (one bit per chunk).
 */
final class FileStorage extends DiskStorage {

    private final Path directory;
    private final long minFreeBytes;
    private final boolean temporary;
    private final FileStore fileStore;

    private FileStorage(Path directory, long minFreeBytes, boolean temporary) throws IOException {
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("the free space kept on the file system must not be negative: " + minFreeBytes);
        }
        this.directory = directory;
        this.minFreeBytes = minFreeBytes;
        this.temporary = temporary;
        Files.createDirectories(directory);
        this.fileStore = Files.getFileStore(directory);
    }

    static FileStorage open(Path directory, long minFreeBytes, boolean temporary) {
        try {
            return new FileStorage(directory, minFreeBytes, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + " for disk data: " + e.getMessage(), e);
        }
    }

    static FileStorage temporary(long minFreeBytes) {
        try {
            return new FileStorage(Files.createTempDirectory("iscsi-smis-disks-"), minFreeBytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for disk data: " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public long freeBytes() {
        return Math.max(0, usable() - minFreeBytes);
    }

    private long usable() {
        try {
            return fileStore.getUsableSpace();
        } catch (IOException e) {
            return 0; // a file system that cannot say how much room it has gets no new chunks
        }
    }

    @Override
    public String description() {
        return "in sparse files in " + directory + (temporary ? " (a temporary directory, removed at exit)" : "")
                + ", keeping " + minFreeBytes + " bytes of its file system free (storage.minFreeBytes)";
    }

    @Override
    public boolean persistent() {
        return !temporary;
    }

    @Override
    ChunkStore create(String diskId, long sizeBytes, int chunkSize) {
        return FileChunkStore.open(directory, diskId, sizeBytes, chunkSize, true);
    }

    @Override
    ChunkStore open(String diskId, long sizeBytes, int chunkSize) {
        return FileChunkStore.open(directory, diskId, sizeBytes, chunkSize, false);
    }

    @Override
    void reserve(String diskId, String poolId, long bytes) {
        long usable = usable();
        if (usable - bytes < minFreeBytes) {
            throw PoolExhaustedException.fileSystemFull(diskId, poolId, bytes, Math.max(0, usable - minFreeBytes), directory.toString());
        }
    }

    @Override
    void release(long bytes) {
        // the file system counts for itself
    }

    @Override
    void adopt(long bytes) {
        // the file system counts for itself
    }

    @Override
    public void removeOrphans(Set<String> keep) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String suffix = dot < 0 ? "" : name.substring(dot);
                boolean ours = suffix.equals(FileChunkStore.IMAGE_SUFFIX) || suffix.equals(FileChunkStore.MAP_SUFFIX);
                if (ours && !keep.contains(name.substring(0, dot))) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary disk directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
