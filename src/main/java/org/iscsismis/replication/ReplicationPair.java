package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.disk.WriteOrigin;
import org.iscsismis.replication.Transition.Effect;
import org.iscsismis.replication.Transition.Work;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One replication relationship and the facts its state derives from. It guards itself with one read/write lock:
 * host I/O and copy slices hold it shared (they only flip chunk bits), transitions hold it exclusively, so a
 * transition never sees a half-applied write and a write never straddles two states.
 *
 * <p>Lock order (engine-wide): pair locks (ascending pair number) ──▶ source chunk locks ──▶ target chunk locks.
 * Nothing that holds a chunk lock ever takes a pair lock.
 *
 * <p>The chunk maps: {@code pending} — mirror: chunks the target lacks; snapshot, clone: chunks changed on either side
 * since the point in time (or since a restore put them back). {@code preserved} — snapshot/clone: chunks whose
 * point-in-time content is on the target.
 * {@code restoreSet} — chunks a running restore has still to copy back onto the source.
 *
 * <p>The pair is also the {@link WriteOrigin} of every copy it makes, so the disks' hooks can tell its own writes
 * from a host's.
 */
final class ReplicationPair implements WriteOrigin {

    final String id;
    final long number;
    final SyncType type;
    final VirtualDisk source;
    final VirtualDisk target;
    final boolean targetCreatedByEngine;
    final CopyRecoveryMode recoveryMode;
    final boolean failedCopyStopsHostIO;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final ChunkBitmap pending;
    final ChunkBitmap preserved;
    final ChunkBitmap restoreSet;
    /**
     * Synchronous mirror with a store: chunks a host write has landed on the source but not yet on the target. Kept
     * in a file only; after a crash its chunks are pending (the last writes cannot be proven on both sides).
     */
    final ChunkBitmap intent;
    /** Records each change before it is answered; null: nothing kept (set once, before the pair is shared). */
    private PairStore store;

    volatile CopyPriority priority;
    volatile boolean pathDown;
    /** A failure seen by host I/O or a copy slice, not yet turned into a transition. */
    volatile String unreportedFailure;
    volatile long cursor;
    /** Hands each change to the listeners' queue while the lock is still held, so events keep their order. */
    volatile java.util.function.Consumer<Change> publisher = c -> { };

    final AtomicLong chunksCopied = new AtomicLong();

    // guarded by lock
    private CopyState state = CopyState.INITIALIZED;
    private CopyState requested = CopyState.NOT_APPLICABLE;
    private Mode mode;
    private Work work = Work.NONE;
    private ProgressStatus workProgress;
    private long workGeneration;
    private boolean pitView;
    private boolean fillComplete;
    /** Mirror: the target holds a whole copy (it reached Synchronized and no drain has started over it since). */
    private boolean mirrorComplete;
    private boolean removed;
    private String faultCause;
    private final Instant whenEstablished;
    private Instant whenActivated;
    private Instant whenSynced;
    private Instant whenSynchronized;
    private Instant whenSuspended;
    private Instant whenDeactivated;
    /** Snapshot, clone: when the point in time the target holds or is being filled from was taken. */
    private Instant pointInTime;
    /** Set by a transition whose target's chunks go once the transition is recorded (a snapshot's new point in time). */
    private boolean discardTarget;

    /**
     * What a transition may change, kept under the exclusive lock to take the transition back when the store
     * cannot record it (chunk bits cannot change meanwhile: writes and copies hold the lock shared).
     */
    private static final class Facts {
        private final CopyState state;
        private final CopyState requested;
        private final Mode mode;
        private final Work work;
        private final ProgressStatus workProgress;
        private final long workGeneration;
        private final boolean pitView;
        private final boolean fillComplete;
        private final boolean mirrorComplete;
        private final boolean removed;
        private final String faultCause;
        private final String unreportedFailure;
        private final Instant[] instants;
        private final ChunkBitmap pending;
        private final ChunkBitmap preserved;
        private final ChunkBitmap restoreSet;

        Facts(ReplicationPair p) {
            state = p.state;
            requested = p.requested;
            mode = p.mode;
            work = p.work;
            workProgress = p.workProgress;
            workGeneration = p.workGeneration;
            pitView = p.pitView;
            fillComplete = p.fillComplete;
            mirrorComplete = p.mirrorComplete;
            removed = p.removed;
            faultCause = p.faultCause;
            unreportedFailure = p.unreportedFailure;
            instants = new Instant[] {p.whenActivated, p.whenSynced, p.whenSynchronized, p.whenSuspended, p.whenDeactivated,
                p.pointInTime};
            pending = copy(p.pending);
            preserved = copy(p.preserved);
            restoreSet = copy(p.restoreSet);
        }

