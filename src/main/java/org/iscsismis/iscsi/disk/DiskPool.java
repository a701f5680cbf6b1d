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
    private final HeapDataLimit heap;
    private final Consumer<DiskPool> spaceChanged;

    /**
     * @param heap         the in-heap data limit the pool's allocations also count against
     * @param spaceChanged told after every change of the allocated bytes, on the allocating thread (keep it cheap)
     */
    DiskPool(String id, String name, long capacityBytes, HeapDataLimit heap, Consumer<DiskPool> spaceChanged) {
        this.heap = heap;
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
     * Bytes the registry's disks may still keep on the heap, over all pools: a replica needing more cannot be
     * filled (see {@link HeapDataLimit}).
     */
    public long heapFreeBytes() {
        return heap.freeBytes();
    }

    /** Take {@code bytes} from the pool (and the in-heap data limit) or fail without taking anything. */
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
            heap.reserve(diskId, id, bytes);
        } catch (PoolExhaustedException e) {
            allocatedBytes.addAndGet(-bytes);
            throw e;
        }
        spaceChanged.accept(this);
    }

    void release(long bytes) {
        allocatedBytes.addAndGet(-bytes);
        heap.release(bytes);
        spaceChanged.accept(this);
    }

    @Override
    public String toString() {
        return "DiskPool[" + id + " '" + name + "' " + allocatedBytes() + "/" + capacityBytes + " bytes]";
    }
}
