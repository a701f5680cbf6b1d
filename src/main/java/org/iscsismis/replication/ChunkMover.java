package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves whole chunks between the two disks of a pair and counts what it moved. Callers hold the pair's lock
 * (shared) and the source chunk lock exclusively; this class then touches the target, keeping the engine's lock
 * order source ──▶ target. Holes travel as holes.
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
        if (!pair.source.copyChunkTo(chunk, pair.target)) {
            return false;
        }
        pair.chunksCopied.incrementAndGet();
        chunksCopied.incrementAndGet();
        return true;
    }

    /** Preserve the source's current chunk on the target before the source overwrites it. */
    void copyOnWrite(ReplicationPair pair, long chunk) {
        checkPath(pair);
        pair.source.copyChunkTo(chunk, pair.target);
        chunksCopiedOnWrite.incrementAndGet();
    }

    /** Target chunk ──▶ source chunk (restore); the source chunk lock is already held, so the order holds. */
    void copyBack(ReplicationPair pair, long chunk) {
        checkPath(pair);
        pair.target.copyChunkTo(chunk, pair.source); // the caller already holds the source chunk lock
        chunksRestored.incrementAndGet();
    }

    /** Forward the bytes of one host write to the target (synchronous mirror). */
    void mirrorRange(ReplicationPair pair, long offset, int length) {
        checkPath(pair);
        byte[] buf = new byte[length];
        pair.source.readStored(offset, buf, 0, length);
        pair.target.writeStored(offset, buf, 0, length);
        mirroredWrites.incrementAndGet();
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
