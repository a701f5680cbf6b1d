package org.iscsismis.iscsi.provider;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.InvalidTransitionException;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.Transition;

/**
 * Runs one replication operation on a pair for ModifyReplicaSynchronization and ModifySynchronization, through the
 * engine's state table, checking first so that a refusal changes nothing:
 * <ul>
 * <li>an operation the capabilities ({@link ReplicationCapabilities#transition}: the engine's state table) have for no
 * state of the pair's SyncType (Fracture or Detach of a snapshot, Deactivate of a
 * mirror…) → 1 (Not Supported); one they have, but not in the pair's current CopyState → 5 (Invalid Parameter);</li>
 * <li>Restore from Replica while another replica of the same source is being restored onto it → 6 (In Use);</li>
 * <li>WaitForCopyState must be the state the operation enters at once or the one its background work ends in
 * (NULL: the latter); anything else, or any WaitForCopyState for an operation that ends the association → 5.</li>
 * </ul>
 * The method completes at once (0) when the pair is already where the caller waits; otherwise a {@link PairJob}
 * follows it (4096). The engine has no operation that needs Force (it never refuses an operation only because the
 * target would be left inconsistent), so Force changes nothing.
 */
final class SynchronizationChange {

    private final ReplicationEngine engine;
    private final ReplicationCapabilities capabilities;

    SynchronizationChange(ReplicationEngine engine, ReplicationCapabilities capabilities) {
        this.engine = engine;
        this.capabilities = capabilities;
    }

    PairOutcome apply(ProviderContext context, ObjectPath service, String method, PairSnapshot pair, Operation operation,
            CopyState waitFor) {
        Transition t = transition(pair, operation);
        if (t.removes()) {
            if (waitFor != null) {
                throw MethodRefusal.invalid(operation.displayName() + " ends the association: there is no CopyState to wait for");
            }
            run(() -> engine.modify(pair.id(), operation));
            return new PairOutcome(null, pair.targetDiskId(), null);
        }
        CopyState wanted = waitFor == null ? t.result() : waitFor;
        if (wanted != t.to() && wanted != t.result()) {
            throw MethodRefusal.invalid("WaitForCopyState " + wanted.code() + " (" + wanted.displayName() + ") is not reached by "
                    + operation.displayName() + " from " + pair.copyState().displayName());
        }
        if (wanted == t.to()) {
            PairSnapshot after = run(() -> engine.modify(pair.id(), operation));
            return new PairOutcome(after, pair.targetDiskId(), null);
        }
        CompletableFuture<PairSnapshot> done = run(() -> engine.modify(pair.id(), operation, wanted));
        if (done.isDone() && !done.isCompletedExceptionally()) {
            return new PairOutcome(engine.findPair(pair.id()).orElse(null), pair.targetDiskId(), null);
        }
        boolean copy = operation == Operation.ACTIVATE || operation == Operation.RESYNC_REPLICA || operation == Operation.RESUME;
        ObjectPath job = PairJob.start(context, service, engine, pair, wanted, copy,
                t.work() == Transition.Work.RESTORE ? PairJob.Effects.SOURCE_RESTORED : PairJob.Effects.TARGET_OVERWRITTEN,
                method + ": " + operation.displayName() + " of " + pair.id() + " (" + pair.sourceDiskId() + " to "
                        + pair.targetDiskId() + ")", null);
        return new PairOutcome(engine.findPair(pair.id()).orElse(null), pair.targetDiskId(), job);
    }

    private Transition transition(PairSnapshot pair, Operation operation) {
        Optional<Transition> t = capabilities.transition(pair.syncType(), pair.copyState(), operation);
        if (t.isPresent()) {
            return t.get();
        }
        if (capabilities.runs(pair.syncType(), operation)) {
            throw MethodRefusal.invalid(operation.displayName() + " is not allowed while the " + pair.syncType().displayName()
                    + " " + pair.id() + " is " + pair.copyState().displayName() + " (" + pair.copyState().code() + ")");
        }
        throw MethodRefusal.notSupported(operation.displayName() + " is not supported for a " + pair.syncType().displayName()
                + (operation == Operation.DETACH || operation == Operation.DISSOLVE
                        ? ": its target must remain associated to the source; Return To ResourcePool (19) removes it" : ""));
    }

    /**
     * An engine call; a state change by someone else since the check above shows as 5, a volume busy with other work
     * (a second restore of a source already being restored) as 6 In Use; nothing changed.
     */
    private static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidTransitionException e) {
            throw e.elementInUse() ? MethodRefusal.inUse(e.getMessage()) : MethodRefusal.invalid(e.getMessage());
        } catch (NoSuchElementException e) {
            throw MethodRefusal.invalid(e.getMessage());
        }
    }
}
