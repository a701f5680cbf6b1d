package org.iscsismis.iscsi.disk;

/**
 * The bytes of one disk as byte ranges over its {@link ChunkStore}, thin-provisioned from its pool: a chunk takes
 * pool space on first write and gives it back when freed. Absent chunks read as zeros. Callers hold the chunk locks.
 */
final class DiskData {

    private final String diskId;
    private final DiskPool pool;
    private final int chunkSize;
    private final ChunkStore chunks;

    DiskData(String diskId, DiskPool pool, int chunkSize, ChunkStore chunks) {
        this.diskId = diskId;
        this.pool = pool;
        this.chunkSize = chunkSize;
        this.chunks = chunks;
    }

    long allocatedBytes() {
        return chunks.allocatedChunks() * chunkSize;
    }

    boolean isAllocated(long chunk) {
        return chunks.isAllocated(chunk);
    }

    void read(long offset, byte[] dst, int dstOff, int len) {
        while (len > 0) {
            long chunk = offset / chunkSize;
            int inChunk = (int) (offset % chunkSize);
            int n = Math.min(len, chunkSize - inChunk);
            chunks.read(chunk, inChunk, dst, dstOff, n);
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
            if (!chunks.isAllocated(c)) {
                missing++;
            }
        }
        pool.reserve(diskId, missing * chunkSize);
        long written = 0;
        try {
            while (len > 0) {
                long chunk = offset / chunkSize;
                int inChunk = (int) (offset % chunkSize);
                int n = Math.min(len, chunkSize - inChunk);
                boolean isNew = !chunks.isAllocated(chunk);
                chunks.write(chunk, inChunk, src, srcOff, n);
                if (isNew) {
                    written++;
                }
                offset += n;
                srcOff += n;
                len -= n;
            }
        } finally {
            pool.release((missing - written) * chunkSize); // a failed write keeps only the chunks it allocated
        }
    }

    /** Replace a whole chunk with {@code data} of the chunk's length ({@code null} = make it a hole). */
    void putChunk(long chunk, byte[] data) {
        if (data == null) {
            discard(chunk);
            return;
        }
        if (!chunks.isAllocated(chunk)) {
            pool.reserve(diskId, chunkSize);
            try {
                chunks.write(chunk, 0, data, 0, data.length);
            } catch (RuntimeException e) {
                if (!chunks.isAllocated(chunk)) {
                    pool.release(chunkSize);
                }
                throw e;
            }
            return;
        }
        chunks.write(chunk, 0, data, 0, data.length);
    }

    /** A copy of a whole chunk ({@code length} bytes), or {@code null} for a hole. */
    byte[] copyChunk(long chunk, int length) {
        if (!chunks.isAllocated(chunk)) {
            return null;
        }
        byte[] out = new byte[length];
        chunks.read(chunk, 0, out, 0, length);
        return out;
    }

    /** Zero a byte range; whole chunks become holes and give their space back. */
    void zero(long offset, int len, long sizeBytes) {
        while (len > 0) {
            long chunk = offset / chunkSize;
            int inChunk = (int) (offset % chunkSize);
            int chunkLength = (int) Math.min(chunkSize, sizeBytes - chunk * chunkSize);
            int n = Math.min(len, chunkLength - inChunk);
            if (n == chunkLength) {
                discard(chunk);
            } else if (chunks.isAllocated(chunk)) {
                chunks.write(chunk, inChunk, new byte[n], 0, n);
            }
            offset += n;
            len -= n;
        }
    }

    void discard(long chunk) {
        if (chunks.isAllocated(chunk)) {
            chunks.free(chunk);
            pool.release(chunkSize);
        }
    }

    void discardAll(long chunkCount) {
        for (long c = 0; c < chunkCount; c++) {
            discard(c);
        }
    }

    void force() {
        chunks.force();
    }

    void close() {
        chunks.close();
    }

    /** Remove the data for good, giving its space back to the pool. */
    void delete() {
        long bytes = allocatedBytes();
        chunks.delete();
        pool.release(bytes);
    }
}
