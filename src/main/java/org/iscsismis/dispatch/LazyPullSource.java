package org.iscsismis.dispatch;

import java.util.Iterator;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.iscsismis.operation.ResponseSink;

/**
 * A pull source over an iterator: each item is produced when a batch asks for it, so a context
 * holds the iterator's position, not the results.
 *
 * @param <T> the item type (an instance with path, or a path)
 */
final class LazyPullSource<T> implements PullSource {

    private final Iterator<T> items;
    private final BiConsumer<ResponseSink, T> writer;
    private final LongSupplier total;
    private final Runnable onClose;
    private long taken;

    /**
     * @param writer how one item goes into the response
     * @param total  an estimate of all the items, or null when it cannot be told
     */
    LazyPullSource(Iterator<T> items, BiConsumer<ResponseSink, T> writer, LongSupplier total) {
        this(items, writer, total, () -> { });
    }

    /** As above; {@code onClose} gives back what the items hold when the context ends. */
    LazyPullSource(Iterator<T> items, BiConsumer<ResponseSink, T> writer, LongSupplier total, Runnable onClose) {
        this.items = items;
        this.writer = writer;
        this.total = total;
        this.onClose = onClose;
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    @Override
    public void writeNext(ResponseSink sink) {
        T item = items.next();
        taken++;
        writer.accept(sink, item);
    }

    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public Long remaining() {
        return total == null ? null : Math.max(0L, total.getAsLong() - taken);
    }
}
