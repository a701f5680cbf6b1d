package org.iscsismis.iscsi.disk;

/**
 * Observes and may veto every write (and trim, and engine copy) to one disk. The replication engine implements it to
 * do copy-on-write, synchronous mirroring, asynchronous queueing and dirty-chunk tracking, whoever writes.
 *
 * <p>Protocol for one write: {@link #open} is called before any chunk lock is taken (take your own locks here); then,
 * with the written chunks locked exclusively, {@link WriteScope#beforeApply}, the write itself,
 * {@link WriteScope#afterApply}; finally {@link WriteScope#close} after the chunk locks are released. Throwing from
 * {@code open} or {@code beforeApply} vetoes the write: the disk's bytes stay unchanged.
 */
@FunctionalInterface
public interface WriteInterceptor {

    /**
     * A disk nobody hooked: host writes pass, engine writes are dropped (an engine writes a disk only on behalf of a
     * relationship that hooked it; once the relationship is gone, a copy it had already decided on is stale).
     */
    WriteInterceptor NONE = (disk, offset, length, origin) -> origin == WriteOrigin.HOST ? WriteScope.NONE : WriteScope.DROP;

    /** A write of {@code length} bytes at {@code offset} by {@code origin} is about to start. */
    WriteScope open(VirtualDisk disk, long offset, long length, WriteOrigin origin);

    /**
     * A host asked for the disk's data to be made durable, which happens right after this returns: make durable
     * first whatever copies of it the interceptor keeps elsewhere (a synchronous mirror's target, preserved chunks
     * and their maps), so that what the disk holds durably is never ahead of them.
     */
    default void flushing(VirtualDisk disk) {
    }

    /** The per-write callbacks of an interceptor. */
    interface WriteScope extends AutoCloseable {

        /** Lets the write through. */
        WriteScope NONE = new WriteScope() { };

        /** Drops the write: nothing lands. */
        WriteScope DROP = new WriteScope() {
            @Override
            public boolean beforeApply(long firstChunk, long lastChunk) {
                return false;
            }
        };

        /**
         * Chunks {@code [firstChunk, lastChunk]} are locked; the bytes have not landed yet. Returning false drops the
         * write: nothing lands and {@link #afterApply} is not called. Host writes are never dropped; an engine write
         * is, when its reason went away while it waited for the locks (a restore of a chunk already restored).
         */
        default boolean beforeApply(long firstChunk, long lastChunk) {
            return true;
        }

        /** The bytes at {@code [offset, offset + length)} have landed; the chunks are still locked. */
        default void afterApply(long offset, long length) {
        }

        /** The chunk locks are released; may throw to report a failure to the writer after the fact. */
        @Override
        default void close() {
        }
    }
}
