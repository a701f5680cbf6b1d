package org.iscsismis.iscsi.disk;

/**
 * Observes and may veto host writes (and trims) to one disk. The replication engine implements it to do
 * copy-on-write, synchronous mirroring, asynchronous queueing and dirty-chunk tracking.
 *
 * <p>Protocol for one host write: {@link #open} is called before any chunk lock is taken (take your own locks
 * here); then, with the written chunks locked exclusively, {@link WriteScope#beforeApply}, the write itself,
 * {@link WriteScope#afterApply}; finally {@link WriteScope#close} after the chunk locks are released. Throwing
 * from {@code open} or {@code beforeApply} vetoes the write: the disk's bytes stay unchanged.
 */
@FunctionalInterface
public interface WriteInterceptor {

    /** Lets every write through and observes nothing. */
    WriteInterceptor NONE = (disk, offset, length) -> WriteScope.NONE;

    WriteScope open(VirtualDisk disk, long offset, int length);

    /** The per-write callbacks of an interceptor. */
    interface WriteScope extends AutoCloseable {

        WriteScope NONE = new WriteScope() { };

        /** Chunks {@code [firstChunk, lastChunk]} are locked; the bytes have not landed yet. */
        default void beforeApply(long firstChunk, long lastChunk) {
        }

        /** The bytes at {@code [offset, offset + length)} have landed; the chunks are still locked. */
        default void afterApply(long offset, int length) {
        }

        /** The chunk locks are released; may throw to report a failure to the host after the fact. */
        @Override
        default void close() {
        }
    }
}
