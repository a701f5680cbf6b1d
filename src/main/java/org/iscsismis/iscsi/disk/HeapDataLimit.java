package org.iscsismis.iscsi.disk;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes all disks of a registry may hold on the Java heap (their chunks live there until disks move
 * off heap). Every chunk a pool hands out is also taken from here, so filling the heap with disk data is
 * refused like a full pool ({@link PoolExhaustedException}), never an OutOfMemoryError. Thread-safe.
 */
final class HeapDataLimit {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    HeapDataLimit(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("the in-heap disk data limit must be positive, got " + capacityBytes);
        }
        this.capacity = capacityBytes;
    }

    long capacity() {
        return capacity;
    }

    long freeBytes() {
        return capacity - used.get();
    }

    /** Takes {@code bytes}, or fails without taking anything. */
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

    void release(long bytes) {
        used.addAndGet(-bytes);
    }
}
