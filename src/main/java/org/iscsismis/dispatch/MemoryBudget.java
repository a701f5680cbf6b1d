package org.iscsismis.dispatch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap the server may spend on work it admits: request bodies being read and decoded, and the
 * buffered results of pulled enumerations. Admission, not luck, keeps the heap bounded: work that
 * would take more than what is left is refused with a clear "busy" answer instead of running the
 * JVM out of memory. Figures are estimates (see {@code docs/configuration.md}), so the budget is
 * sized with headroom below the heap. Thread-safe.
 */
public final class MemoryBudget {

    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    /**
     * @param capacityBytes the most bytes reserved at once; {@link Long#MAX_VALUE} for no limit
     */
    public MemoryBudget(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive, got " + capacityBytes);
        }
        this.capacity = capacityBytes;
    }

    /** A budget that never refuses (tests and embedding without limits). */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE);
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes reserved now. */
    public long used() {
        return used.get();
    }

    /** A new, empty reservation; close it when the work it pays for is done. */
    public Reservation reserve() {
        return new Reservation();
    }

    private boolean take(long bytes) {
        while (true) {
            long now = used.get();
            if (bytes > capacity - now) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** The bytes one piece of work holds; grows as the work needs more, released whole by {@link #close()}. */
    public final class Reservation implements AutoCloseable {

        private long bytes;
        private boolean closed;

        private Reservation() {
        }

        /**
         * Makes the reservation at least {@code total} bytes.
         *
         * @return false, reserving nothing more, if the budget has not that much left (or the reservation is closed)
         */
        public synchronized boolean growTo(long total) {
            if (closed) {
                return false;
            }
            if (total <= bytes) {
                return true;
            }
            if (!take(total - bytes)) {
                return false;
            }
            bytes = total;
            return true;
        }

        /** Adds {@code more} bytes; false (nothing added) if the budget has not that much left. */
        public synchronized boolean growBy(long more) {
            return growTo(bytes + more);
        }

        /** Bytes held by this reservation. */
        public synchronized long bytes() {
            return bytes;
        }

        /** What is left in the whole budget, for messages. */
        public long budgetLeft() {
            return capacity - used.get();
        }

        /** The budget's size, for messages. */
        public long budgetCapacity() {
            return capacity;
        }

        /** Gives everything back; later growth is refused. Idempotent. */
        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                used.addAndGet(-bytes);
                bytes = 0;
            }
        }
    }
}
