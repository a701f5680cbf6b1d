package org.iscsismis.dispatch;

import org.iscsismis.operation.ResponseSink;

/**
 * The items of one pulled enumeration, handed out a batch at a time. Used by one request at a
 * time (the context table guarantees it), so implementations need not be thread-safe.
 */
interface PullSource {

    /** True if another item remains. */
    boolean hasNext();

    /** Writes the next item into {@code sink} (VALUE.INSTANCEWITHPATH or INSTANCEPATH, as the open asked). */
    void writeNext(ResponseSink sink);

    /** An estimate of the items left, or null when unknown (EnumerationCount). */
    Long remaining();

    /** The context is gone (finished, closed, timed out or failed): give back what it holds. */
    default void close() {
    }
}