        private static ChunkBitmap copy(ChunkBitmap b) {
            ChunkBitmap c = new ChunkBitmap(b.size());
            c.setToCopyOf(b);
            return c;
        }

        void restore(ReplicationPair p) {
            p.state = state;
            p.requested = requested;
            p.mode = mode;
            p.work = work;
            p.workProgress = workProgress;
            p.workGeneration = workGeneration;
            p.pitView = pitView;
            p.fillComplete = fillComplete;
            p.mirrorComplete = mirrorComplete;
            p.removed = removed;
            p.faultCause = faultCause;
            p.unreportedFailure = unreportedFailure;
            p.whenActivated = instants[0];
            p.whenSynced = instants[1];
            p.whenSynchronized = instants[2];
            p.whenSuspended = instants[3];
            p.whenDeactivated = instants[4];
            p.pointInTime = instants[5];
            p.pending.setToCopyOf(pending);
            p.preserved.setToCopyOf(preserved);
            p.restoreSet.setToCopyOf(restoreSet);
            p.discardTarget = false;
        }
    }

    ReplicationPair(long number, PairSpec spec, VirtualDisk source, VirtualDisk target, boolean targetCreated, Instant now) {
        this.id = "pair-" + number;
        this.number = number;
        this.type = spec.syncType();
        this.source = source;
        this.target = target;
        this.targetCreatedByEngine = targetCreated;
        this.recoveryMode = spec.copyRecoveryMode();
        this.failedCopyStopsHostIO = spec.failedCopyStopsHostIO();
        this.priority = spec.copyPriority();
        this.mode = spec.mode();
        this.whenEstablished = now;
        long chunks = source.chunkCount();
        this.pending = new ChunkBitmap(chunks);
        this.preserved = new ChunkBitmap(chunks);
        this.restoreSet = new ChunkBitmap(chunks);
        this.intent = new ChunkBitmap(chunks);
    }

    /** A pair of an earlier run, as its record and (once {@link #keepIn} loads them) its chunk maps say. */
    ReplicationPair(PairRecord r, VirtualDisk source, VirtualDisk target) {
        this(Long.parseLong(r.id().substring("pair-".length())), new PairSpec(r.type(), r.mode(), source.id(), null, null, null,
                false, r.priority(), r.recoveryMode(), r.failedCopyStopsHostIO()), source, target, r.targetCreatedByEngine(),
                r.whenEstablished());
        state = r.state();
        requested = r.requested();
        mode = r.mode();
        work = r.work();
        workProgress = r.workProgress();
        pitView = r.pitView();
        fillComplete = r.fillComplete();
        mirrorComplete = r.mirrorComplete();
        faultCause = r.faultCause();
        chunksCopied.set(r.chunksCopied());
        whenActivated = r.whenActivated();
        whenSynced = r.whenSynced();
        whenSynchronized = r.whenSynchronized();
        whenSuspended = r.whenSuspended();
        whenDeactivated = r.whenDeactivated();
        pointInTime = r.pointInTime();
    }

    /**
     * Keep this pair in {@code pairStore}: its chunk maps in files ({@code load}: the files an earlier run left);
     * from now on every change is recorded before it is answered. Called before the pair is shared.
     */
    void keepIn(PairStore pairStore, boolean load) {
        java.nio.file.Path dir = pairStore.mapDirectory();
        pending.persistIn(ChunkMapFile.open(dir.resolve(id + ".pending")), load);
        preserved.persistIn(ChunkMapFile.open(dir.resolve(id + ".preserved")), load);
        restoreSet.persistIn(ChunkMapFile.open(dir.resolve(id + ".restore")), load);
        intent.persistIn(ChunkMapFile.open(dir.resolve(id + ".intent")), load);
        store = pairStore;
    }

    /** True if synchronous mirroring must note each write's chunks before they land (a store keeps the pair). */
    boolean tracksIntent() {
        return store != null;
    }

    /** Force the chunk maps to the device (a host flush, a clean stop). */
    void forceMaps() {
        pending.force();
        preserved.force();
        restoreSet.force();
        intent.force();
    }

    /** Close the map files; {@code delete} removes them (the pair is gone). */
    void closeMaps(boolean delete) {
        pending.closeFile(delete);
        preserved.closeFile(delete);
        restoreSet.closeFile(delete);
        intent.closeFile(delete);
    }

