package org.iscsismis.iscsi.disk;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/** A disk's chunks as arrays on the Java heap: gone with the process, bounded by {@link HeapStorage}. */
final class HeapChunkStore implements ChunkStore {

    private final int chunkSize;
    private final ConcurrentHashMap<Long, byte[]> chunks = new ConcurrentHashMap<>();

    HeapChunkStore(int chunkSize) {
        this.chunkSize = chunkSize;
    }

    @Override
    public boolean isAllocated(long chunk) {
        return chunks.containsKey(chunk);
    }

    @Override
    public long allocatedChunks() {
        return chunks.size();
    }

    @Override
    public void read(long chunk, int inChunk, byte[] dst, int dstOff, int len) {
        byte[] data = chunks.get(chunk);
        if (data == null) {
            Arrays.fill(dst, dstOff, dstOff + len, (byte) 0);
        } else {
            System.arraycopy(data, inChunk, dst, dstOff, len);
        }
    }

    @Override
    public void write(long chunk, int inChunk, byte[] src, int srcOff, int len) {
        System.arraycopy(src, srcOff, chunks.computeIfAbsent(chunk, c -> new byte[chunkSize]), inChunk, len);
    }

    @Override
    public void free(long chunk) {
        chunks.remove(chunk);
    }

    @Override
    public void force() {
        // the heap is the medium: nothing outlives the process
    }

    @Override
    public void close() {
        chunks.clear();
    }

    @Override
    public void delete() {
        chunks.clear();
    }
}
