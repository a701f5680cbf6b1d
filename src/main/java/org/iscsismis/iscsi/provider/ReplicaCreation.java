package org.iscsismis.iscsi.provider;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.replication.SyncType;

/**
 * Creates a replica in the engine for the service methods that make one (CreateElementReplica, CreateReplica,
 * AttachReplica): checks the request against the engine first (refusals change nothing), creates the pair, and
 * either answers at once (the pair is already where the caller waits for it) or starts a {@link PairJob}.
 *
 * <p>Refusals: a kind the capabilities do not list (a Mode or CopyRecoveryMode {@link ReplicationCapabilities} does
 * not run for the SyncType; the callers check the client's codes first with {@link CapabilityChecks}) → 1; a target
 * that is the source, or whose size or block size differs from the source's → 5; a target
 * already in a pair, or a source that is itself a replica target (cascades are not supported) → 6 (In Use);
 * WaitForCopyState Unsynchronized for a snapshot (it never passes through it) or any state other than
 * Initialized, Unsynchronized and Synchronized → 5.
 */
final class ReplicaCreation {

    private final ReplicationEngine engine;
    private final ReplicationCapabilities capabilities;

    ReplicaCreation(ReplicationEngine engine, ReplicationCapabilities capabilities) {
        this.engine = engine;
        this.capabilities = capabilities;
    }

    PairOutcome create(ProviderContext context, ObjectPath service, ReplicaRequest r) {
        check(r);
        PairSpec spec = spec(r);
        PairSnapshot pair;
        try {
            pair = engine.createPair(spec);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            // a concurrent change the checks above could not see
            throw MethodRefusal.invalid(e.getMessage());
        }
        CopyState wanted = r.waitFor() == null ? CopyState.SYNCHRONIZED : r.waitFor();
        boolean reachedByCreation = wanted == CopyState.INITIALIZED || wanted == CopyState.UNSYNCHRONIZED;
        CompletableFuture<PairSnapshot> done = reachedByCreation ? null : engine.awaitCopyState(pair.id(), wanted);
        if (reachedByCreation || done.isDone() && !done.isCompletedExceptionally()) {
            if (r.detachWhenDone()) {
                engine.modify(pair.id(), Operation.DETACH);
                return new PairOutcome(null, pair.targetDiskId(), null);
            }
            return new PairOutcome(engine.findPair(pair.id()).orElse(null), pair.targetDiskId(), null);
        }
        PairJob.Then then = r.detachWhenDone() ? reached -> engine.modify(reached.id(), Operation.DETACH) : null;
        ObjectPath job = PairJob.start(context, service, engine, pair, wanted, true,
                r.target() == null ? PairJob.Effects.NEW_TARGET : PairJob.Effects.TARGET_OVERWRITTEN,
                r.method() + ": " + r.syncType().displayName() + " of " + pair.sourceDiskId() + " to " + pair.targetDiskId(), then);
        return new PairOutcome(pair, pair.targetDiskId(), job);
    }

    private void check(ReplicaRequest r) {
        // the callers read the client's codes through CapabilityChecks; this guards the kinds they build themselves
        if (!capabilities.modes(r.syncType()).contains(mode(r))) {
            throw MethodRefusal.notSupported(r.syncType().displayName() + " in Mode " + mode(r).displayName() + " is not supported");
        }
        if (r.recovery() != null && !capabilities.recoveryModes(r.syncType()).contains(r.recovery())) {
            throw MethodRefusal.notSupported("CopyRecoveryMode " + r.recovery().displayName() + " is not supported for a "
                    + r.syncType().displayName());
        }
        VirtualDisk source = r.source();
        for (PairSnapshot p : engine.pairs()) {
            if (p.targetDiskId().equals(source.id())) {
                throw MethodRefusal.inUse("volume " + source.id() + " is the target of " + p.id()
                        + "; a replica target cannot be replicated again");
            }
        }
        VirtualDisk target = r.target();
        if (target != null) {
            if (target == source) {
                throw MethodRefusal.invalid("volume " + source.id() + " cannot be its own replica");
            }
            if (target.sizeBytes() != source.sizeBytes() || target.blockSize() != source.blockSize()) {
                throw MethodRefusal.invalid("target volume " + target.id() + " (" + target.sizeBytes() + " bytes, block "
                        + target.blockSize() + ") does not match source volume " + source.id() + " (" + source.sizeBytes()
                        + " bytes, block " + source.blockSize() + ")");
            }
            if (target.isInUse()) {
                throw MethodRefusal.inUse("target volume " + target.id() + " is already part of a replication pair");
            }
        }
        checkStorageRoom(r);
        CopyState w = r.waitFor();
        boolean knownWait = w == null || w == CopyState.INITIALIZED || w == CopyState.SYNCHRONIZED
                || w == CopyState.UNSYNCHRONIZED && r.syncType() != SyncType.SNAPSHOT;
        if (!knownWait) {
            throw MethodRefusal.invalid("WaitForCopyState " + w.code() + " (" + w.displayName() + ") is not a state a new "
                    + r.syncType().displayName() + " waits for");
        }
    }

    /** The Mode the pair will run in: the requested one, or the capabilities' default. */
    private Mode mode(ReplicaRequest r) {
        return r.mode() != null ? r.mode() : capabilities.defaultMode(r.syncType());
    }

    /**
     * A mirror or clone copies every allocated chunk of its source; a copy that would not fit in what the disks'
     * medium has left (the in-heap limit, or the data directory's file system above its margin) is refused now
     * (FAILED, nothing created) rather than broken halfway. A snapshot copies only what is overwritten later; such
     * writes meet the limit one by one.
     */
    private static void checkStorageRoom(ReplicaRequest r) {
        if (r.syncType() == SyncType.SNAPSHOT) {
            return;
        }
        VirtualDisk source = r.source();
        long needed = source.allocatedBytes() - (r.target() == null ? 0 : r.target().allocatedBytes());
        long free = source.pool().storageFreeBytes();
        if (needed > free) {
            throw new MethodRefusal(ReturnCode.FAILED, "a " + r.syncType().displayName() + " of volume " + source.id()
                    + " needs " + needed + " bytes of disk data, but only " + free + " bytes are free for disk data "
                    + source.pool().storageDescription());
        }
    }

    private PairSpec spec(ReplicaRequest r) {
        PairSpec spec = new PairSpec(r.syncType(), mode(r), r.source().id(), null, null, null, true, r.priority(),
                r.recovery() != null ? r.recovery() : capabilities.defaultRecovery(r.syncType()), r.failedCopyStopsHostIO());
        spec = r.target() != null ? spec.toDisk(r.target().id())
                : spec.inPool(r.pool() != null ? r.pool().id() : r.source().pool().id(), r.name());
        return r.waitFor() == CopyState.INITIALIZED ? spec.inactive() : spec;
    }
}
