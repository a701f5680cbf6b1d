package org.iscsismis.iscsi.disk;

/**
 * Where one disk's chunks live: a sparse set of fixed-size chunks, each allocated on its first write and freed on
 * trim; an unallocated chunk reads as zeros. Implementations: {@link HeapChunkStore} (arrays on the Java heap, for
 * tests and heap-only servers) and {@link FileChunkStore} (a sparse file and its chunk map). Pool accounting is not
 * theirs ({@link DiskData} reserves space before a chunk is allocated). Callers hold the chunk locks of the chunks
 * they touch; different chunks may be used by different threads at once.
 */
interface ChunkStore extends AutoCloseable {

    boolean isAllocated(long chunk);

    /** How many chunks are allocated. */
    long allocatedChunks();

    /** Read {@code len} bytes from {@code inChunk} of {@code chunk}; an unallocated chunk gives zeros. */
    void read(long chunk, int inChunk, byte[] dst, int dstOff, int len);

    /**
     * Write {@code len} bytes at {@code inChunk} of {@code chunk}, allocating it first if it is not (the rest of a new
     * chunk reads as zeros).
     */
    void write(long chunk, int inChunk, byte[] src, int srcOff, int len);

    /** Make the chunk unallocated (it reads as zeros); nothing if it is not allocated. */
    void free(long chunk);

    /** Make every written byte and the chunk map durable (for a store that outlives the process). */
    void force();

    /** Release what the store holds open; its data stays (a file store's files remain for the next start). */
    @Override
    void close();

    /** Close and remove the data for good (the disk was deleted). */
    void delete();
}
