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
import org.iscsismis.provider.job.JobProgress;
import org.iscsismis.provider.job.FollowedWork;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.ReplicationListener;
import org.iscsismis.replication.Trigger;

/**
 * The work behind a replication method's job: it follows one pair until it reaches the wanted CopyState, with
 * PercentComplete taken from the pair's PercentSynced as the engine reports progress. It only watches; the copy
 * itself runs on the engine's workers, so terminating the job leaves the pair as it is. It holds no thread while
 * it follows (the job service's {@link org.iscsismis.provider.job.FollowedWork} form), so any number of copies are
 * followed at once.
 *
 * <p>The job ends in Exception (CIM_ERR_FAILED naming the state and cause) when the pair cannot get there by
 * itself any more: it went Broken or Partitioned, another operation sent it elsewhere, or it was removed. The pair
 * stays as it is, for a Resync (or its automatic recovery).
 */
final class PairJob implements FollowedWork {

    /** Runs once the wanted state is reached, still inside the job (e.g. detach an unassociated copy). */
    interface Then {
        void run(PairSnapshot reached);
    }

    private final ReplicationEngine engine;
    private final String pairId;
    private final CopyState wanted;
    private final Then then;

    PairJob(ReplicationEngine engine, String pairId, CopyState wanted, Then then) {
        this.engine = engine;
        this.pairId = pairId;
        this.wanted = wanted;
        this.then = then;
    }

    /**
     * Starts a job owned by {@code service} that follows {@code pair} until {@code wanted}; its affected elements are
     * the pair's two volumes.
     */
    static ObjectPath start(ProviderContext context, ObjectPath service, ReplicationEngine engine, PairSnapshot pair,
            CopyState wanted, String description, Then then) {
        CimNamespace ns = context.namespace();
        List<ObjectPath> volumes = List.of(StorageElements.volumePath(pair.sourceDiskId(), ns),
                StorageElements.volumePath(pair.targetDiskId(), ns));
        return context.jobs().startFollowing(ns, service, volumes, description, new PairJob(engine, pair.id(), wanted, then));
    }

    @Override
    public CompletionStage<PairSnapshot> follow(JobProgress progress) {
        CompletableFuture<PairSnapshot> outcome = new CompletableFuture<>();
        ReplicationListener listener = new ReplicationListener() {
            @Override
            public void progress(PairSnapshot pair) {
                if (pair.id().equals(pairId)) {
                    progress.percent(pair.percentSynced());
                }
            }

            @Override
            public void stateChanged(PairSnapshot before, PairSnapshot after, Trigger trigger) {
                if (after.id().equals(pairId)) {
                    check(after, outcome);
                }
            }

            @Override
            public void pairRemoved(PairSnapshot last) {
                if (last.id().equals(pairId)) {
                    outcome.completeExceptionally(failure("the replication pair " + pairId + " was removed"));
                }
            }
        };
        engine.addListener(listener);
        // however it ends (reached, failed, or the job terminated: the stage cancelled), stop listening
        outcome.whenComplete((reached, error) -> engine.removeListener(listener));
        try {
            // registered after the listener, so no state change falls between the two
            engine.awaitCopyState(pairId, wanted).whenComplete((reached, error) -> {
                if (error == null) {
                    outcome.complete(reached);
                } else {
                    outcome.completeExceptionally(failure("the replication pair " + pairId + " was removed"));
                }
            });
            PairSnapshot now = engine.pair(pairId);
            progress.percent(now.percentSynced());
            check(now, outcome);
        } catch (NoSuchElementException e) {
            outcome.completeExceptionally(failure("the replication pair " + pairId + " was removed"));
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

    /** Fails the outcome if the pair can no longer reach the wanted state without a client's help. */
    private void check(PairSnapshot pair, CompletableFuture<PairSnapshot> outcome) {
        CopyState state = pair.copyState();
        if (state == wanted) {
            return;
        }
        boolean faulted = state == CopyState.BROKEN || state == CopyState.PARTITIONED;
        boolean redirected = pair.requestedCopyState() != wanted;
        if (faulted || redirected) {
            String cause = pair.faultCause() != null && faulted ? ": " + pair.faultCause() : "";
            outcome.completeExceptionally(failure("the replication pair " + pairId + " went " + state.displayName()
                    + " (" + state.code() + ") instead of " + wanted.displayName() + cause));
        }
    }

    private static CimException failure(String message) {
        return new CimException(CimStatus.FAILED, message);
    }
}
