package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.ChunkLocks;
import org.iscsismis.iscsi.disk.DiskIoException;

/**
 * One scheduling slice of a pair's background work, run on a copy worker: up to {@code sliceChunks} chunks of
 * drain (mirror), fill (clone) or restore. Each chunk is moved under the pair's shared lock and the source
 * chunk's exclusive lock, so host writes to that chunk wait and nothing is copied twice or lost.
 */
final class CopySlices implements CopyScheduler.SliceRunner {

    /** What the slices report to the engine. */
    interface Outcome extends PairCallbacks {
        /** The work of {@code generation} looks finished; confirm under the exclusive lock and transition. */
        void workLooksDone(ReplicationPair pair, long generation);

        void progressed(ReplicationPair pair);
    }

    private final ChunkMover mover;
    private final int sliceChunks;
    private final Outcome outcome;

    CopySlices(ChunkMover mover, int sliceChunks, Outcome outcome) {
        this.mover = mover;
        this.sliceChunks = sliceChunks;
        this.outcome = outcome;
    }

    @Override
    public boolean runSlice(ReplicationPair p) {
        long generation;
        Transition.Work work;
        boolean exhausted = false;
        boolean moved = false;
        DiskIoException failure = null;
        p.lock.readLock().lock();
        try {
            if (!p.hasWork() || p.unreportedFailure != null) {
                return false;
            }
            generation = p.workGeneration();
            work = p.work();
            try {
                for (int i = 0; i < sliceChunks; i++) {
                    boolean progressed = switch (work) {
                        case NONE, DRAIN -> drainOne(p);
                        case FILL -> fillOne(p);
                        case RESTORE -> restoreOne(p) || (p.type == SyncType.MIRROR && drainOne(p));
                    };
                    if (!progressed) {
                        exhausted = true;
                        break;
                    }
                    moved = true;
                }
            } catch (DiskIoException e) {
                failure = e;
                p.unreportedFailure = e.getMessage();
            }
        } finally {
            p.lock.readLock().unlock();
        }
        if (failure != null) {
            outcome.copyFailed(p, failure);
            return false;
        }
        if (moved) {
            outcome.progressed(p);
        }
        if (exhausted) {
            if (work != Transition.Work.NONE) {
                outcome.workLooksDone(p, generation);
            }
            return false;
        }
        return true;
    }

    /** An unexpected failure (a bug, an Error such as running out of heap) fails the pair as a disk failure would. */
    @Override
    public void sliceFailed(ReplicationPair p, Throwable failure) {
        outcome.copyFailed(p, new DiskIoException(p.target.id(), "copy of pair " + p.id + " failed unexpectedly: " + failure));
    }

    private boolean drainOne(ReplicationPair p) {
        long c = p.pending.nextSet(p.cursor);
        if (c < 0) {
            return false;
        }
        try (ChunkLocks.Held held = p.source.lockChunks(c, c)) {
            if (p.pending.clear(c)) {
                try {
                    mover.copyForward(p, c);
                } catch (DiskIoException e) {
                    p.pending.set(c);
                    throw e;
                }
                if (p.work() != Transition.Work.NONE) {
                    p.workBytesDone.addAndGet(p.source.chunkSize());
                }
            }
        }
        p.cursor = c + 1;
        return true;
    }

    private boolean fillOne(ReplicationPair p) {
        long c = p.preserved.nextClear(p.cursor);
        if (c < 0) {
            return false;
        }
        try (ChunkLocks.Held held = p.source.lockChunks(c, c)) {
            if (!p.preserved.get(c)) {
                mover.copyForward(p, c);
                p.preserved.set(c);
                p.workBytesDone.addAndGet(p.source.chunkSize());
            }
        }
        p.cursor = c + 1;
        return true;
    }

    private boolean restoreOne(ReplicationPair p) {
        long c = p.restoreSet.nextSet(p.cursor);
        if (c < 0) {
            return false;
        }
        try (ChunkLocks.Held held = p.source.lockChunks(c, c)) {
            if (p.restoreSet.get(c)) {
                mover.copyBack(p, c);
                p.restoreSet.clear(c);
                if (p.type != SyncType.SNAPSHOT) {
                    p.pending.clear(c);
                }
                p.workBytesDone.addAndGet(p.source.chunkSize());
            }
        }
        p.cursor = c + 1;
        return true;
    }
}
