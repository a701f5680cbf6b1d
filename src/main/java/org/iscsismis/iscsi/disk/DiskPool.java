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
    private final Consumer<DiskPool> spaceChanged;

    DiskPool(String id, String name, long capacityBytes) {
        this(id, name, capacityBytes, p -> { });
    }

    /** @param spaceChanged told after every change of the allocated bytes, on the allocating thread (keep it cheap) */
    DiskPool(String id, String name, long capacityBytes, Consumer<DiskPool> spaceChanged) {
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

    /** Take {@code bytes} from the pool or fail without taking anything. */
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
                spaceChanged.accept(this);
                return;
            }
        }
    }

    void release(long bytes) {
        allocatedBytes.addAndGet(-bytes);
        spaceChanged.accept(this);
    }

    @Override
    public String toString() {
        return "DiskPool[" + id + " '" + name + "' " + allocatedBytes() + "/" + capacityBytes + " bytes]";
    }
}
