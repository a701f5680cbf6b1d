package org.iscsismis.iscsi.disk;

import java.nio.file.Path;

/**
 * The medium all disks of a {@link DiskRegistry} keep their chunks on, and the limit it puts on them beside each
 * pool's capacity: {@link #heap} (arrays on the Java heap, at most so many bytes) or {@link #files} (one sparse file
 * per disk in a directory, as long as the file system keeps a margin free). A chunk a pool hands out is also
 * reserved here; running out is refused like a full pool ({@link PoolExhaustedException}), never an
 * OutOfMemoryError or a full file system.
 */
public abstract class DiskStorage implements AutoCloseable {

    DiskStorage() {
    }

    /** Chunks on the Java heap, at most {@code maxBytes} over all disks; nothing outlives the process. */
    public static DiskStorage heap(long maxBytes) {
        return new HeapStorage(maxBytes);
    }

    /**
     * One sparse file per disk in {@code directory} (created if missing), kept across restarts; a chunk that would
     * leave less than {@code minFreeBytes} free on the directory's file system is refused.
     */
    public static DiskStorage files(Path directory, long minFreeBytes) {
        return FileStorage.open(directory, minFreeBytes, false);
    }

    /** Like {@link #files} in a new temporary directory that {@link #close} removes with everything in it. */
    public static DiskStorage temporaryFiles(long minFreeBytes) {
        return FileStorage.temporary(minFreeBytes);
    }

    /** Bytes of disk data that may still be added (a replica needing more cannot be filled). */
    public abstract long freeBytes();

    /** One line for the start-up log: where disk data lives. */
    public abstract String description();

    /** True if disk data survives the process (the registry's disks can be opened again by a later one). */
    public abstract boolean persistent();

    /** A new, empty store for a disk. */
    abstract ChunkStore create(String diskId, long sizeBytes, int chunkSize);

    /** The store a disk of an earlier run left (only a persistent medium has any). */
    abstract ChunkStore open(String diskId, long sizeBytes, int chunkSize);

    /** Takes {@code bytes} for a disk's new chunks, or fails without taking anything. */
    abstract void reserve(String diskId, String poolId, long bytes);

    abstract void release(long bytes);

    /** Counts data that a reopened disk already holds. */
    abstract void adopt(long bytes);

    /** Removes stores of disks not in {@code keep} (left by a disk whose creation was never recorded). */
    public abstract void removeOrphans(java.util.Set<String> keep);

    @Override
    public abstract void close();
}
