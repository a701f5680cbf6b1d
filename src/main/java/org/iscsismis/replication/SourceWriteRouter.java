package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.disk.WriteInterceptor;
import org.iscsismis.iscsi.disk.WriteOrigin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's hook on one source disk, and the one path by which its bytes change: every write to the source passes
 * the pairs that replicate it, in pair-number order — host writes and trims, and the chunks a restore copies back
 * from one of those pairs alike. Before the bytes land it preserves point-in-time chunks (copy-on-write) and marks
 * chunks dirty; after they land it forwards them to synchronous mirrors and queues them for asynchronous ones. A
 * failed target never loses the write's tracking: the chunk stays pending for resync.
 *
 * <p>A restore is written chunk by chunk as the restoring pair ({@link WriteOrigin}): its own hooks stay out of it
 * (it does the restore's bookkeeping instead), every other pair sees the chunk change. A host write that reaches a
 * chunk the restore still owes first has that chunk restored, as a write of its own, then lands on top.
 */
final class SourceWriteRouter implements WriteInterceptor {

    private final ChunkMover mover;
    private final PairCallbacks callbacks;
    private final int asyncMaxLagChunks;
    private volatile List<ReplicationPair> pairs = List.of();
    private final Object restoreStarts = new Object();

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

    /**
     * Start a restore of this source by {@code pair} ({@code start} runs the transition), unless another pair is
     * restoring it: one restore of a disk at a time, checked and started under one lock.
     */
    PairSnapshot startRestore(ReplicationPair pair, Supplier<PairSnapshot> start) {
        synchronized (restoreStarts) {
            for (ReplicationPair other : pairs) {
                if (other != pair && other.snapshot().workProgress() == ProgressStatus.RESTORING) {
                    throw InvalidTransitionException.inUse(pair.id, pair.type, pair.snapshot().copyState(),
                            Operation.RESTORE_FROM_REPLICA, "disk " + pair.source.id() + " is being restored from pair "
                            + other.id + " (disk " + other.target.id() + "); one restore of a disk runs at a time");
                }
            }
            return start.get();
        }
    }

    /**
     * A host flushes the source: every copy of it is made durable first (targets' data, then every pair's chunk
     * maps), so the source is never durably ahead of what its pairs recorded about it.
     */
    @Override
    public void flushing(VirtualDisk disk) {
        for (ReplicationPair p : pairs) {
            if (!p.isRemoved()) {
                p.target.forceStored();
                p.forceMaps();
            }
        }
    }

    @Override
    public WriteScope open(VirtualDisk disk, long offset, long length, WriteOrigin origin) {
        if (origin == WriteOrigin.HOST) {
            return openForHost(disk, offset / disk.chunkSize(), (offset + length - 1) / disk.chunkSize());
        }
        List<ReplicationPair> current = pairs;
        if (!current.contains(origin)) {
            return WriteScope.DROP; // the pair was removed after its restore picked the chunk: nothing is owed
        }
        return new Scope(lockAll(current), (ReplicationPair) origin);
    }

    /**
     * Lock every pair; if a running restore still owes a chunk of the range, unlock, restore those chunks (each its
     * own write through this path) and look again: once locked with nothing owed, nothing can become owed, because a
     * restore starts only under its pair's exclusive lock.
     */
    private WriteScope openForHost(VirtualDisk disk, long first, long last) {
        DiskIoException restoreFailure = null;
        while (true) {
            List<ReplicationPair> locked = lockAll(pairs);
            ReplicationPair owing = null;
            try {
                for (ReplicationPair p : locked) {
                    if (p.stopsHostWrites()) {
                        throw new DiskIoException(disk.id(), "host I/O to disk " + disk.id() + " is stopped: pair " + p.id
                                + " is " + p.state().displayName() + " and FailedCopyStopsHostIO is set");
                    }
                    if (owing == null && owesAny(p, first, last)) {
                        owing = p;
                    }
                }
                if (owing == null) {
                    return new Scope(locked, null);
                }
                if (restoreFailure != null) {
                    throw restoreFailure; // the restore could not take its chunk back and is still running
                }
            } catch (RuntimeException e) {
                unlock(locked);
                throw e;
            }
            unlock(locked);
            restoreFailure = restoreFirst(owing, first, last);
        }
    }

    private static boolean owesAny(ReplicationPair p, long first, long last) {
        if (p.isRemoved() || p.work() != Transition.Work.RESTORE) {
            return false;
        }
        for (long c = first; c <= last; c++) {
            if (p.restoreSet.get(c)) {
                return true;
            }
        }
        return false;
    }

    /** Restore the owed chunks of the range before a host write lands on them; a failure stops the restore. */
    private DiskIoException restoreFirst(ReplicationPair p, long first, long last) {
        try {
            for (long c = first; c <= last; c++) {
                if (p.restoreSet.get(c)) {
                    mover.copyBack(p, c);
                }
            }
            return null;
        } catch (DiskIoException e) {
            p.unreportedFailure = e.getMessage();
            callbacks.copyFailed(p, e); // Broken or Partitioned: the restore no longer owes anything
            return e;
        }
    }

    private static List<ReplicationPair> lockAll(List<ReplicationPair> current) {
        List<ReplicationPair> locked = new ArrayList<>(current.size());
        for (ReplicationPair p : current) {
            p.lock.readLock().lock();
            locked.add(p);
        }
        return locked;
    }

    private static void unlock(List<ReplicationPair> locked) {
        for (int i = locked.size() - 1; i >= 0; i--) {
            locked.get(i).lock.readLock().unlock();
        }
    }

    /**
     * One write's passage through the pairs; holds their locks shared from open to close. {@code restorer} is the
     * pair whose restore writes this chunk, {@code null} for a host write.
     */
    private final class Scope implements WriteScope {
        private final List<ReplicationPair> locked;
        private final ReplicationPair restorer;
        private List<ReplicationPair> failed;
        private List<RuntimeException> failures;
        private List<ReplicationPair> toWake;

        Scope(List<ReplicationPair> locked, ReplicationPair restorer) {
            this.locked = locked;
            this.restorer = restorer;
        }

        @Override
        public boolean beforeApply(long firstChunk, long lastChunk) {
            if (restorer != null && !stillOwed(firstChunk, lastChunk)) {
                return false;
            }
            for (ReplicationPair p : locked) {
                if (p == restorer || p.isRemoved()) {
                    continue;
                }
                for (long c = firstChunk; c <= lastChunk; c++) {
                    beforeChunk(p, c);
                }
            }
            return true;
        }

        private boolean stillOwed(long first, long last) {
            if (restorer.isRemoved() || restorer.work() != Transition.Work.RESTORE) {
                return false;
            }
            for (long c = first; c <= last; c++) {
                if (!restorer.restoreSet.get(c)) {
                    return false;
                }
            }
            return true;
        }

        private void beforeChunk(ReplicationPair p, long c) {
            switch (p.type) {
                case MIRROR -> {
                    if (!p.mirrorsSynchronously()) {
                        p.pending.set(c);
                    } else if (p.tracksIntent()) {
                        p.intent.set(c); // on file before the source changes: a crash now leaves the chunk to resync
                    }
                }
                case SNAPSHOT, CLONE -> {
                    if (p.pitView() && !p.preserved.get(c) && p.unreportedFailure == null) {
                        try {
                            mover.copyOnWrite(p, c);
                            p.preserved.set(c);
                        } catch (DiskIoException e) {
                            fail(p, e);
                            if (p.failedCopyStopsHostIO && restorer == null) {
                                throw e; // refuse the host write before it lands: the point in time stays intact
                            }
                        }
                    }
                    p.pending.set(c); // changed since the point in time (or since a restore put it back)
                }
            }
        }

        @Override
        public void afterApply(long offset, long length) {
            if (restorer != null) {
                restored(offset / restorer.source.chunkSize(), (offset + length - 1) / restorer.source.chunkSize());
            }
            for (ReplicationPair p : locked) {
                if (p == restorer || p.isRemoved() || p.unreportedFailure != null) {
                    continue;
                }
                if (p.mirrorsSynchronously()) {
                    try {
                        mover.mirrorRange(p, offset, (int) length);
                    } catch (DiskIoException e) {
                        markPending(p, offset, length);
                        fail(p, e);
                    }
                    clearIntent(p, offset, length);
                } else if (p.mirrorsAsynchronously()) {
                    boundLag(p, offset, length);
                    if (toWake == null) {
                        toWake = new ArrayList<>(1);
                    }
                    toWake.add(p);
                }
            }
        }

        /** The restore's bookkeeping for chunks it has just written back. */
        private void restored(long first, long last) {
            for (long c = first; c <= last; c++) {
                restorer.restoreSet.clear(c);
                restorer.pending.clear(c); // source and replica agree on it now
                mover.chunksRestored.incrementAndGet();
            }
        }

        /** Keep an asynchronous mirror within its lag bound by copying this write's chunks now if it is behind. */
        private void boundLag(ReplicationPair p, long offset, long length) {
            if (p.pending.count() <= asyncMaxLagChunks) {
                return;
            }
            long first = offset / p.source.chunkSize();
            long last = (offset + length - 1) / p.source.chunkSize();
            try {
                for (long c = first; c <= last; c++) {
                    if (p.pending.get(c)) {
                        mover.copyForward(p, c);
                        p.pending.clear(c);
                    }
                }
            } catch (DiskIoException e) {
                fail(p, e);
            }
        }

        /** The write is on both disks (or pending again): nothing is left to prove after a crash. */
        private void clearIntent(ReplicationPair p, long offset, long length) {
            if (p.tracksIntent()) {
                long first = offset / p.source.chunkSize();
                long last = (offset + length - 1) / p.source.chunkSize();
                for (long c = first; c <= last; c++) {
                    p.intent.clear(c);
                }
            }
        }

        private void markPending(ReplicationPair p, long offset, long length) {
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
                if (p.failedCopyStopsHostIO && restorer == null && stop == null) {
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
