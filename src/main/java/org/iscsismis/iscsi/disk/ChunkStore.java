package org.iscsismis.iscsi.disk;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of one disk: a sparse map of fixed-size chunks, allocated from the pool on first write and
 * returned to it when discarded. Absent chunks read as zeros. Callers hold the chunk locks.
 */
final class ChunkStore {

    private final String diskId;
    private final DiskPool pool;
    private final int chunkSize;
    private final ConcurrentHashMap<Long, byte[]> chunks = new ConcurrentHashMap<>();
    private final AtomicLong allocatedChunks = new AtomicLong();

    ChunkStore(String diskId, DiskPool pool, int chunkSize) {
        this.diskId = diskId;
        this.pool = pool;
        this.chunkSize = chunkSize;
    }

    long allocatedBytes() {
        return allocatedChunks.get() * chunkSize;
    }

    boolean isAllocated(long chunk) {
        return chunks.containsKey(chunk);
    }

    void read(long offset, byte[] dst, int dstOff, int len) {
        while (len > 0) {
            long chunk = offset / chunkSize;
            int inChunk = (int) (offset % chunkSize);
            int n = Math.min(len, chunkSize - inChunk);
            byte[] data = chunks.get(chunk);
            if (data == null) {
                Arrays.fill(dst, dstOff, dstOff + n, (byte) 0);
            } else {
                System.arraycopy(data, inChunk, dst, dstOff, n);
            }
            offset += n;
            dstOff += n;
            len -= n;
        }
    }

    /** Write bytes, first reserving pool space for every chunk the range newly needs (all or nothing). */
    void write(long offset, byte[] src, int srcOff, int len) {
        long first = offset / chunkSize;
        long last = (offset + len - 1) / chunkSize;
        long missing = 0;
        for (long c = first; c <= last; c++) {
            if (!chunks.containsKey(c)) {
                missing++;
            }
        }
        pool.reserve(diskId, missing * chunkSize);
        for (long c = first; c <= last; c++) {
            if (!chunks.containsKey(c)) {
                chunks.put(c, new byte[chunkSize]);
                allocatedChunks.incrementAndGet();
            }
        }
        while (len > 0) {
            long chunk = offset / chunkSize;
            int inChunk = (int) (offset % chunkSize);
            int n = Math.min(len, chunkSize - inChunk);
            System.arraycopy(src, srcOff, chunks.get(chunk), inChunk, n);
            offset += n;
            srcOff += n;
            len -= n;
        }
    }

    /** Replace a whole chunk with {@code data} ({@code null} = make it a hole). */
    void putChunk(long chunk, byte[] data) {
        if (data == null) {
            discard(chunk);
            return;
        }
        byte[] existing = chunks.get(chunk);
        if (existing == null) {
            pool.reserve(diskId, chunkSize);
            existing = new byte[chunkSize];
            chunks.put(chunk, existing);
            allocatedChunks.incrementAndGet();
        }
        System.arraycopy(data, 0, existing, 0, chunkSize);
    }

    /** The live array of a chunk (callers hold its lock and do not keep it), or {@code null} for a hole. */
    byte[] chunkRef(long chunk) {
        return chunks.get(chunk);
    }

    /** A copy of a whole chunk, or {@code null} for a hole. */
    byte[] copyChunk(long chunk) {
        byte[] data = chunks.get(chunk);
        return data == null ? null : data.clone();
    }

    /** Zero a byte range; whole chunks become holes and give their space back. */
    void zero(long offset, int len) {
        while (len > 0) {
            long chunk = offset / chunkSize;
            int inChunk = (int) (offset % chunkSize);
            int n = Math.min(len, chunkSize - inChunk);
            if (n == chunkSize) {
                discard(chunk);
            } else {
                byte[] data = chunks.get(chunk);
                if (data != null) {
                    Arrays.fill(data, inChunk, inChunk + n, (byte) 0);
                }
            }
            offset += n;
            len -= n;
        }
    }

    void discard(long chunk) {
        if (chunks.remove(chunk) != null) {
            allocatedChunks.decrementAndGet();
            pool.release(chunkSize);
        }
    }

    void discardAll() {
        for (Long chunk : chunks.keySet()) {
            discard(chunk);
        }
    }
}
