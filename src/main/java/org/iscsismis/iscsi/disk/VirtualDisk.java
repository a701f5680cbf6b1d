package org.iscsismis.iscsi.disk;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One iSCSI virtual disk: a fixed size in bytes, a logical block size (512 or 4096), and real bytes kept in a
 * sparse {@link ChunkStore}. Host I/O ({@link #read}, {@link #write}, {@link #trim}, {@link #flush}) must be
 * block-aligned and inside the disk; it passes through the disk's {@link DiskFaults}, and writes through the
 * installed {@link WriteInterceptor}. Thread-safe: any number of threads may do I/O at once; writes to the same
 * chunk are serialised by {@link ChunkLocks}.
 *
 * <p>The {@code …Stored}/{@code …Chunk} methods are the engine-side door: they check faults but bypass the
 * interceptor and read-through, so a replication engine can move chunks without re-triggering itself.
 */
public final class VirtualDisk {

    private final String id;
    private final String name;
    private final DiskPool pool;
    private final long sizeBytes;
    private final int blockSize;
    private final int chunkSize;
    private final long chunkCount;
    private final ChunkStore store;
    private final ChunkLocks locks;
    private final DiskFaults faults;
    private final AtomicLong flushes = new AtomicLong();
    private volatile WriteInterceptor interceptor = WriteInterceptor.NONE;
    /** Host writes hold it shared from start to end; hook changes hold it exclusively (see {@link #quiesceWrites}). */
    private final java.util.concurrent.locks.ReentrantReadWriteLock hookBarrier = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile ReadThrough readThrough;
    private volatile boolean deleted;

    VirtualDisk(String id, String name, DiskPool pool, long sizeBytes, int blockSize, int chunkSize, Pauser pauser) {
        if (blockSize != 512 && blockSize != 4096) {
            throw new IllegalArgumentException("block size must be 512 or 4096, not " + blockSize);
        }
        if (sizeBytes <= 0 || sizeBytes % blockSize != 0) {
            throw new IllegalArgumentException("disk size " + sizeBytes + " must be a positive multiple of the block size " + blockSize);
        }
        this.id = id;
        this.name = name;
        this.pool = pool;
        this.sizeBytes = sizeBytes;
        this.blockSize = blockSize;
        this.chunkSize = chunkSize;
        this.chunkCount = (sizeBytes + chunkSize - 1) / chunkSize;
        this.store = new ChunkStore(id, pool, chunkSize);
        this.locks = new ChunkLocks(chunkCount);
        this.faults = new DiskFaults(id, pauser);
    }

    public String id() { return id; }
    public String name() { return name; }
    public DiskPool pool() { return pool; }
    public long sizeBytes() { return sizeBytes; }
    public int blockSize() { return blockSize; }
    public int chunkSize() { return chunkSize; }
    public long chunkCount() { return chunkCount; }
    public long blockCount() { return sizeBytes / blockSize; }
    public DiskFaults faults() { return faults; }
    public long allocatedBytes() { return store.allocatedBytes(); }
    public long flushCount() { return flushes.get(); }
    public boolean isDeleted() { return deleted; }

    // ---------------------------------------------------------------- host I/O

    /** Read {@code len} bytes at {@code offset} (both block-aligned). */
    public void read(long offset, byte[] dst, int dstOff, int len) {
        checkHostRange(offset, len);
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        ReadThrough through = readThrough;
        if (through != null) {
            checkAlive();
            faults.check(DiskFaults.IoKind.READ);
            through.read(this, offset, dst, dstOff, len);
        } else {
            readStored(offset, dst, dstOff, len);
        }
    }

    public byte[] read(long offset, int len) {
        byte[] out = new byte[len];
        read(offset, out, 0, len);
        return out;
    }

    /** Write {@code len} bytes at {@code offset} (both block-aligned); on failure nothing changed. */
    public void write(long offset, byte[] src, int srcOff, int len) {
        checkHostRange(offset, len);
        Objects.checkFromIndexSize(srcOff, len, src.length);
        mutate(offset, len, () -> store.write(offset, src, srcOff, len));
    }

    public void write(long offset, byte[] src) {
        write(offset, src, 0, src.length);
    }

    /** Discard a block-aligned range: it reads as zeros afterwards and whole chunks return to the pool. */
    public void trim(long offset, int len) {
        checkHostRange(offset, len);
        mutate(offset, len, () -> store.zero(offset, len));
    }

    /** Make written data durable. Memory is the medium here, so this only checks the disk can take writes. */
    public void flush() {
        checkAlive();
        faults.check(DiskFaults.IoKind.WRITE);
        flushes.incrementAndGet();
    }

    private void mutate(long offset, int len, Runnable apply) {
        checkAlive();
        faults.check(DiskFaults.IoKind.WRITE);
        long first = offset / chunkSize;
        long last = (offset + len - 1) / chunkSize;
        hookBarrier.readLock().lock();
        try (WriteInterceptor.WriteScope scope = interceptor.open(this, offset, len)) {
            try (ChunkLocks.Held held = locks.lock(first, last, true)) {
                scope.beforeApply(first, last);
                apply.run();
                scope.afterApply(offset, len);
            }
        } finally {
            hookBarrier.readLock().unlock();
        }
    }

    /**
     * Run {@code change} while no host write is in flight: writes already started finish first, writes starting
     * later wait. An engine installs or changes its hooks this way, so no write slips past half-installed hooks.
     * The change must not wait for host writes itself.
     */
    public void quiesceWrites(Runnable change) {
        hookBarrier.writeLock().lock();
        try {
            change.run();
        } finally {
            hookBarrier.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- engine-side access

    /** Read stored bytes (no read-through), taking shared chunk locks; any byte range inside the disk. */
    public void readStored(long offset, byte[] dst, int dstOff, int len) {
        checkRange(offset, len);
        checkAlive();
        faults.check(DiskFaults.IoKind.READ);
        try (ChunkLocks.Held held = locks.lock(offset / chunkSize, (offset + len - 1) / chunkSize, false)) {
            store.read(offset, dst, dstOff, len);
        }
    }

    /** Write stored bytes bypassing the interceptor; any byte range inside the disk. */
    public void writeStored(long offset, byte[] src, int srcOff, int len) {
        checkRange(offset, len);
        checkAlive();
        faults.check(DiskFaults.IoKind.WRITE);
        try (ChunkLocks.Held held = locks.lock(offset / chunkSize, (offset + len - 1) / chunkSize, true)) {
            store.write(offset, src, srcOff, len);
        }
    }

    /** A copy of one whole chunk, or {@code null} if it is a hole. */
    public byte[] readChunk(long chunk) {
        checkChunk(chunk);
        checkAlive();
        faults.check(DiskFaults.IoKind.READ);
        try (ChunkLocks.Held held = locks.lock(chunk, chunk, false)) {
            return store.copyChunk(chunk);
        }
    }

    /** Replace one whole chunk ({@code null} makes it a hole), bypassing the interceptor. */
    public void writeChunk(long chunk, byte[] data) {
        checkChunk(chunk);
        if (data != null && data.length != chunkSize) {
            throw new IllegalArgumentException("chunk data must be " + chunkSize + " bytes, not " + data.length);
        }
        checkAlive();
        faults.check(DiskFaults.IoKind.WRITE);
        try (ChunkLocks.Held held = locks.lock(chunk, chunk, true)) {
            store.putChunk(chunk, data);
        }
    }

    /**
     * Copy one whole chunk of this disk onto the same chunk of {@code target} without an intermediate buffer (a hole
     * becomes a hole). Takes this disk's chunk lock (shared) before the target's (exclusive): callers must respect
     * that order, or already hold this disk's lock.
     *
     * @return true if bytes moved (false: both chunks were holes)
     */
    public boolean copyChunkTo(long chunk, VirtualDisk target) {
        checkChunk(chunk);
        if (target.chunkSize != chunkSize || chunk >= target.chunkCount) {
            throw new IllegalArgumentException("disk " + target.id + " cannot take chunk " + chunk + " of disk " + id);
        }
        checkAlive();
        target.checkAlive();
        faults.check(DiskFaults.IoKind.READ);
        target.faults.check(DiskFaults.IoKind.WRITE);
        try (ChunkLocks.Held mine = locks.lock(chunk, chunk, false);
             ChunkLocks.Held theirs = target.locks.lock(chunk, chunk, true)) {
            byte[] data = store.chunkRef(chunk);
            if (data == null && !target.store.isAllocated(chunk)) {
                return false;
            }
            target.store.putChunk(chunk, data);
            return true;
        }
    }

    public boolean isChunkAllocated(long chunk) {
        return store.isAllocated(chunk);
    }

    /** Drop every stored chunk (the disk reads as zeros) and give the space back to the pool. */
    public void discardAllChunks() {
        try (ChunkLocks.Held held = locks.lock(0, chunkCount - 1, true)) {
            store.discardAll();
        }
    }

    /** Lock chunks exclusively, e.g. to copy them to another disk atomically with respect to host writes. */
    public ChunkLocks.Held lockChunks(long firstChunk, long lastChunk) {
        checkChunk(firstChunk);
        checkChunk(lastChunk);
        return locks.lock(firstChunk, lastChunk, true);
    }

    /** Lock chunks shared (host writers excluded, readers admitted). */
    public ChunkLocks.Held lockChunksShared(long firstChunk, long lastChunk) {
        checkChunk(firstChunk);
        checkChunk(lastChunk);
        return locks.lock(firstChunk, lastChunk, false);
    }

    public void setWriteInterceptor(WriteInterceptor interceptor) {
        this.interceptor = interceptor == null ? WriteInterceptor.NONE : interceptor;
    }

    public void setReadThrough(ReadThrough readThrough) {
        this.readThrough = readThrough;
    }

    /** True while some engine has hooked this disk; such a disk must not be deleted. */
    public boolean isInUse() {
        return interceptor != WriteInterceptor.NONE || readThrough != null;
    }

    void markDeleted() {
        deleted = true;
        discardAllChunks();
    }

    // ---------------------------------------------------------------- checks

    private void checkHostRange(long offset, int len) {
        if (offset % blockSize != 0 || len % blockSize != 0) {
            throw new IllegalArgumentException("disk " + id + ": offset " + offset + " and length " + len
                    + " must be multiples of the block size " + blockSize);
        }
        checkRange(offset, len);
    }

    private void checkRange(long offset, int len) {
        if (offset < 0 || len <= 0 || offset > sizeBytes - len) {
            throw new IllegalArgumentException("disk " + id + ": range [" + offset + ", " + offset + " + " + len
                    + ") is outside the disk (size " + sizeBytes + " bytes) or empty");
        }
    }

    private void checkChunk(long chunk) {
        if (chunk < 0 || chunk >= chunkCount) {
            throw new IllegalArgumentException("disk " + id + ": chunk " + chunk + " outside [0, " + chunkCount + ")");
        }
    }

    private void checkAlive() {
        if (deleted) {
            throw new DiskIoException(id, "disk " + id + " has been deleted");
        }
    }

    @Override
    public String toString() {
        return "VirtualDisk[" + id + " '" + name + "' " + sizeBytes + " bytes, block " + blockSize + "]";
    }
}
