package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.iscsismis.replication.EngineFixture.*;

/**
 * One live pair moved trigger by trigger, copying held between triggers so every state stays put to be looked at.
 * Engine events are made the way they happen: a failure by making the target fail writes or taking the path down, a
 * manual recovery by clearing that fault, finished work by letting the copy workers run. Before each trigger the clock moves
 * one second and one source chunk is rewritten, so every state has data to copy, restore or preserve; the source is
 * written in full, so a chunk in step is exactly a chunk whose bytes agree. Alongside, an independent model of the
 * documented time rules ({@link #expected}) and of a clone's point in time.
 */
final class PairStateDriver implements AutoCloseable {

    static final int CHUNKS = 8;

    final EngineFixture f = new EngineFixture(EngineConfig.defaults().withCopyWorkers(1));
    final VirtualDisk source;
    final VirtualDisk target;
    final String id;
    final SyncType type;
    final Instant created;
    /** The times the documented rules give: established, activated, suspended, deactivated, synced, synchronized. */
    final Instant[] expected = new Instant[6];
    private Instant pointInTime;
    private byte[] pointInTimeImage;
    /** Clone: its copy of a point in time runs or waits (the point in time is held); its copy finished. */
    boolean clonePitHeld;
    boolean cloneFinished;
    private int writes;

    PairStateDriver(SyncType type, Mode mode) {
        this.type = type;
        f.engine.holdCopying(true);
        source = f.disk(CHUNKS);
        for (int c = 0; c < CHUNKS; c++) {
            source.write((long) c * CHUNK, bytes(CHUNK, c));
        }
        PairSpec spec = switch (type) {
            case MIRROR -> PairSpec.mirror(source.id(), mode);
            case SNAPSHOT -> PairSpec.snapshot(source.id());
            case CLONE -> PairSpec.clone(source.id());
        };
        PairSnapshot p = f.engine.createPair(spec.inactive().recovery(CopyRecoveryMode.MANUAL).priority(CopyPriority.HIGH));
        id = p.id();
        target = f.registry.disk(p.targetDiskId());
        created = f.clock.instant();
        expected[0] = created;
    }

    /** A block of bytes no disk of this driver has held before. */
    byte[] freshBlock() {
        return bytes(512, 1_000_000 + ++writes);
    }

    PairSnapshot pair() {
        return f.engine.pair(id);
    }

    /** Whether the world can make this event happen to the pair now (operations are for the pair to refuse). */
    boolean canHappen(Trigger trigger) {
        if (trigger instanceof Operation) {
            return true;
        }
        PairSnapshot p = pair();
        boolean cell = TransitionTable.standard().find(type, p.copyState(), trigger).isPresent();
        return cell && (trigger != EngineEvent.WORK_DONE || p.workProgress() != null);
    }

    /** Apply one trigger the way a client or the world would; false if the pair refused it (nothing changed). */
    boolean apply(Trigger trigger) {
        f.clock.advance(Duration.ofSeconds(1));
        writes++;
        source.write((long) (writes % CHUNKS) * CHUNK, bytes(CHUNK, 1000 + writes));
        PairSnapshot before = pair();
        try {
            if (trigger instanceof Operation op) {
                f.engine.modify(id, op);
                if (!isFailed(pair().copyState())) { // the pair moved on: a fault left behind would only break it again
                    target.faults().clear();
                    f.engine.setPathDown(id, false);
                }
            } else if (trigger == EngineEvent.DISK_FAILED) {
                target.faults().failWrites(true); // reads still work, so the test can compare bytes
            } else if (trigger == EngineEvent.PATH_LOST) {
                f.engine.setPathDown(id, true);
            } else if (trigger == EngineEvent.RECOVERED_MANUAL) {
                target.faults().clear();
                f.engine.setPathDown(id, false);
            } else {
                f.engine.holdCopying(false);
                awaitCondition("work of " + id + " to end", () -> pair().workProgress() == null);
                f.engine.holdCopying(true);
            }
        } catch (InvalidTransitionException refused) {
            return false;
        }
        PairSnapshot after = pair();
        model(trigger, before, after);
        return true;
    }

    private static boolean isFailed(CopyState s) {
        return s == CopyState.BROKEN || s == CopyState.PARTITIONED;
    }

    /** The time rules of docs/model.md, restated: who sets and who clears each instant. */
    private void model(Trigger trigger, PairSnapshot before, PairSnapshot after) {
        Instant now = f.clock.instant();
        Transition t = TransitionTable.standard().find(type, before.copyState(), trigger).orElseThrow();
        if (trigger == Operation.ACTIVATE || trigger == Operation.RESUME || trigger == Operation.RESYNC_REPLICA) {
            expected[1] = now;
        }
        if (after.copyState() == CopyState.SUSPENDED && before.copyState() != CopyState.SUSPENDED) {
            expected[2] = now;
        }
        if (trigger == Operation.DEACTIVATE) {
            expected[3] = now;
        }
        boolean failed = trigger == EngineEvent.DISK_FAILED || trigger == EngineEvent.PATH_LOST;
        if (t.effect() == Transition.Effect.NEW_PIT || (type == SyncType.CLONE && t.work() == Transition.Work.FILL && !clonePitHeld)) {
            pointInTime = now;
            pointInTimeImage = EngineFixture.contents(source);
            expected[4] = null;
            expected[5] = null;
            clonePitHeld = type == SyncType.CLONE;
            cloneFinished = false;
        }
        if (type == SyncType.SNAPSHOT && (trigger == Operation.DEACTIVATE || failed)) {
            expected[4] = null;
            expected[5] = null;
        }
        if (type == SyncType.CLONE && (failed || trigger == Operation.ABORT)) {
            clonePitHeld = false;
        }
        if (type == SyncType.CLONE && trigger == EngineEvent.WORK_DONE && before.workProgress() != ProgressStatus.RESTORING) {
            clonePitHeld = false;
            cloneFinished = true;
        }
        if (after.copyState() == CopyState.SYNCHRONIZED
                && (before.copyState() != CopyState.SYNCHRONIZED || trigger == Operation.RESYNC_REPLICA)) {
            expected[5] = now;
            expected[4] = type == SyncType.MIRROR ? now : pointInTime;
        }
    }

    /** Chunks the target holds as the current or next synchronization needs them, counted by comparing bytes. */
    long chunksInStepByBytes(PairSnapshot p) {
        byte[] s = EngineFixture.contents(source);
        byte[] stored = new byte[(int) target.sizeBytes()];
        target.readStored(0, stored, 0, stored.length);
        byte[] compareWith;
        byte[] other;
        if (type == SyncType.SNAPSHOT) {
            compareWith = s;
            other = EngineFixture.contents(target); // the point in time as hosts read it
        } else if (type == SyncType.CLONE && clonePitHeld) {
            compareWith = pointInTimeImage; // a copy runs or waits: what of its point in time is on the target
            other = stored;
        } else {
            compareWith = s;
            other = stored;
        }
        long n = 0;
        for (int c = 0; c < CHUNKS; c++) {
            int from = c * CHUNK;
            n += Arrays.equals(compareWith, from, from + CHUNK, other, from, from + CHUNK) ? 1 : 0;
        }
        return n;
    }

    @Override
    public void close() {
        f.engine.holdCopying(false);
        f.close();
    }
}
