package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.ReadThrough;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.disk.WriteInterceptor;
import org.iscsismis.iscsi.disk.WriteOrigin;

/**
 * The engine's hooks on a target disk. Writes: the pair's own copies pass; the target is read-only to hosts while the
 * engine owns its content (ReadOnly = SyncedElement); where the pair lets hosts write it, each written chunk is
 * marked pending so that a resync (or restore) knows it differs. Reads: while a point-in-time view is live, each
 * chunk comes from the target if it was preserved, else from the source — which still holds the point-in-time
 * bytes, because any overwrite would first have preserved them.
 */
final class TargetGuard implements WriteInterceptor, ReadThrough {

    private final ReplicationPair pair;

    TargetGuard(ReplicationPair pair) {
        this.pair = pair;
    }

    /** A host flushes a writable target: the chunks it marked pending are made durable first. */
    @Override
    public void flushing(VirtualDisk disk) {
        pair.forceMaps();
    }

    @Override
    public WriteScope open(VirtualDisk disk, long offset, long length, WriteOrigin origin) {
        pair.lock.readLock().lock();
        if (origin == pair) {
            return unlockOnClose(); // the pair's own copy: the engine owns the target's content
        }
        if (origin != WriteOrigin.HOST || !pair.targetWritable()) {
            CopyState state = pair.state();
            pair.lock.readLock().unlock();
            throw new DiskIoException(disk.id(), "disk " + disk.id() + " is the target of pair " + pair.id + " ("
                    + pair.type.displayName() + ", " + state.displayName() + ") and read-only to hosts");
        }
        return new WriteScope() {
            @Override
            public boolean beforeApply(long firstChunk, long lastChunk) {
                if (!pair.isRemoved()) {
                    pair.pending.setRange(firstChunk, lastChunk); // the target now differs there
                }
                return true;
            }

            @Override
            public void close() {
                pair.lock.readLock().unlock();
            }
        };
    }

    private WriteScope unlockOnClose() {
        return new WriteScope() {
            @Override
            public void close() {
                pair.lock.readLock().unlock();
            }
        };
    }

    @Override
    @SuppressWarnings("try") // the lock is held for its scope, never referenced
    public void read(VirtualDisk disk, long offset, byte[] dst, int dstOff, int len) {
        pair.lock.readLock().lock();
        try {
            if (!pair.pitView() || pair.isRemoved()) {
                disk.readStored(offset, dst, dstOff, len);
                return;
            }
            int chunkSize = disk.chunkSize();
            while (len > 0) {
                long chunk = offset / chunkSize;
                int n = (int) Math.min(len, chunkSize - offset % chunkSize);
                try (var held = pair.source.lockChunksShared(chunk, chunk)) {
                    VirtualDisk from = pair.preserved.get(chunk) ? pair.target : pair.source;
                    from.readStored(offset, dst, dstOff, n);
                }
                offset += n;
                dstOff += n;
                len -= n;
            }
        } finally {
            pair.lock.readLock().unlock();
        }
    }
}
