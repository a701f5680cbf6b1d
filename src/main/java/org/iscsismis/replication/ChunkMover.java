package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves data between the two disks of a pair and counts what it moved. Every move is a write to the receiving disk
 * under the pair's {@link org.iscsismis.iscsi.disk.WriteOrigin} ({@link VirtualDisk#copyFrom}), so it passes that
 * disk's hooks like a host write: a restore onto a source is seen by the source's other pairs. Moves onto a target
 * are made by callers that hold the pair's lock (shared) and the source chunk's lock, keeping the engine's order
 * source ──▶ target; a restore onto the source is made holding neither, because the source's write path takes every
 * pair lock of that source in order. Holes travel as holes.
 */
final class ChunkMover {

    /** The path between the disks is down: the disks may be fine, but data cannot cross. */
    static final class PathDownException extends DiskIoException {
        PathDownException(ReplicationPair pair) {
            super(pair.target.id(), "path from " + pair.source.id() + " to " + pair.target.id() + " of pair " + pair.id + " is down");
        }
    }

    final AtomicLong chunksCopied = new AtomicLong();
    final AtomicLong chunksRestored = new AtomicLong();
    final AtomicLong chunksCopiedOnWrite = new AtomicLong();
    final AtomicLong mirroredWrites = new AtomicLong();

    /** Source chunk ──▶ target chunk. @return true if bytes moved (false: both were holes) */
    boolean copyForward(ReplicationPair pair, long chunk) {
        checkPath(pair);
        if (!pair.target.copyFrom(pair.source, offset(pair, chunk), length(pair, chunk), pair)) {
            return false;
        }
        pair.chunksCopied.incrementAndGet();
        chunksCopied.incrementAndGet();
        return true;
    }

    /** Preserve the source's current chunk on the target before the source overwrites it. */
    void copyOnWrite(ReplicationPair pair, long chunk) {
        checkPath(pair);
        pair.target.copyFrom(pair.source, offset(pair, chunk), length(pair, chunk), pair);
        chunksCopiedOnWrite.incrementAndGet();
    }

    /**
     * Target chunk ──▶ source chunk: one chunk of a running restore, written onto the source through its hooks. The
     * caller holds no lock of the pair; the source's write path checks, under its locks, that the restore still owes
     * the chunk, and does the restore's bookkeeping ({@link SourceWriteRouter}).
     */
    void copyBack(ReplicationPair pair, long chunk) {
        checkPath(pair);
        pair.source.copyFrom(pair.target, offset(pair, chunk), length(pair, chunk), pair);
    }

    /** Forward the bytes of one host write to the target (synchronous mirror). */
    void mirrorRange(ReplicationPair pair, long offset, int length) {
        checkPath(pair);
        pair.target.copyFrom(pair.source, offset, length, pair);
        mirroredWrites.incrementAndGet();
    }

    private static long offset(ReplicationPair pair, long chunk) {
        return chunk * pair.source.chunkSize();
    }

    private static int length(ReplicationPair pair, long chunk) {
        long start = offset(pair, chunk);
        return (int) Math.min(pair.source.chunkSize(), pair.source.sizeBytes() - start);
    }

    private static void checkPath(ReplicationPair pair) {
        if (pair.pathDown) {
            throw new PathDownException(pair);
        }
    }

    static EngineEvent eventFor(RuntimeException failure) {
        return failure instanceof PathDownException ? EngineEvent.PATH_LOST : EngineEvent.DISK_FAILED;
    }

    EngineStatistics statistics() {
        return new EngineStatistics(chunksCopied.get(), chunksRestored.get(), chunksCopiedOnWrite.get(), mirroredWrites.get());
    }
}
