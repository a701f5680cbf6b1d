package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.SharedSourceProperties.Role;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What the pairs of one shared source must show, kept beside a live engine: the point-in-time image each snapshot and
 * clone was given, and what the source must hold once a running restore finishes. {@link #check} compares claims
 * with bytes; a failure message names the step, the pair and the first differing chunk.
 */
final class SharedSourceModel {

    private final EngineFixture f;
    private final VirtualDisk source;
    private final Map<Role, String> ids = new EnumMap<>(Role.class);
    /** Snapshot and clone images at their point in time; absent when the test cannot know it any more. */
    private final Map<Role, byte[]> pointInTime = new EnumMap<>(Role.class);
    /** Clones suspended while restoring: their Resume starts a fresh copy at a new point in time. */
    private final Map<Role, Boolean> resumeTakesNewPointInTime = new EnumMap<>(Role.class);
    private Role restorer;
    /** The source as the running restore will leave it: the replica's image with later host writes on top. */
    private byte[] restoredSource;
    /** The replica's image just before an operation that may start a restore. */
    private byte[] replicaImage;

    SharedSourceModel(EngineFixture f, VirtualDisk source) {
        this.f = f;
        this.source = source;
    }

    void created(Role role, PairSnapshot pair) {
        ids.put(role, pair.id());
        if (pair.syncType() != SyncType.MIRROR) {
            pointInTime.put(role, contents(source)); // created active: the point in time is now
        }
    }

    Optional<String> pairId(Role role) {
        return Optional.ofNullable(ids.get(role));
    }

    void sourceWritten(long offset, byte[] data) {
        if (restoredSource != null) {
            System.arraycopy(data, 0, restoredSource, (int) offset, data.length);
        }
    }

    void targetWritten(Role role) {
        pointInTime.remove(role); // a written clone no longer shows its point in time
    }

    private byte[] hostView(PairSnapshot pair) {
        return contents(f.registry.disk(pair.targetDiskId()));
    }

    void beforeOperation(Role role, Operation op, PairSnapshot before) {
        // the replica as a host reads it (for a snapshot, its point in time): what an accepted restore puts back
        replicaImage = op == Operation.RESTORE_FROM_REPLICA ? hostView(before) : null;
    }

    void operationRefused(Role role, PairSnapshot before) {
        assertEquals(before.copyState(), f.engine.pair(ids.get(role)).copyState(), "a refused operation changes nothing");
    }

    void operationApplied(Role role, Operation op, PairSnapshot before, PairSnapshot after) {
        Transition t = TransitionTable.standard().find(before.syncType(), before.copyState(), op).orElseThrow();
        if (t.removes()) {
            ids.remove(role);
            pointInTime.remove(role);
            return;
        }
        if (t.effect() == Transition.Effect.NEW_PIT
                || (op == Operation.RESUME && resumeTakesNewPointInTime.getOrDefault(role, false))) {
            pointInTime.put(role, contents(source));
        }
        if (before.syncType() == SyncType.CLONE && (op == Operation.ABORT)) {
            pointInTime.remove(role); // an aborted clone copy has lost its point in time
        }
        resumeTakesNewPointInTime.put(role, op == Operation.SUSPEND && before.workProgress() == ProgressStatus.RESTORING);
        if (op == Operation.RESTORE_FROM_REPLICA) {
            assertNull(restorer, "a second restore of the source started while " + restorer + " restores it");
            restorer = role;
            restoredSource = replicaImage;
            return;
        }
        if (restorer == role && after.workProgress() != ProgressStatus.RESTORING) {
            restorer = null; // interrupted: the source is part restored, as the operation's caller chose
            restoredSource = null;
        }
    }

    /** Let the copy workers finish every pair's work, then hold them again. */
    void settle() {
        f.engine.holdCopying(false);
        awaitCondition("every pair's background work to end", () -> {
            for (String id : ids.values()) {
                PairSnapshot p = f.engine.pair(id);
                boolean lagging = p.syncType() == SyncType.MIRROR && p.copyState() == CopyState.SYNCHRONIZED && p.lagChunks() > 0;
                if (p.workProgress() != null || lagging) {
                    return false;
                }
            }
            return true;
        });
        f.engine.holdCopying(true);
    }

    void check(String when) {
        for (Map.Entry<Role, String> e : ids.entrySet()) {
            PairSnapshot p = f.engine.pair(e.getValue());
            String what = when + ": " + e.getKey() + " " + p.id() + " " + p.copyState().displayName()
                    + (p.workProgress() == null ? "" : " (" + p.workProgress().displayName() + ")");
            switch (p.syncType()) {
                case MIRROR -> {
                    if (p.copyState() == CopyState.SYNCHRONIZED && p.workProgress() == null && p.lagChunks() == 0) {
                        assertSame(what + " claims Synchronized", contents(source), hostView(p));
                    }
                }
                case SNAPSHOT -> {
                    if (p.copyState() == CopyState.SYNCHRONIZED || p.copyState() == CopyState.UNSYNCHRONIZED
                            || p.copyState() == CopyState.ABORTED) {
                        assertSame(what + " holds a point in time", pointInTime.get(e.getKey()), hostView(p));
                    }
                }
                case CLONE -> {
                    byte[] pit = pointInTime.get(e.getKey());
                    if (pit != null && p.copyState() != CopyState.ABORTED && p.copyState() != CopyState.INITIALIZED) {
                        assertSame(what + " holds a point in time", pit, hostView(p));
                    }
                }
            }
        }
        checkRestore(when);
        checkPool(when);
    }

    private void checkRestore(String when) {
        if (restorer == null) {
            return;
        }
        PairSnapshot p = f.engine.pair(ids.get(restorer));
        if (p.workProgress() == ProgressStatus.RESTORING) {
            return;
        }
        assertEquals(CopyState.SYNCHRONIZED, p.copyState(), when + ": only finishing ends a restore without an operation");
        assertSame(when + ": source after the restore from " + restorer + " " + p.id(), restoredSource, contents(source));
        restorer = null;
        restoredSource = null;
    }

    private void checkPool(String when) {
        long sum = 0;
        for (VirtualDisk d : f.registry.disksIn(f.pool.id())) {
            long chunks = 0;
            for (long c = 0; c < d.chunkCount(); c++) {
                chunks += d.isChunkAllocated(c) ? 1 : 0;
            }
            assertEquals(chunks * CHUNK, d.allocatedBytes(), when + ": disk " + d.id() + " counts the chunks it holds");
            sum += d.allocatedBytes();
        }
        assertEquals(sum, f.pool.allocatedBytes(), when + ": the pool counts the chunks its disks hold");
    }

    private static void assertSame(String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            int i = Arrays.mismatch(expected, actual);
            fail(what + ", but its bytes differ first in chunk " + i / CHUNK + " (byte " + i % CHUNK + ")");
        }
    }
}
