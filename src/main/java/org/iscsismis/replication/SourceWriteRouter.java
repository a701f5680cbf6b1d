package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.disk.WriteInterceptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's hook on one source disk: every host write passes the pairs that replicate this disk, in pair-number
 * order. Before the bytes land it restores chunks a running restore still owes, preserves point-in-time chunks
 * (copy-on-write) and marks chunks dirty; after they land it forwards them to synchronous mirrors and queues them
 * for asynchronous ones. A failed target never loses the write's tracking: the chunk stays pending for resync.
 */
final class SourceWriteRouter implements WriteInterceptor {

    private final ChunkMover mover;
    private final PairCallbacks callbacks;
    private final int asyncMaxLagChunks;
    private volatile List<ReplicationPair> pairs = List.of();

    SourceWriteRouter(ChunkMover mover, PairCallbacks callbacks, int asyncMaxLagChunks) {
        this.mover = mover;
        this.callbacks = callbacks;
        this.asyncMaxLagChunks = asyncMaxLagChunks;
    }

    synchronized void add(ReplicationPair pair) {
        List<ReplicationPair> next = new ArrayList<>(pairs);
        next.add(pair);
        next.sort(Comparator.comparingLong(p -> p.number));
        pairs = List.copyOf(next);
    }

    /** @return true if no pair is left */
    synchronized boolean remove(ReplicationPair pair) {
        List<ReplicationPair> next = new ArrayList<>(pairs);
        next.remove(pair);
        pairs = List.copyOf(next);
        return next.isEmpty();
    }

    @Override
    public WriteScope open(VirtualDisk disk, long offset, int length) {
        List<ReplicationPair> current = pairs;
        if (current.isEmpty()) {
            return WriteScope.NONE;
        }
        List<ReplicationPair> locked = new ArrayList<>(current.size());
        try {
            for (ReplicationPair p : current) {
                p.lock.readLock().lock();
                locked.add(p);
                if (p.stopsHostWrites()) {
                    throw new DiskIoException(disk.id(), "host I/O to disk " + disk.id() + " is stopped: pair " + p.id
                            + " is " + p.state().displayName() + " and FailedCopyStopsHostIO is set");
                }
            }
        } catch (RuntimeException e) {
            unlock(locked);
            throw e;
        }
        return new Scope(locked);
    }

    private static void unlock(List<ReplicationPair> locked) {
        for (int i = locked.size() - 1; i >= 0; i--) {
            locked.get(i).lock.readLock().unlock();
        }
    }

    /** One host write's passage through the pairs; holds their locks shared from open to close. */
    private final class Scope implements WriteScope {
        private final List<ReplicationPair> locked;
        private List<ReplicationPair> failed;
        private List<RuntimeException> failures;
        private List<ReplicationPair> toWake;

        Scope(List<ReplicationPair> locked) {
            this.locked = locked;
        }

        @Override
        public void beforeApply(long firstChunk, long lastChunk) {
            for (ReplicationPair p : locked) {
                if (p.isRemoved()) {
                    continue;
                }
                for (long c = firstChunk; c <= lastChunk; c++) {
                    beforeChunk(p, c);
                }
            }
        }

        private void beforeChunk(ReplicationPair p, long c) {
            if (p.work() == Transition.Work.RESTORE && p.restoreSet.get(c)) {
                // a restore still owes this chunk: put the replica's bytes back first, then let the write land on top.
                // If that fails the write is refused, or the restore would later overwrite it.
                try {
                    mover.copyBack(p, c);
                } catch (DiskIoException e) {
                    fail(p, e);
                    throw e;
                }
                p.restoreSet.clear(c);
                p.pending.clear(c);
                p.workBytesDone.addAndGet(p.source.chunkSize());
            }
            switch (p.type) {
                case MIRROR -> {
                    if (!p.mirrorsSynchronously()) {
                        if (p.pending.set(c) && p.work() != Transition.Work.NONE) {
                            p.addWorkBytes(p.source.chunkSize());
                        }
                    }
                }
                case SNAPSHOT, CLONE -> {
                    if (p.pitView() && !p.preserved.get(c) && p.unreportedFailure == null) {
                        try {
                            mover.copyOnWrite(p, c);
                            p.preserved.set(c);
                            if (p.work() == Transition.Work.FILL) {
                                p.workBytesDone.addAndGet(p.source.chunkSize());
                            }
                        } catch (DiskIoException e) {
                            fail(p, e);
                            if (p.failedCopyStopsHostIO) {
                                throw e; // refuse the write before it lands: the point in time stays intact
                            }
                        }
                    }
                    if (p.type == SyncType.CLONE) {
                        p.pending.set(c);
                    }
                }
            }
        }

        @Override
        public void afterApply(long offset, int length) {
            for (ReplicationPair p : locked) {
                if (p.isRemoved() || p.unreportedFailure != null) {
                    continue;
                }
                if (p.mirrorsSynchronously()) {
                    try {
                        mover.mirrorRange(p, offset, length);
                    } catch (DiskIoException e) {
                        markPending(p, offset, length);
                        fail(p, e);
                    }
                } else if (p.mirrorsAsynchronously()) {
                    boundLag(p, offset, length);
                    if (toWake == null) {
                        toWake = new ArrayList<>(1);
                    }
                    toWake.add(p);
                }
            }
        }

        /** Keep an asynchronous mirror within its lag bound by copying this write's chunks now if it is behind. */
        private void boundLag(ReplicationPair p, long offset, int length) {
            if (p.pending.count() <= asyncMaxLagChunks) {
                return;
            }
            long first = offset / p.source.chunkSize();
            long last = (offset + length - 1) / p.source.chunkSize();
            try {
                for (long c = first; c <= last; c++) {
                    if (p.pending.clear(c)) {
                        try {
                            mover.copyForward(p, c);
                        } catch (DiskIoException e) {
                            p.pending.set(c);
                            throw e;
                        }
                    }
                }
            } catch (DiskIoException e) {
                fail(p, e);
            }
        }

        private void markPending(ReplicationPair p, long offset, int length) {
            long first = offset / p.source.chunkSize();
            long last = (offset + length - 1) / p.source.chunkSize();
            p.pending.setRange(first, last);
        }

        private void fail(ReplicationPair p, DiskIoException e) {
            p.unreportedFailure = e.getMessage();
            if (failed == null) {
                failed = new ArrayList<>(1);
                failures = new ArrayList<>(1);
            }
            failed.add(p);
            failures.add(e);
        }

        @Override
        public void close() {
            unlock(locked);
            if (toWake != null) {
                toWake.forEach(callbacks::workAvailable);
            }
            if (failed == null) {
                return;
            }
            DiskIoException stop = null;
            for (int i = 0; i < failed.size(); i++) {
                ReplicationPair p = failed.get(i);
                callbacks.copyFailed(p, failures.get(i));
                if (p.failedCopyStopsHostIO && stop == null) {
                    stop = new DiskIoException(p.source.id(), "write to disk " + p.source.id() + " landed but replication of pair "
                            + p.id + " failed and FailedCopyStopsHostIO is set: " + failures.get(i).getMessage(), failures.get(i));
                }
            }
            if (stop != null) {
                throw stop;
            }
        }
    }
}
