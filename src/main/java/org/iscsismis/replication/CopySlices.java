package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.ChunkLocks;
import org.iscsismis.iscsi.disk.DiskIoException;

/**
 * One scheduling slice of a pair's background work, run on a copy worker: up to {@code sliceChunks} chunks of
 * drain (mirror), fill (clone) or restore. A drain or fill chunk is moved under the pair's shared lock and the source
 * chunk's exclusive lock, so host writes to that chunk wait and nothing is copied twice or lost; a restore chunk is a
 * write onto the source through its hooks (see {@link ChunkMover#copyBack}).
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
        p.lock.readLock().lock();
        try {
            if (!p.hasWork() || p.unreportedFailure != null) {
                return false;
            }
            generation = p.workGeneration();
            work = p.work();
        } finally {
            p.lock.readLock().unlock();
        }
        boolean moved = false;
        try {
            for (int i = 0; i < sliceChunks; i++) {
                if (!step(p, work, generation)) {
                    if (moved) {
                        outcome.progressed(p);
                    }
                    if (work != Transition.Work.NONE) {
                        outcome.workLooksDone(p, generation);
                    }
                    return false;
                }
                moved = true;
            }
        } catch (DiskIoException e) {
            p.unreportedFailure = e.getMessage();
            outcome.copyFailed(p, e);
            return false;
        }
        outcome.progressed(p);
        return true;
    }

    /**
     * Move one chunk of the work of {@code generation}. A restore chunk is written onto the source holding no lock of
     * the pair: the source's write path takes every pair lock of that disk in order and checks the chunk is still owed.
     * Every other move holds the pair's lock shared, so the work cannot change under it.
     *
     * @return false if the work has nothing left to move now, or is no longer the work of {@code generation}
     */
    private boolean step(ReplicationPair p, Transition.Work work, long generation) {
        if (work == Transition.Work.RESTORE) {
            long c = p.restoreSet.nextSet(p.cursor);
            if (c >= 0) {
                mover.copyBack(p, c);
                p.cursor = c + 1;
                return true;
            }
            if (p.type != SyncType.MIRROR) {
                return false;
            }
        }
        p.lock.readLock().lock();
        try {
            if (!p.hasWork() || p.workGeneration() != generation || p.unreportedFailure != null) {
                return false;
            }
            return work == Transition.Work.FILL ? fillOne(p) : drainOne(p); // a mirror's restore also drains
        } finally {
            p.lock.readLock().unlock();
        }
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
            if (p.pending.get(c)) {
                mover.copyForward(p, c);
                p.pending.clear(c); // only once the chunk is there: a crash in between copies it again
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
            }
        }
        p.cursor = c + 1;
        return true;
    }
}
