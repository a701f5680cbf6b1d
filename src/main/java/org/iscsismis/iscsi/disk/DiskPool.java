package org.iscsismis.iscsi.disk;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A pool of capacity from which disks are thin-provisioned: creating a disk reserves nothing, each chunk a disk
 * allocates on first write is taken from the pool and returned when trimmed or when the disk is deleted.
 */
public final class DiskPool {

    private final String id;
    private final String name;
    private final long capacityBytes;
    private final AtomicLong allocatedBytes = new AtomicLong();
    private final DiskStorage storage;
    private final Consumer<DiskPool> spaceChanged;

    /**
     * @param storage      where the pool's disks keep their data; its limit counts the pool's allocations too
     * @param spaceChanged told after every change of the allocated bytes, on the allocating thread (keep it cheap)
     */
    DiskPool(String id, String name, long capacityBytes, DiskStorage storage, Consumer<DiskPool> spaceChanged) {
        this.storage = storage;
        this.spaceChanged = spaceChanged;
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("pool capacity must not be negative: " + capacityBytes);
        }
        this.id = id;
        this.name = name;
        this.capacityBytes = capacityBytes;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    public long allocatedBytes() {
        return allocatedBytes.get();
    }

    public long freeBytes() {
        return capacityBytes - allocatedBytes.get();
    }

    /**
     * Bytes of disk data the registry's medium may still take, over all pools (the in-heap limit, or the file
     * system's free space above its margin): a replica needing more cannot be filled (see {@link DiskStorage}).
     */
    public long storageFreeBytes() {
        return storage.freeBytes();
    }

    /** Where the data lives and what limits it, for messages. */
    public String storageDescription() {
        return storage.description();
    }

    /** Take {@code bytes} from the pool (and the medium) or fail without taking anything. */
    void reserve(String diskId, long bytes) {
        if (bytes == 0) {
            return;
        }
        while (true) {
            long used = allocatedBytes.get();
            if (used + bytes > capacityBytes) {
                throw new PoolExhaustedException(diskId, id, bytes, capacityBytes - used);
            }
            if (allocatedBytes.compareAndSet(used, used + bytes)) {
                break;
            }
        }
        try {
            storage.reserve(diskId, id, bytes);
        } catch (PoolExhaustedException e) {
            allocatedBytes.addAndGet(-bytes);
            throw e;
        }
        spaceChanged.accept(this);
    }

    void release(long bytes) {
        if (bytes == 0) {
            return;
        }
        allocatedBytes.addAndGet(-bytes);
        storage.release(bytes);
        spaceChanged.accept(this);
    }

    /** Count data a reopened disk already holds (recovery: the pool's space is what its disks' chunk maps say). */
    void adopt(long bytes) {
        allocatedBytes.addAndGet(bytes);
        storage.adopt(bytes);
    }

    @Override
    public String toString() {
        return "DiskPool[" + id + " '" + name + "' " + allocatedBytes() + "/" + capacityBytes + " bytes]";
    }
}
