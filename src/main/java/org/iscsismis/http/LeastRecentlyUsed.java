package org.iscsismis.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map of bounded size that drops its least recently used entry when it grows past the bound; not thread-safe. */
final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int bound;

    LeastRecentlyUsed(int bound) {
        super(64, 0.75f, true);
        this.bound = bound;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > bound;
    }
}
