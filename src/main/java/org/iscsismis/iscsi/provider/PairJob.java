package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.job.AffectedElement;
import org.iscsismis.provider.job.ElementEffect;
import org.iscsismis.provider.job.FollowedWork;
import org.iscsismis.provider.job.JobProgress;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.InvalidTransitionException;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.ReplicationListener;
import org.iscsismis.replication.Trigger;

/**
 * The work behind a replication method's job: it follows one pair until it reaches the wanted CopyState. The copy
 * itself runs on the engine's workers; the job holds no thread while it follows (the job service's {@link FollowedWork} form), so any
 * number of copies are followed at once.
 *
 * <p>PercentComplete measures the copy the job was started for, not the whole volume: of the chunks the copy's
 * destination lacked when the method was called ({@link #outstanding}), the share copied since, rounded down, so it
 * starts at 0. Chunks hosts write meanwhile join the work without taking back what was shown (the job service never
 * lowers PercentComplete); it reads 100 only when the pair reaches the wanted state. The pair's PercentSynced, by
 * contrast, counts the whole volume, holes and chunks already in step included.
 *
 * <p>The job's affected elements are the pair's two volumes, with what the job does to each ({@link Effects}).
 *
 * <p>The job ends in Exception when the pair cannot get there by itself any more: it went Broken or Partitioned
 * (a {@link PairFailure} naming the fault, for a Resync or the pair's automatic recovery), another operation sent it
 * elsewhere, or it was removed.
 *
 * <p>What RequestStateChange does to the pair ({@link org.iscsismis.provider.job.JobControl}):
 * <ul>
 * <li>Suspend and Start, for a copy from source to target (the first copy of a mirror or clone, a Resync, a
 * Resume): the pair's copy is suspended (CopyState Suspended) and resumed. A restore, a split or a snapshot cannot
 * be suspended: Not Supported. A copy suspended or resumed directly (ModifyReplicaSynchronization) suspends or
 * resumes its job too.</li>
 * <li>Terminate aborts the pair's copy (operation Abort: CopyState Aborted, the target is not consistent; a Resync
 * starts over) and the association stays. A suspended copy is already stopped and stays Suspended. Where the pair's
 * state has no Abort (a mirror draining for a Split), Terminate answers Invalid State Transition.</li>
 * <li>Kill only stops following: the copy goes on by itself, as CIM's Killed allows.</li>
 * </ul>
 */
final class PairJob implements FollowedWork {

    /** Runs once the wanted state is reached, still inside the job (e.g. detach an unassociated copy). */
    interface Then {
        void run(PairSnapshot reached);
    }

    /** What the job does to the pair's two volumes, as CIM_AffectedJobElement.ElementEffects. */
    enum Effects {
        /** A copy onto a target the method created: the source serves the copy's reads, the target is new. */
        NEW_TARGET(ElementEffect.PERFORMANCE_IMPACT, ElementEffect.CREATE),
        /** A copy onto an existing target (first copy, resync, resume, catch-up, split): its content is replaced. */
        TARGET_OVERWRITTEN(ElementEffect.PERFORMANCE_IMPACT, ElementEffect.ELEMENT_INTEGRITY),
        /** A restore: the source's content is replaced from the target. */
        SOURCE_RESTORED(ElementEffect.ELEMENT_INTEGRITY, ElementEffect.PERFORMANCE_IMPACT);

        private final ElementEffect source;
        private final ElementEffect target;

        Effects(ElementEffect source, ElementEffect target) {
            this.source = source;
            this.target = target;
        }
    }

    private final ReplicationEngine engine;
    private final String pairId;
    private final CopyState wanted;
    private final boolean copy;
    private final Then then;
    /** Chunks not in step when the method was called: the copy this job measures. */
    private final long outstanding;
    /** Set while Terminate aborts the copy: the Aborted state it causes is not a failure of the job. */
    private volatile boolean stopping;
    private volatile CompletableFuture<PairSnapshot> outcome;
    private volatile JobProgress progress;

    PairJob(ReplicationEngine engine, PairSnapshot before, CopyState wanted, boolean copy, Then then) {
        this.engine = engine;
        this.pairId = before.id();
        this.wanted = wanted;
        this.copy = copy;
        this.then = then;
        this.outstanding = before.chunkCount() - before.chunksInStep();
    }

    /**
     * Starts a job owned by {@code service} that follows the pair until {@code wanted}; {@code before} is the pair as
     * the method found it (the copy the job measures starts there). Its affected elements are the pair's two volumes,
     * with {@code effects}. {@code copy}: the work copies source to target (so it may be suspended).
     */
    static ObjectPath start(ProviderContext context, ObjectPath service, ReplicationEngine engine, PairSnapshot before,
            CopyState wanted, boolean copy, Effects effects, String description, Then then) {
        CimNamespace ns = context.namespace();
        List<AffectedElement> volumes = List.of(
                AffectedElement.of(StorageElements.volumePath(before.sourceDiskId(), ns), effects.source),
                AffectedElement.of(StorageElements.volumePath(before.targetDiskId(), ns), effects.target));
        return context.jobs().startFollowing(ns, service, volumes, description,
                new PairJob(engine, before, wanted, copy, then));
    }

