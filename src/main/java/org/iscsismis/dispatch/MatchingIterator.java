package org.iscsismis.dispatch;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** The items of an iterator that a predicate selects, found one look-ahead at a time (lazy: nothing is collected). */
final class MatchingIterator<T> implements Iterator<T> {

    private final Iterator<T> items;
    private final Predicate<? super T> selects;
    private T next;

    MatchingIterator(Iterator<T> items, Predicate<? super T> selects) {
        this.items = items;
        this.selects = selects;
    }

    @Override
    public boolean hasNext() {
        while (next == null && items.hasNext()) {
            T candidate = items.next();
            if (selects.test(candidate)) {
                next = candidate;
            }
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
    }
}
