package org.iscsismis.iscsi.disk;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Disk data on the Java heap, at most {@code capacity} bytes over all disks: every chunk a pool hands out is also
 * taken from here, so filling the heap with disk data is refused like a full pool ({@link PoolExhaustedException}),
 * never an OutOfMemoryError. Thread-safe.
 */
final class HeapStorage extends DiskStorage {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    HeapStorage(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("the in-heap disk data limit must be positive, got " + capacityBytes);
        }
        this.capacity = capacityBytes;
    }

    long capacity() {
        return capacity;
    }

    @Override
    public long freeBytes() {
        return capacity - used.get();
    }

    @Override
    public String description() {
        return "on the Java heap (at most " + capacity + " bytes, storage.maxHeapBytes; lost at exit)";
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    ChunkStore create(String diskId, long sizeBytes, int chunkSize) {
        return new HeapChunkStore(chunkSize);
    }

    @Override
    ChunkStore open(String diskId, long sizeBytes, int chunkSize) {
        throw new IllegalStateException("disk " + diskId + ": data on the heap does not outlive a process");
    }

    @Override
    void reserve(String diskId, String poolId, long bytes) {
        while (true) {
            long now = used.get();
            if (bytes > capacity - now) {
                throw PoolExhaustedException.heapLimit(diskId, poolId, bytes, capacity - now, capacity);
            }
            if (used.compareAndSet(now, now + bytes)) {
                return;
            }
        }
    }

    @Override
    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    @Override
    void adopt(long bytes) {
        used.addAndGet(bytes);
    }

    @Override
    public void removeOrphans(Set<String> keep) {
        // nothing of an earlier run is left on the heap
    }

    @Override
    public void close() {
        // the stores' arrays go with their disks
    }
}
