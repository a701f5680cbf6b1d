package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskFaults;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replication engine's front door: create pairs between virtual disks, run SMI-S replication operations on
 * them through the {@link TransitionTable}, read consistent {@link PairSnapshot}s, wait for a CopyState, listen.
 *
 * <p>Threads: background copy runs on {@link EngineConfig#copyWorkers()} workers shared by priority
 * ({@link CopyScheduler}); listeners run on one event thread; callers' threads only ever do synchronous mirroring
 * of their own host writes and copy-on-write of the chunks they overwrite. Lock order: {@code topology} (pair
 * creation/removal) ──▶ pair locks ──▶ source chunk locks ──▶ target chunk locks; no thread holding a chunk lock
 * takes a pair lock, and listener calls happen with no lock held.
 *
 * <p>Topology rules: a disk may be the source of many pairs but the target of at most one, and a target is never
 * a source (no cascades), which keeps the lock order acyclic.
 */
public final class ReplicationEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationEngine.class);

    private final DiskRegistry registry;
    private final Clock clock;
    private final TransitionTable table = TransitionTable.standard();
    private final ChunkMover mover = new ChunkMover();
    private final CopyScheduler scheduler;
    private final int asyncMaxLagChunks;
    private final Object topology = new Object();
    private final AtomicLong pairSeq = new AtomicLong();
    private final Map<Long, ReplicationPair> pairs = new ConcurrentSkipListMap<>();
    private final Map<String, SourceWriteRouter> routers = new ConcurrentHashMap<>();
    private final Map<String, Consumer<DiskFaults>> faultWatchers = new ConcurrentHashMap<>();
    private final Map<String, ReplicationPair> pairByTarget = new ConcurrentHashMap<>();
    private final CopyStateWaiters waiters = new CopyStateWaiters();
    private final List<ReplicationListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "replication-events");
        t.setDaemon(true);
        return t;
    });
    private final Callbacks callbacks = new Callbacks();
    /** Keeps pairs across restarts, or null; set before the first pair exists. */
    private volatile PairStore store;

    public ReplicationEngine(DiskRegistry registry, EngineConfig config) {
        this.registry = registry;
        this.clock = config.clock();
        this.asyncMaxLagChunks = config.asyncMaxLagChunks();
        this.scheduler = new CopyScheduler(config.copyWorkers(), new CopySlices(mover, config.sliceChunks(), callbacks));
    }

    public DiskRegistry disks() {
        return registry;
    }

    public TransitionTable table() {
        return table;
    }

    /**
     * Keep every pair in {@code pairStore} from now on (the server's data directory): each pair's record is saved before
     * an operation on it is answered, its chunk maps live in files. Set before any pair exists.
     */
    public void keepPairsIn(PairStore pairStore) {
        synchronized (topology) {
            if (!pairs.isEmpty()) {
                throw new IllegalStateException("a pair store must be set before pairs exist");
            }
            this.store = pairStore;
        }
    }

    /**
     * Recovery: bring back a pair of an earlier run from its record and chunk maps, hooked onto its disks again. A
     * synchronous mirror whose last writes cannot be proven on both disks is resynchronized; work that was running
     * resumes where its maps say (call {@link #resumeRestoredPairs} once every pair is back).
     */
    public PairSnapshot restorePair(PairRecord record) {
        ReplicationPair pair;
        synchronized (topology) {
            if (store == null) {
                throw new IllegalStateException("restoring a pair needs a pair store");
            }
            pair = new ReplicationPair(record, registry.disk(record.sourceDiskId()), registry.disk(record.targetDiskId()));
            pair.keepIn(store, true);
            pairSeq.accumulateAndGet(pair.number, Math::max);
            hook(pair, false);
        }
        String note = pair.resumeAfterRestart();
        if (note != null) {
            LOG.warn("Pair {} ({} of {} onto {}) after the restart: {}", pair.id, pair.type.displayName(), pair.source.id(),
                    pair.target.id(), note);
        }
        return pair.snapshot();
    }

    /** Recovery: new pairs number on after {@code last} (the highest pair number an earlier run handed out). */
    public void continuePairNumbering(long last) {
        pairSeq.accumulateAndGet(last, Math::max);
    }

    /** After recovery: pairs with work go back on the workers; broken ones recover as their CopyRecoveryMode says. */
    public void resumeRestoredPairs() {
        for (ReplicationPair p : pairs.values()) {
            if (hasWork(p)) {
                scheduler.wake(p);
            }
            recoverIfPossible(p);
        }
    }

    // ------------------------------------------------------------------ pairs

    /**
     * Create a pair (CreateElementReplica). The target disk is validated or created first; the association starts
     * Initialized and, if the spec says activate, is activated at once (the copy then runs in the background).
     */
    public PairSnapshot createPair(PairSpec spec) {
        ReplicationPair pair;
        synchronized (topology) {
            VirtualDisk source = registry.disk(spec.sourceDiskId());
            if (pairByTarget.containsKey(source.id())) {
                throw new IllegalArgumentException("disk " + source.id() + " is the target of pair "
                        + pairByTarget.get(source.id()).id + "; cascaded replication is not supported");
            }
            VirtualDisk target;
            boolean created = spec.targetDiskId() == null;
            if (created) {
                String poolId = spec.targetPoolId() != null ? spec.targetPoolId() : source.pool().id();
                String name = spec.targetName() != null ? spec.targetName()
                        : source.name() + "-" + spec.syncType().displayName().toLowerCase();
                target = registry.createDisk(poolId, name, source.sizeBytes(), source.blockSize());
            } else {
                target = registry.disk(spec.targetDiskId());
                checkTarget(source, target);
            }
            pair = new ReplicationPair(pairSeq.incrementAndGet(), spec, source, target, created, clock.instant());
            if (store != null) {
                pair.keepIn(store, false);
            }
            hook(pair, true);
            try {
                pair.save(); // recorded before it is answered (the activation below records again)
            } catch (RuntimeException e) {
                forgetUnrecorded(pair, created, e);
                throw e;
            }
        }
        PairSnapshot created = pair.snapshot();
        fire(l -> l.pairCreated(created));
        if (spec.activate()) {
            return transition(pair, Operation.ACTIVATE, null);
        }
        return created;
    }

    /** Make the pair known and hook it onto its disks ({@code initial}: a new pair owes its target what the disks hold). */
    private void hook(ReplicationPair pair, boolean initial) {
        VirtualDisk source = pair.source;
        VirtualDisk target = pair.target;
        pair.publisher = c -> fire(l -> l.stateChanged(c.before(), c.after(), c.trigger()));
        pairs.put(pair.number, pair);
        pairByTarget.put(target.id(), pair);
        TargetGuard guard = new TargetGuard(pair);
        target.quiesceWrites(() -> {
            target.setWriteInterceptor(guard);
            if (pair.type != SyncType.MIRROR) {
                target.setReadThrough(guard);
            }
        });
        source.quiesceWrites(() -> {
            if (initial) {
                pair.markInitialPending();
            }
            routers.computeIfAbsent(source.id(), id -> {
                SourceWriteRouter r = new SourceWriteRouter(mover, callbacks, asyncMaxLagChunks);
                source.setWriteInterceptor(r);
                return r;
            }).add(pair);
        });
        watchFaults(source);
        watchFaults(target);
    }

    private void checkTarget(VirtualDisk source, VirtualDisk target) {
        if (target == source) {
            throw new IllegalArgumentException("disk " + source.id() + " cannot replicate onto itself");
        }
        if (target.sizeBytes() != source.sizeBytes() || target.blockSize() != source.blockSize()) {
            throw new IllegalArgumentException("target disk " + target.id() + " (" + target.sizeBytes() + " bytes, block "
                    + target.blockSize() + ") does not match source disk " + source.id() + " (" + source.sizeBytes()
                    + " bytes, block " + source.blockSize() + ")");
        }
        if (pairByTarget.containsKey(target.id()) || routers.containsKey(target.id())) {
            throw new IllegalArgumentException("disk " + target.id() + " is already part of a replication pair");
        }
    }

    /**
     * Run a replication operation (ModifyReplicaSynchronization); background work it starts runs on the workers. A
     * restore is refused while another pair of the same source is restoring it.
     */
    public PairSnapshot modify(String pairId, Operation operation) {
        ReplicationPair pair = find(pairId);
        SourceWriteRouter router = routers.get(pair.source.id());
        if (operation != Operation.RESTORE_FROM_REPLICA || router == null) {
            return transition(pair, operation, null);
        }
        return router.startRestore(pair, () -> transition(pair, operation, null));
    }

    /**
     * Run an operation and complete when the pair reaches {@code waitFor} (WaitForCopyState). The returned future
     * fails with {@link NoSuchElementException} if the pair is removed first; callers bound it with a timeout.
     */
    public CompletableFuture<PairSnapshot> modify(String pairId, Operation operation, CopyState waitFor) {
        modify(pairId, operation);
        // registered after the transition, so the state before it cannot satisfy the wait; a state reached in
        // between is caught because CopyState and RequestedCopyState stay put until the next trigger
        return awaitCopyState(pairId, waitFor);
    }

    /** Complete when the pair's CopyState is {@code state} and no operation is still heading elsewhere. */
    public CompletableFuture<PairSnapshot> awaitCopyState(String pairId, CopyState state) {
        return waiters.add(find(pairId), state);
    }

    public PairSnapshot pair(String pairId) {
        return find(pairId).snapshot();
    }

    public Optional<PairSnapshot> findPair(String pairId) {
        try {
            return Optional.of(pair(pairId));
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /** All pairs in creation order, each a consistent snapshot. */
    public List<PairSnapshot> pairs() {
        List<PairSnapshot> out = new ArrayList<>(pairs.size());
        for (ReplicationPair p : pairs.values()) {
            out.add(p.snapshot());
        }
        return out;
    }

    /** A new pair its store refused: unhooked, its maps and the target made for it deleted (if that can be recorded). */
    private void forgetUnrecorded(ReplicationPair pair, boolean targetCreated, RuntimeException refusal) {
        try {
            unhook(pair, targetCreated);
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
            LOG.warn("Pair {} was refused by its store, and its target {} could not be deleted: {}", pair.id,
                    pair.target.id(), e.getMessage());
        }
    }

    /** CopyPriority is writable at any time; the scheduler uses it from the next slice on. */
    public PairSnapshot setCopyPriority(String pairId, CopyPriority priority) {
        ReplicationPair pair = find(pairId);
        CopyPriority old = pair.priority;
        pair.priority = priority;
        try {
            pair.save();
        } catch (RuntimeException e) {
            pair.priority = old;
            throw e;
        }
        return pair.snapshot();
    }

    /** Fault injection for the link between a pair's disks: down makes the pair Partitioned while data flows. */
    public PairSnapshot setPathDown(String pairId, boolean down) {
        ReplicationPair pair = find(pairId);
        pair.pathDown = down;
        if (down) {
            applyEvent(pair, EngineEvent.PATH_LOST, "path from " + pair.source.id() + " to " + pair.target.id() + " is down");
        } else {
            recoverIfPossible(pair);
        }
        return pair.snapshot();
    }

    /**
     * Hold (true) or release (false) all background copying, e.g. for maintenance. Host I/O, copy-on-write and
     * synchronous mirroring go on; pairs with copy work simply stay Unsynchronized until released.
     */
    public void holdCopying(boolean hold) {
        scheduler.hold(hold);
    }

    public EngineStatistics statistics() {
        return mover.statistics();
    }

    public void addListener(ReplicationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ReplicationListener listener) {
        listeners.remove(listener);
    }

    /**
     * Stops the copy workers and the event thread. With a pair store, the chunk maps are then forced and closed: the
     * next start resumes every copy where it stopped.
     */
    @Override
    public void close() {
        scheduler.close();
        for (ReplicationPair p : pairs.values()) {
            p.forceMaps();
            p.closeMaps(false);
        }
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ internals

    private ReplicationPair find(String pairId) {
        ReplicationPair p = null;
        if (pairId != null && pairId.startsWith("pair-")) {
            try {
                p = pairs.get(Long.parseLong(pairId.substring(5)));
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        if (p == null) {
            throw new NoSuchElementException("no replication pair " + pairId);
        }
        return p;
    }

    private PairSnapshot transition(ReplicationPair pair, Trigger trigger, String cause) {
        ReplicationPair.Change change = pair.apply(table, trigger, clock.instant(), cause);
        afterChange(pair, change);
        return change.after();
    }

    private void applyEvent(ReplicationPair pair, Trigger trigger, String cause) {
        pair.applyIfAllowed(table, trigger, clock.instant(), cause).ifPresent(c -> afterChange(pair, c));
    }

    private void afterChange(ReplicationPair pair, ReplicationPair.Change change) {
        if (change.transition().removes()) {
            unhook(pair, change.transition().effect() == Transition.Effect.REMOVE_AND_DELETE_TARGET);
            fire(l -> l.pairRemoved(change.after()));
            waiters.removed(pair);
            return;
        }
        if (hasWork(pair)) {
            scheduler.wake(pair);
        }
        waiters.check(pair);
    }

    private static boolean hasWork(ReplicationPair pair) {
        pair.lock.readLock().lock();
        try {
            return pair.hasWork();
        } finally {
            pair.lock.readLock().unlock();
        }
    }

    private void unhook(ReplicationPair pair, boolean deleteTarget) {
        synchronized (topology) {
            pairs.remove(pair.number);
            pairByTarget.remove(pair.target.id());
            SourceWriteRouter router = routers.get(pair.source.id());
            if (router != null && router.remove(pair)) {
                routers.remove(pair.source.id());
                pair.source.setWriteInterceptor(null);
            }
            pair.target.setWriteInterceptor(null);
            pair.target.setReadThrough(null);
            unwatchIfUnused(pair.source);
            unwatchIfUnused(pair.target);
            scheduler.forget(pair);
            pair.closeMaps(true);
            if (deleteTarget) {
                registry.deleteDisk(pair.target.id());
            }
        }
    }

    private void watchFaults(VirtualDisk disk) {
        faultWatchers.computeIfAbsent(disk.id(), id -> {
            Consumer<DiskFaults> w = faults -> onFaultsChanged(disk);
            disk.faults().addListener(w);
            return w;
        });
    }

    private void unwatchIfUnused(VirtualDisk disk) {
        if (!routers.containsKey(disk.id()) && !pairByTarget.containsKey(disk.id())) {
            Consumer<DiskFaults> w = faultWatchers.remove(disk.id());
            if (w != null) {
                disk.faults().removeListener(w);
            }
        }
    }

    private void onFaultsChanged(VirtualDisk disk) {
        for (ReplicationPair p : pairs.values()) {
            if (p.source != disk && p.target != disk) {
                continue;
            }
            DiskFaults f = disk.faults();
            if (!f.isHealthy()) {
                String what = f.isOffline() ? "offline" : f.failsWrites() ? "failing writes" : "failing reads";
                applyEvent(p, EngineEvent.DISK_FAILED, "disk " + disk.id() + " is " + what);
            } else {
                recoverIfPossible(p);
            }
        }
    }

    /**
     * Once disks and path are healthy again: Automatic pairs resync themselves, Manual ones wait Suspended. A broken
     * snapshot has lost its point in time for good, so it never recovers by itself: a client must resync it (which
     * takes a new point in time) or deactivate it.
     */
    private void recoverIfPossible(ReplicationPair pair) {
        if (pair.type == SyncType.SNAPSHOT || pair.pathDown || !pair.source.faults().isHealthy() || !pair.target.faults().isHealthy()) {
            return;
        }
        Trigger t = pair.recoveryMode == CopyRecoveryMode.MANUAL ? EngineEvent.RECOVERED_MANUAL : Operation.RESYNC_REPLICA;
        CopyState s = pair.snapshot().copyState();
        if (s == CopyState.BROKEN || s == CopyState.PARTITIONED) {
            applyEvent(pair, t, null);
        }
    }

    private void fire(Consumer<ReplicationListener> event) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            events.execute(() -> listeners.forEach(l -> {
                try {
                    event.accept(l);
                } catch (Throwable t) { // NOPMD - a failing listener (even with an Error) must not stop the others
                    LOG.error("A replication listener failed; the other listeners and later events go on", t);
                }
            }));
        } catch (java.util.concurrent.RejectedExecutionException ignored) {
            // engine closed
        }
    }

    /** The engine's answers to hooks and copy workers. */
    private final class Callbacks implements CopySlices.Outcome {
        @Override
        public void workAvailable(ReplicationPair pair) {
            scheduler.wake(pair);
        }

        @Override
        public void copyFailed(ReplicationPair pair, RuntimeException failure) {
            applyEvent(pair, ChunkMover.eventFor(failure), failure.getMessage());
        }

        @Override
        public void workLooksDone(ReplicationPair pair, long generation) {
            Optional<ReplicationPair.Change> c = pair.completeWork(table, generation, clock.instant());
            if (c.isPresent()) {
                afterChange(pair, c.get());
            } else if (hasWork(pair)) {
                scheduler.wake(pair);
            }
        }

        @Override
        public void progressed(ReplicationPair pair) {
            if (!listeners.isEmpty()) {
                pair.lock.readLock().lock(); // queued under the lock: no later state change can overtake it
                try {
                    PairSnapshot s = pair.snapshot();
                    fire(l -> l.progress(s));
                } finally {
                    pair.lock.readLock().unlock();
                }
            }
        }
    }
}
