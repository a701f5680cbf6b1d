package org.iscsismis.replication;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free set of chunk numbers with an exact population count: the engine's dirty/pending, preserved and
 * to-restore maps. Individual bits are updated atomically; bulk operations are only called while the owning pair
 * is locked exclusively.
 */
final class ChunkBitmap {

    private final long size;
    private final AtomicLongArray words;
    private final AtomicLong count = new AtomicLong();
    /** The file that keeps the map across restarts, or null (an engine without a data directory). */
    private volatile ChunkMapFile file;

    ChunkBitmap(long size) {
        this.size = size;
        this.words = new AtomicLongArray((int) ((size + 63) >>> 6));
    }

    long size() {
        return size;
    }

    /**
     * Keep this map in {@code mapFile} from now on: with {@code load}, take the bits the file holds (a map of an
     * earlier run); otherwise write the current bits to it.
     */
    void persistIn(ChunkMapFile mapFile, boolean load) {
        if (load) {
            mapFile.load(words);
            long n = 0;
            for (int w = 0; w < words.length(); w++) {
                n += Long.bitCount(words.get(w));
            }
            count.set(n);
        } else {
            mapFile.writeAll(words);
        }
        file = mapFile;
    }

    /** Force the file, if any, to the device. */
    void force() {
        ChunkMapFile f = file;
        if (f != null) {
            f.force();
        }
    }

    /** Stop keeping the map in its file; {@code delete} removes the file (the pair is gone). */
    void closeFile(boolean delete) {
        ChunkMapFile f = file;
        file = null;
        if (f != null) {
            if (delete) {
                f.delete();
            } else {
                f.close();
            }
        }
    }

    private void persistWord(int w) {
        ChunkMapFile f = file;
        if (f != null) {
            f.writeWord(words, w);
        }
    }

    private void persistAll() {
        ChunkMapFile f = file;
        if (f != null) {
            f.writeAll(words);
        }
    }

    long count() {
        return count.get();
    }

    boolean isEmpty() {
        return count.get() == 0;
    }

    boolean isFull() {
        return count.get() == size;
    }

    boolean get(long i) {
        return (words.get((int) (i >>> 6)) & (1L << i)) != 0;
    }

    /** @return true if the bit was clear before */
    boolean set(long i) {
        int w = (int) (i >>> 6);
        long bit = 1L << i;
        while (true) {
            long old = words.get(w);
            if ((old & bit) != 0) {
                return false;
            }
            if (words.compareAndSet(w, old, old | bit)) {
                count.incrementAndGet();
                persistWord(w);
                return true;
            }
        }
    }

    /** @return true if the bit was set before */
    boolean clear(long i) {
        int w = (int) (i >>> 6);
        long bit = 1L << i;
        while (true) {
            long old = words.get(w);
            if ((old & bit) == 0) {
                return false;
            }
            if (words.compareAndSet(w, old, old & ~bit)) {
                count.decrementAndGet();
                persistWord(w);
                return true;
            }
        }
    }

    void setRange(long first, long last) {
        for (long c = first; c <= last; c++) {
            set(c);
        }
    }

    void clearAll() {
        for (int w = 0; w < words.length(); w++) {
            words.set(w, 0);
        }
        count.set(0);
        persistAll();
    }

    /** This := this without every chunk in {@code other}. */
    void removeAll(ChunkBitmap other) {
        for (int w = 0; w < words.length(); w++) {
            long removed = words.get(w) & other.words.get(w);
            if (removed != 0) {
                words.set(w, words.get(w) & ~removed);
                count.addAndGet(-Long.bitCount(removed));
            }
        }
        persistAll();
    }

    /** This := this with every chunk in {@code other}. */
    void addAll(ChunkBitmap other) {
        for (int w = 0; w < words.length(); w++) {
            long added = other.words.get(w) & ~words.get(w);
            if (added != 0) {
                words.set(w, words.get(w) | added);
                count.addAndGet(Long.bitCount(added));
            }
        }
        persistAll();
    }

    /** This := every chunk. */
    void setAll() {
        for (int w = 0; w < words.length(); w++) {
            long bitsInWord = Math.min(64, size - 64L * w);
            words.set(w, bitsInWord == 64 ? -1L : (1L << bitsInWord) - 1);
        }
        count.set(size);
        persistAll();
    }

    /** How many chunks are in this and not in {@code other}. */
    long countWithout(ChunkBitmap other) {
        long n = 0;
        for (int w = 0; w < words.length(); w++) {
            n += Long.bitCount(words.get(w) & ~other.words.get(w));
        }
        return n;
    }

    void setToCopyOf(ChunkBitmap other) {
        for (int w = 0; w < words.length(); w++) {
            words.set(w, other.words.get(w));
        }
        count.set(other.count.get());
        persistAll();
    }

    /** The first set bit at or after {@code from}, wrapping around once; -1 if none. */
    long nextSet(long from) {
        return next(from, true);
    }

    /** The first clear bit at or after {@code from}, wrapping around once; -1 if none. */
    long nextClear(long from) {
        return next(from, false);
    }

    private long next(long from, boolean wantSet) {
        if (size == 0) {
            return -1;
        }
        long start = from >= size || from < 0 ? 0 : from;
        for (long i = 0; i < size; i++) {
            long c = start + i;
            if (c >= size) {
                c -= size;
            }
            long word = words.get((int) (c >>> 6));
            if (!wantSet) {
                word = ~word;
            }
            if (word == 0 && (c & 63) == 0 && c + 64 <= size && start + i + 64 <= start + size) {
                i += 63;
                continue;
            }
            if ((word & (1L << c)) != 0) {
                return c;
            }
        }
        return -1;
    }
}
