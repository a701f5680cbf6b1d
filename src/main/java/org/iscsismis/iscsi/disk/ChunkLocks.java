package org.iscsismis.iscsi.disk;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Striped read/write locks over the chunks of one disk. A range of chunks is locked by taking the stripes it
 * touches in ascending stripe order, so two threads locking overlapping ranges never deadlock.
 * Writers (host writes, engine copies into or out of a chunk) lock exclusively; readers share.
 */
public final class ChunkLocks {

    private final ReentrantReadWriteLock[] stripes;

    ChunkLocks(long chunkCount) {
        int n = 1;
        while (n < 64 && n < chunkCount) {
            n <<= 1;
        }
        stripes = new ReentrantReadWriteLock[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new ReentrantReadWriteLock();
        }
    }

    /** Locks held over a chunk range; closing releases them in reverse order. */
    public static final class Held implements AutoCloseable {
        private final Lock[] locks;
        private final int count;

        private Held(Lock[] locks, int count) {
            this.locks = locks;
            this.count = count;
        }

        @Override
        public void close() {
            for (int i = count - 1; i >= 0; i--) {
                locks[i].unlock();
            }
        }
    }

    Held lock(long firstChunk, long lastChunk, boolean exclusive) {
        int n = stripes.length;
        boolean[] wanted = new boolean[n];
        int count = 0;
        if (lastChunk - firstChunk + 1 >= n) {
            java.util.Arrays.fill(wanted, true);
            count = n;
        } else {
            for (long c = firstChunk; c <= lastChunk; c++) {
                int s = (int) (c & (n - 1));
                if (!wanted[s]) {
                    wanted[s] = true;
                    count++;
                }
            }
        }
        Lock[] locks = new Lock[count];
        int taken = 0;
        try {
            for (int s = 0; s < n; s++) {
                if (wanted[s]) {
                    Lock l = exclusive ? stripes[s].writeLock() : stripes[s].readLock();
                    l.lock();
                    locks[taken++] = l;
                }
            }
        } catch (RuntimeException | Error e) {
            new Held(locks, taken).close();
            throw e;
        }
        return new Held(locks, taken);
    }
}
