package org.iscsismis.provider;

/**
 * Where a provider delivers results, one at a time, as it produces them. The dispatcher may write
 * each one to the network before the next is produced, so a provider never builds a result list.
 *
 * <p>A sink is used by the thread that called the provider, during that call only. A call may
 * throw: a {@link org.iscsismis.cim.CimException} when the dispatcher refuses the item (for
 * example an instance of a class the provider does not serve), or an
 * {@link java.io.UncheckedIOException} when the client went away; the provider should let both
 * propagate (and release what it holds in {@code finally}).
 *
 * @param <T> the result type: {@link org.iscsismis.cim.CimInstance} or {@link org.iscsismis.cim.ObjectPath}
 */
@FunctionalInterface
public interface ResultSink<T> {

    void deliver(T item);
}