    /** The share of the measured copy done, 0..99: the job service shows 100 once the pair gets there. */
    int percentDone(PairSnapshot pair) {
        if (outstanding <= 0) {
            return 0;
        }
        long left = pair.chunkCount() - pair.chunksInStep();
        return (int) Math.max(0, Math.min(99, (outstanding - left) * 100 / outstanding));
    }

    @Override
    public CompletionStage<PairSnapshot> follow(JobProgress progress) {
        CompletableFuture<PairSnapshot> outcome = new CompletableFuture<>();
        this.outcome = outcome;
        this.progress = progress;
        ReplicationListener listener = new ReplicationListener() {
            @Override
            public void progress(PairSnapshot pair) {
                if (pair.id().equals(pairId)) {
                    progress.percent(percentDone(pair));
                }
            }

            @Override
            public void stateChanged(PairSnapshot before, PairSnapshot after, Trigger trigger) {
                if (after.id().equals(pairId)) {
                    // the pair as it is now, not as the queued event saw it: a later Resume must not look suspended
                    engine.findPair(pairId).ifPresent(now -> check(now, outcome, progress));
                }
            }

            @Override
            public void pairRemoved(PairSnapshot last) {
                if (last.id().equals(pairId)) {
                    outcome.completeExceptionally(removed());
                }
            }
        };
        engine.addListener(listener);
        // however it ends (reached, failed, or the job stopped: the stage cancelled), stop listening
        outcome.whenComplete((reached, error) -> engine.removeListener(listener));
        try {
            // registered after the listener, so no state change falls between the two
            engine.awaitCopyState(pairId, wanted).whenComplete((reached, error) -> {
                if (error == null) {
                    outcome.complete(reached);
                } else {
                    outcome.completeExceptionally(removed());
                }
            });
            PairSnapshot now = engine.pair(pairId);
            progress.percent(percentDone(now));
            check(now, outcome, progress);
        } catch (NoSuchElementException e) {
            outcome.completeExceptionally(removed());
        }
        if (then == null) {
            return outcome;
        }
        // off the engine's event thread, which completed the outcome: "then" may call the engine again
        CompletableFuture<PairSnapshot> done = outcome.thenApplyAsync(reached -> {
            then.run(reached);
            return reached;
        });
        done.whenComplete((r, e) -> {
            if (done.isCancelled()) {
                outcome.cancel(false);
            }
        });
        return done;
    }

    /**
     * Fails the outcome if the pair can no longer reach the wanted state without a client's help; shows a copy
     * suspended or resumed by other means on the job.
     */
    private void check(PairSnapshot pair, CompletableFuture<PairSnapshot> outcome, JobProgress progress) {
        CopyState state = pair.copyState();
        if (state == wanted || stopping) {
            return;
        }
        if (state == CopyState.BROKEN || state == CopyState.PARTITIONED) {
            outcome.completeExceptionally(PairFailure.of(pair, wanted));
            return;
        }
        if (suspendable() && state == CopyState.SUSPENDED) {
            progress.workSuspended(true);
            return;
        }
        if (pair.requestedCopyState() != wanted) {
            outcome.completeExceptionally(new CimException(CimStatus.FAILED, "the replication pair " + pairId + " went "
                    + state.displayName() + " (" + state.code() + ") instead of " + wanted.displayName()));
            return;
        }
        if (suspendable()) {
            progress.workSuspended(false);
        }
    }

    // ------------------------------------------------------------------ RequestStateChange

    @Override
    public boolean suspendable() {
        PairSnapshot pair = engine.findPair(pairId).orElse(null);
        return copy && wanted == CopyState.SYNCHRONIZED && pair != null
                && engine.table().find(pair.syncType(), CopyState.UNSYNCHRONIZED, Operation.SUSPEND).isPresent()
                && engine.table().find(pair.syncType(), CopyState.SUSPENDED, Operation.RESUME).isPresent();
    }

    @Override
    public boolean suspend() {
        return operate(Operation.SUSPEND);
    }

    @Override
    public boolean resume() {
        return operate(Operation.RESUME);
    }

    @Override
    public boolean terminate() {
        PairSnapshot pair = engine.findPair(pairId).orElse(null);
        if (pair == null) {
            return false;
        }
        if (pair.copyState() == CopyState.SUSPENDED) {
            return true; // the copy is already stopped; the pair stays Suspended for a Resume or Resync
        }
        if (engine.table().find(pair.syncType(), pair.copyState(), Operation.ABORT).isEmpty()) {
            return false;
        }
        stopping = true;
        if (!operate(Operation.ABORT)) {
            stopping = false;
            // a change that came in while stopping was ignored: look again
            engine.findPair(pairId).ifPresent(now -> check(now, outcome, progress));
            return false;
        }
        return true;
    }

    /** Runs one operation on the pair; false if its current state does not allow it (or it is gone). */
    private boolean operate(Operation operation) {
        try {
            engine.modify(pairId, operation);
            return true;
        } catch (InvalidTransitionException | NoSuchElementException | IllegalStateException e) {
            return false;
        }
    }

    private CimException removed() {
        return new CimException(CimStatus.FAILED, "the replication pair " + pairId + " was removed");
    }
}