    /** Record the pair's current facts (taking its lock shared). */
    void save() {
        lock.readLock().lock();
        try {
            saveLocked();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void saveLocked() {
        if (store == null) {
            return;
        }
        if (removed) {
            store.remove(id);
        } else {
            store.save(new PairRecord(id, type, source.id(), target.id(), targetCreatedByEngine, mode, state, requested, work,
                    workProgress, priority, recoveryMode, failedCopyStopsHostIO, pitView, fillComplete, mirrorComplete,
                    faultCause, chunksCopied.get(), whenEstablished, whenActivated, whenSynced, whenSynchronized,
                    whenSuspended, whenDeactivated, pointInTime));
        }
    }

    /**
     * After a restart: writes a crash may have cut between a synchronous mirror's two disks become pending again, and
     * a synchronized mirror that then differs is resynchronized (never shown Synchronized while different). Work that
     * was running resumes from its maps.
     *
     * @return what was changed, for the log, or null
     */
    String resumeAfterRestart() {
        lock.writeLock().lock();
        try {
            String note = null;
            if (!intent.isEmpty()) {
                pending.addAll(intent);
                intent.clearAll();
            }
            if (type == SyncType.MIRROR && state == CopyState.SYNCHRONIZED && work == Work.NONE && !pending.isEmpty()
                    && mode == Mode.SYNCHRONOUS) {
                note = "synchronous mirror's last writes to " + pending.count() + " chunk(s) cannot be proven on both "
                        + "disks; resynchronizing them";
                state = CopyState.UNSYNCHRONIZED;
                startWork(Work.DRAIN, ProgressStatus.RESYNCING, whenEstablished);
                requested = CopyState.SYNCHRONIZED;
            } else if (work != Work.NONE) {
                workGeneration++;
                note = "resuming its " + workProgress.displayName().toLowerCase(java.util.Locale.ROOT) + " from its chunk maps";
            }
            cursor = 0;
            saveLocked();
            return note;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A new mirror owes the target every chunk either side holds. Called while host writes to the source are
     * quiesced and the pair's hooks go in, so a write is either counted here or seen by the hooks.
     */
    void markInitialPending() {
        if (type == SyncType.MIRROR) {
            for (long c = 0; c < pending.size(); c++) {
                if (source.isChunkAllocated(c) || target.isChunkAllocated(c)) {
                    pending.set(c);
                }
            }
        }
    }

    // ---------------------------------------------------------------- reads (caller holds the lock, shared or not)

    CopyState state() { return state; }
    Mode mode() { return mode; }
    Work work() { return work; }
    long workGeneration() { return workGeneration; }
    boolean pitView() { return pitView; }
    boolean isRemoved() { return removed; }

    /** Host writes to the source must be refused: the pair failed and FailedCopyStopsHostIO is set. */
    boolean stopsHostWrites() {
        return failedCopyStopsHostIO && !removed
                && (state == CopyState.BROKEN || state == CopyState.PARTITIONED || unreportedFailure != null);
    }

    /** Host writes to the target are allowed where the state's ReadOnly is NULL (a fractured or split mirror, a finished clone). */
    boolean targetWritable() {
        return removed || PairStateTable.standard().row(type, state, workProgress).readOnly() == null;
    }

    /** The target must receive each host write before the write returns. */
    boolean mirrorsSynchronously() {
        return type == SyncType.MIRROR && state == CopyState.SYNCHRONIZED && mode == Mode.SYNCHRONOUS && work != Work.RESTORE;
    }

    /** An asynchronous mirror in steady state: host writes queue chunks that the workers drain. */
    boolean mirrorsAsynchronously() {
        return type == SyncType.MIRROR && state == CopyState.SYNCHRONIZED && mode == Mode.ASYNCHRONOUS && work != Work.RESTORE;
    }

    /** Copy workers have something to do for this pair. */
    boolean hasWork() {
        return !removed && (work != Work.NONE || (type == SyncType.MIRROR && state == CopyState.SYNCHRONIZED && !pending.isEmpty()));
    }

    /** Whether the running work has reached its goal (caller holds the lock exclusively). */
    boolean workFinished() {
        return switch (work) {
            case NONE -> false;
            case DRAIN, CATCH_UP -> pending.isEmpty();
            case FILL -> preserved.isFull();
            case RESTORE -> restoreSet.isEmpty() && (type != SyncType.MIRROR || pending.isEmpty());
        };
    }

    PairSnapshot snapshot() {
        lock.readLock().lock();
        try {
            return snapshotLocked();
        } finally {
            lock.readLock().unlock();
        }
    }

    private PairSnapshot snapshotLocked() {
        long lag = type == SyncType.SNAPSHOT ? preserved.count() : pending.count();
        return new PairSnapshot(id, source.id(), target.id(), type, mode, state, requested, workProgress, priority,
                recoveryMode, failedCopyStopsHostIO, pathDown, whenEstablished, whenActivated, whenSynced,
                whenSynchronized, whenSuspended, whenDeactivated, chunksInStep(), pending.size(),
                chunksCopied.get(), lag, faultCause);
    }

    /**
     * Chunks the target already holds as the current or next synchronization needs them: all but those a mirror
     * still lacks, a running restore still owes (or hosts changed since it started), a clone's copy has still to fill.
     * A clone whose copy was interrupted keeps the copied chunks unchanged since: its next copy takes only the rest. A
     * snapshot is virtual: all, while it holds its point in time.
     */
    private long chunksInStep() {
        long all = pending.size();
        if (work == Work.RESTORE) {
            return all - pending.count(); // what the restore still owes, and what hosts changed since it started
        }
        return switch (type) {
            case MIRROR -> all - pending.count();
            case SNAPSHOT -> pitView ? all : 0;
            case CLONE -> fillComplete ? all - pending.count() : pitView ? preserved.count() : preserved.countWithout(pending);
        };
    }

    // ---------------------------------------------------------------- transitions

    /** Before and after views of one applied transition. */
    record Change(PairSnapshot before, PairSnapshot after, Transition transition, Trigger trigger) { }

    /**
     * Apply {@code trigger} through the table, atomically. Throws {@link InvalidTransitionException} (nothing
     * changed) if the table has no cell for the current state.
     */
    Change apply(TransitionTable table, Trigger trigger, Instant now, String cause) {
        lock.writeLock().lock();
        try {
            if (removed) {
                throw new IllegalStateException("pair " + id + " has been removed");
            }
            Transition t = table.lookup(id, type, state, trigger);
            if (t.work() == Work.CATCH_UP && pending.isEmpty()) {
                t = Transition.stay(state, t.effect()); // nothing lags: nothing to catch up, the pair stays where it is
            }
            if (t.work() == Work.RESTORE && !holdsCompleteCopy()) {
                throw new InvalidTransitionException(id, type, state, trigger, "its target " + target.id()
                        + " does not hold a complete copy of " + source.id() + " (the copy onto it was interrupted before it"
                        + " finished); Resync Replica first");
            }
            PairSnapshot before = snapshotLocked();
            Facts undo = new Facts(this);
            discardTarget = false;
            if (work != Work.NONE && t.work() == Work.NONE && trigger != EngineEvent.WORK_DONE && t.to() != state) {
                stopWork(); // leaving the state the work was heading from (e.g. Fracture while Splitting): abandon it
            }
            applyEffect(t.effect(), trigger, now);
            CopyState old = state;
            state = t.to();
            if (t.work() != Work.NONE) {
                startWork(t.work(), t.progress(), now);
                requested = t.result();
            } else if (trigger == EngineEvent.WORK_DONE) {
                finishWork();
            }
            if (trigger instanceof Operation && work == Work.NONE) {
                requested = t.to(); // (an operation that leaves running work alone, e.g. Reset To Sync, leaves its aim too)
            }
            if (requested == state && work == Work.NONE) {
                requested = CopyState.NOT_APPLICABLE;
            }
            stamp(old, trigger, now);
            if (state == CopyState.BROKEN || state == CopyState.PARTITIONED) {
                faultCause = cause;
                unreportedFailure = null;
            } else if (old == CopyState.BROKEN || old == CopyState.PARTITIONED) {
                unreportedFailure = null;
            }
            try {
                saveLocked(); // recorded before anyone is told
            } catch (RuntimeException e) {
                undo.restore(this); // the store refused it: the transition did not happen
                throw e;
            }
            if (discardTarget) {
                target.discard(this); // only once recorded: the target's old chunks cannot be brought back
            }
            Change change = new Change(before, snapshotLocked(), t, trigger);
            publisher.accept(change);
            return change;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Apply an engine event if the table has a cell for it; otherwise only forget the unreported failure (the
     * pair is in a state where the failure does not matter, e.g. already Broken or Fractured).
     */
    java.util.Optional<Change> applyIfAllowed(TransitionTable table, Trigger trigger, Instant now, String cause) {
        lock.writeLock().lock();
        try {
            if (removed || table.find(type, state, trigger).isEmpty()) {
                unreportedFailure = null;
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(apply(table, trigger, now, cause));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Finish the running work if it is still the work of {@code generation} and has reached its goal. */
    java.util.Optional<Change> completeWork(TransitionTable table, long generation, Instant now) {
        lock.writeLock().lock();
        try {
            if (removed || generation != workGeneration || !workFinished()) {
                return java.util.Optional.empty();
            }
            if (table.find(type, state, EngineEvent.WORK_DONE).isEmpty()) {
                stopWork(); // cannot happen while every row that leaves a working state stops the work; stay safe
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(apply(table, EngineEvent.WORK_DONE, now, null));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether the target is a whole copy a restore may put back: a finished mirror copy, a finished clone, a live point in time. */
    private boolean holdsCompleteCopy() {
        return switch (type) {
            case MIRROR -> mirrorComplete;
            case SNAPSHOT -> pitView;
            case CLONE -> fillComplete;
        };
    }

    private void applyEffect(Effect effect, Trigger trigger, Instant now) {
        switch (effect) {
            case NONE -> { }
            case NEW_PIT -> newPointInTime(now);
            case DISCARD_PIT -> {
                forgetPointInTime();
                preserved.clearAll();
                pending.clearAll();
                discardTarget = true;
            }
            case CANCEL_WORK -> {
                stopWork();
                boolean failed = trigger == EngineEvent.DISK_FAILED || trigger == EngineEvent.PATH_LOST;
                if (type == SyncType.CLONE && (failed || trigger == Operation.ABORT)) {
                    pitView = false;
                }
                if (type == SyncType.SNAPSHOT && failed) {
                    forgetPointInTime(); // the target can no longer be trusted to hold it
                }
            }
            case REMOVE, REMOVE_AND_DELETE_TARGET -> {
                stopWork();
                removed = true;
                pitView = false;
            }
            case MODE_SYNC -> mode = Mode.SYNCHRONOUS;
            case MODE_ASYNC -> mode = Mode.ASYNCHRONOUS;
        }
    }

    /** A snapshot's point in time is gone: so are the instants that spoke of it. */
    private void forgetPointInTime() {
        pitView = false;
        pointInTime = null;
        whenSynced = null;
        whenSynchronized = null;
    }

    private void newPointInTime(Instant now) {
        pointInTime = now;
        whenSynced = null; // the copy these spoke of is being replaced; a snapshot is Synchronized again at once
        whenSynchronized = null;
        if (type == SyncType.SNAPSHOT) {
            preserved.clearAll();
            discardTarget = true;
        } else {
            // the chunks of the last copy (all of it, if it finished) unchanged on both sides since its point in time
            // already hold the new one: the copy takes only the rest
            if (fillComplete) {
                preserved.setAll();
            }
            preserved.removeAll(pending);
        }
        pending.clearAll();
        fillComplete = false;
        pitView = true;
    }

    private void startWork(Work w, ProgressStatus progress, Instant now) {
        if (w == Work.FILL && !pitView) {
            newPointInTime(now); // resuming a clone whose point in time was lost: start a fresh one
        }
        if (w == Work.DRAIN && state == CopyState.UNSYNCHRONIZED) {
            mirrorComplete = false; // the drain overwrites the target chunk by chunk: a torn copy until it ends
        }
        work = w;
        workProgress = progress;
        workGeneration++;
        if (w == Work.RESTORE) {
            restoreSet.setToCopyOf(pending); // the chunks where source and replica may differ
        }
    }

    private void finishWork() {
        if (work == Work.FILL) {
            fillComplete = true;
            pitView = false;
        }
        work = Work.NONE;
        workProgress = null;
        workGeneration++;
    }

    private void stopWork() {
        work = Work.NONE;
        workProgress = null;
        workGeneration++;
        restoreSet.clearAll();
    }

    private void stamp(CopyState old, Trigger trigger, Instant now) {
        if (trigger == Operation.ACTIVATE || trigger == Operation.RESUME || trigger == Operation.RESYNC_REPLICA) {
            whenActivated = now;
        }
        if (state == CopyState.SUSPENDED && old != CopyState.SUSPENDED) {
            whenSuspended = now; // by a client's Suspend or by a manual recovery
        }
        if (trigger == Operation.DEACTIVATE) {
            whenDeactivated = now;
        }
        boolean becameSynchronized = state == CopyState.SYNCHRONIZED
                && (old != CopyState.SYNCHRONIZED || trigger == Operation.RESYNC_REPLICA);
        if (becameSynchronized) {
            mirrorComplete = true;
            whenSynchronized = now;
            whenSynced = type == SyncType.MIRROR ? now : pointInTime;
        }
    }

    @Override
    public String toString() {
        return "pair " + id;
    }
}
