package org.iscsismis.cimxml;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Encoded bytes shared by all responses, by the identity of an immutable key whose encoding cannot change: the
 * repository hands out the same class-name list until the namespace's classes change (then a new list, and the old
 * entry ages out). Bounded: at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes in all, fragments
 * above {@link #MAX_FRAGMENT_BYTES} are not kept; the oldest entry goes first. Thread-safe.
 */
final class SharedFragments {

    static final int MAX_ENTRIES = 16;
    static final int MAX_BYTES = 4 << 20;
    static final int MAX_FRAGMENT_BYTES = 1 << 20;

    private static final SharedFragments INSTANCE = new SharedFragments();

    /** Insertion order is age: an IdentityHashMap has none, so each entry carries a sequence number. */
    private final Map<Object, Entry> entries = new IdentityHashMap<>();
    private long sequence;
    private long bytes;

    private record Entry(byte[] bytes, long sequence) {
    }

    static SharedFragments instance() {
        return INSTANCE;
    }

    /** The bytes kept for {@code key}, or null. */
    synchronized byte[] get(Object key) {
        Entry e = entries.get(key);
        return e == null ? null : e.bytes;
    }

    /** Keeps {@code encoded} for {@code key} (unless too large), dropping the oldest entries beyond the bounds. */
    synchronized void put(Object key, byte[] encoded) {
        if (encoded.length > MAX_FRAGMENT_BYTES || entries.containsKey(key)) {
            return;
        }
        entries.put(key, new Entry(encoded, sequence++));
        bytes += encoded.length;
        while (entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) {
            removeOldest();
        }
    }

    private void removeOldest() {
        Map.Entry<Object, Entry> oldest = null;
        for (Map.Entry<Object, Entry> e : entries.entrySet()) {
            if (oldest == null || e.getValue().sequence < oldest.getValue().sequence) {
                oldest = e;
            }
        }
        bytes -= oldest.getValue().bytes.length;
        entries.remove(oldest.getKey());
    }

    /** How many bytes are kept (tests). */
    synchronized long size() {
        return bytes;
    }

    /** Forgets everything (tests). */
    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }
}
