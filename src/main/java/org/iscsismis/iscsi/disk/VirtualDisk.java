package org.iscsismis.iscsi.disk;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * One iSCSI virtual disk: a fixed size in bytes, a logical block size (512 or 4096), and real bytes kept in a
 * sparse {@link ChunkStore}. Host I/O ({@link #read}, {@link #write}, {@link #trim}, {@link #flush}) must be
 * block-aligned and inside the disk; it passes through the disk's {@link DiskFaults}. Thread-safe: any number of
 * threads may do I/O at once; writes to the same chunk are serialised by {@link ChunkLocks}.
 *
 * <p>Every change of the bytes, whoever makes it, takes one path through the installed {@link WriteInterceptor}:
 * host writes and trims as {@link WriteOrigin#HOST}, an engine's copies ({@link #copyFrom}) and discards
 * ({@link #discard}) under the engine's own {@link WriteOrigin}. There is no side door: a replication engine that
 * writes a disk is seen by every relationship of that disk, its own hooks included. Only reads have an engine-side
 * door ({@link #readStored}, which bypasses the {@link ReadThrough}).
 */
public final class VirtualDisk {

    private final String id;
    private final String name;
    private final DiskPool pool;
    private final long sizeBytes;
    private final int blockSize;
    private final int chunkSize;
    private final long chunkCount;
    private final DiskData store;
    private final ChunkLocks locks;
    private final DiskFaults faults;
    private final AtomicLong flushes = new AtomicLong();
    private volatile WriteInterceptor interceptor = WriteInterceptor.NONE;
    /** Writes hold it shared from start to end; hook changes hold it exclusively (see {@link #quiesceWrites}). */
    private final ReentrantReadWriteLock hookBarrier = new ReentrantReadWriteLock();
    private volatile ReadThrough readThrough;
    private volatile boolean deleted;

    VirtualDisk(String id, String name, DiskPool pool, long sizeBytes, int blockSize, int chunkSize, Pauser pauser,
                DiskStorage storage, boolean reopen) {
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
        ChunkStore chunks = reopen ? storage.open(id, sizeBytes, chunkSize) : storage.create(id, sizeBytes, chunkSize);
        this.store = new DiskData(id, pool, chunkSize, chunks);
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
        mutate(offset, len, WriteOrigin.HOST, () -> {
            store.write(offset, src, srcOff, len);
            return true;
        });
    }

    public void write(long offset, byte[] src) {
        write(offset, src, 0, src.length);
    }

    /** Discard a block-aligned range: it reads as zeros afterwards and whole chunks return to the pool. */
    public void trim(long offset, int len) {
        checkHostRange(offset, len);
        mutate(offset, len, WriteOrigin.HOST, () -> {
            store.zero(offset, len, sizeBytes);
            return true;
        });
    }

    /**
     * Make written data durable (SYNCHRONIZE CACHE, a FUA write, a write-through volume): on a file medium the data
     * file and chunk map are forced to the device. The disk's relationships first make their own copies durable
     * (a synchronous mirror's target, the chunks a snapshot preserved), through the interceptor.
     */
    public void flush() {
        checkAlive();
        faults.check(DiskFaults.IoKind.WRITE);
        interceptor.flushing(this);
        forceStored();
        flushes.incrementAndGet();
    }

    /** Force this disk's stored bytes and chunk map to the device, no hooks (an engine making a target durable). */
    public void forceStored() {
        checkAlive();
        store.force();
    }

    // ---------------------------------------------------------------- engine-side writes: the same path

    /**
     * Copy {@code length} bytes at {@code offset} of {@code from} onto the same place of this disk, written as
     * {@code origin}: an engine moving data between the two disks of a relationship. The copy passes this disk's
     * interceptor exactly like a host write, so every relationship of this disk sees it. A range that is exactly one
     * chunk travels as stored (a hole stays a hole); any other range is copied byte by byte.
     *
     * <p>Locks: this disk's chunks exclusively, then {@code from}'s shared. An engine copying from a disk whose chunk
     * locks come first in its own order (a source, onto its target) holds those locks already.
     *
     * @return true if bytes moved (false: the interceptor dropped the write, or both chunks were holes)
     */
    public boolean copyFrom(VirtualDisk from, long offset, int length, WriteOrigin origin) {
        checkHostRange(offset, length);
        if (from.chunkSize != chunkSize || from.sizeBytes != sizeBytes) {
            throw new IllegalArgumentException("disk " + id + " cannot copy from disk " + from.id + ": sizes differ");
        }
        from.checkAlive();
        from.faults.check(DiskFaults.IoKind.READ);
        long chunk = offset / chunkSize;
        boolean wholeChunk = offset == chunk * chunkSize && offset + length == Math.min(offset + chunkSize, sizeBytes);
        return mutate(offset, length, origin, () -> {
            try (ChunkLocks.Held theirs = from.locks.lock(chunk, (offset + length - 1) / chunkSize, false)) {
                if (wholeChunk) {
                    byte[] data = from.store.copyChunk(chunk, length);
                    if (data == null && !store.isAllocated(chunk)) {
                        return false;
                    }
                    store.putChunk(chunk, data);
                } else {
                    byte[] buf = new byte[length];
                    from.store.read(offset, buf, 0, length);
                    store.write(offset, buf, 0, length);
                }
                return true;
            }
        });
    }

    /**
     * Drop every stored chunk as {@code origin} (the disk then reads as zeros) and give the space back to the pool,
     * through the interceptor like any write. Freeing space is bookkeeping, so injected faults do not refuse it.
     */
    public void discard(WriteOrigin origin) {
        checkAlive();
        intercepted(0, sizeBytes, origin, () -> {
            store.discardAll(chunkCount);
            return true;
        });
    }

    /** The one way bytes change: faults checked, then the interceptor's protocol around {@code apply}. */
    private boolean mutate(long offset, long len, WriteOrigin origin, BooleanSupplier apply) {
        checkAlive();
        faults.check(DiskFaults.IoKind.WRITE);
        return intercepted(offset, len, origin, apply);
    }

    private boolean intercepted(long offset, long len, WriteOrigin origin, BooleanSupplier apply) {
        long first = offset / chunkSize;
        long last = (offset + len - 1) / chunkSize;
        hookBarrier.readLock().lock();
        try (WriteInterceptor.WriteScope scope = interceptor.open(this, offset, len, origin)) {
            try (ChunkLocks.Held held = locks.lock(first, last, true)) {
                if (!scope.beforeApply(first, last)) {
                    return false;
                }
                boolean changed = apply.getAsBoolean();
                scope.afterApply(offset, len);
                return changed;
            }
        } finally {
            hookBarrier.readLock().unlock();
        }
    }

    /**
     * Run {@code change} while no write is in flight: writes already started finish first, writes starting later
     * wait. An engine installs or changes its hooks this way, so no write slips past half-installed hooks. The
     * change must not wait for writes itself.
     */
    public void quiesceWrites(Runnable change) {
        hookBarrier.writeLock().lock();
        try {
            change.run();
        } finally {
            hookBarrier.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- engine-side reads

    /** Read stored bytes (no read-through), taking shared chunk locks; any byte range inside the disk. */
    public void readStored(long offset, byte[] dst, int dstOff, int len) {
        checkRange(offset, len);
        checkAlive();
        faults.check(DiskFaults.IoKind.READ);
        try (ChunkLocks.Held held = locks.lock(offset / chunkSize, (offset + len - 1) / chunkSize, false)) {
            store.read(offset, dst, dstOff, len);
        }
    }

    public boolean isChunkAllocated(long chunk) {
        return store.isAllocated(chunk);
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

    /** The registry deleted the disk (never while hooked): its space goes back to the pool, its data is removed. */
    void markDeleted() {
        deleted = true;
        try (ChunkLocks.Held held = locks.lock(0, chunkCount - 1, true)) {
            store.delete();
        }
    }

    /** The registry is closing: release the data's files (they stay for the next start on a persistent medium). */
    void closeStore() {
        try (ChunkLocks.Held held = locks.lock(0, chunkCount - 1, true)) {
            store.close();
        }
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
