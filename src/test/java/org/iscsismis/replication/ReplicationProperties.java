package org.iscsismis.replication;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Random interleavings of host writes, replication operations and faults, with background copying racing them.
 * Checked: every state change any pair shows is the one its table cell names; an active snapshot always reads as
 * its point in time; and once faults clear and the pair is resynchronised, target and source agree byte for byte.
 */
class ReplicationProperties {

    private static final int CHUNKS = 12;

    sealed interface Action permits Write, Op, TargetFault, Path { }

    record Write(int chunk, int blocks, long seed) implements Action { }

    record Op(Operation operation) implements Action { }

    record TargetFault(boolean offline) implements Action { }

    record Path(boolean down) implements Action { }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> write = Combinators.combine(Arbitraries.integers().between(0, CHUNKS - 1),
                Arbitraries.integers().between(1, 40), Arbitraries.longs()).as(Write::new);
        Arbitrary<Action> op = Arbitraries.of(Operation.values()).filter(o -> o != Operation.DETACH
                && o != Operation.DISSOLVE && o != Operation.RETURN_TO_RESOURCE_POOL).map(Op::new);
        Arbitrary<Action> fault = Arbitraries.of(true, false).map(TargetFault::new);
        Arbitrary<Action> path = Arbitraries.of(true, false).map(Path::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, write), net.jqwik.api.Tuple.of(5, op),
                net.jqwik.api.Tuple.of(1, fault), net.jqwik.api.Tuple.of(1, path)).list().ofMinSize(1).ofMaxSize(25);
    }

    record Seen(CopyState from, CopyState to, Trigger trigger) { }

    @Property(tries = 120)
    void pairsFollowTheTableAndConverge(@ForAll SyncType type, @ForAll Mode mode, @ForAll CopyRecoveryMode recovery,
                                        @ForAll("actions") List<Action> actions) {
        try (EngineFixture f = new EngineFixture(EngineConfig.defaults().withSliceChunks(1))) {
            List<Seen> seen = new CopyOnWriteArrayList<>();
            f.engine.addListener(new ReplicationListener() {
                @Override
                public void stateChanged(PairSnapshot before, PairSnapshot after, Trigger trigger) {
                    seen.add(new Seen(before.copyState(), after.copyState(), trigger));
                }
            });
            VirtualDisk src = f.filledDisk(CHUNKS, 1);
            PairSpec spec = switch (type) {
                case MIRROR -> PairSpec.mirror(src.id(), mode == Mode.UNKNOWN ? Mode.SYNCHRONOUS : mode);
                case SNAPSHOT -> PairSpec.snapshot(src.id());
                case CLONE -> PairSpec.clone(src.id());
            };
            PairSnapshot p = f.engine.createPair(spec.recovery(recovery));
            VirtualDisk tgt = f.registry.disk(p.targetDiskId());
            byte[] pit = contents(src);
            for (Action a : actions) {
                if (a instanceof Write w) {
                    int blocks = Math.min(w.blocks(), (int) ((src.sizeBytes() - (long) w.chunk() * CHUNK) / 512));
                    try {
                        src.write((long) w.chunk() * CHUNK, bytes(blocks * 512, w.seed()));
                    } catch (DiskIoException refused) {
                        // FailedCopyStopsHostIO is off here, so only a restore whose replica failed refuses writes
                    }
                } else if (a instanceof Op o) {
                    try {
                        CopyState before = f.engine.pair(p.id()).copyState();
                        f.engine.modify(p.id(), o.operation());
                        boolean newPit = TransitionTable.standard().find(type, before, o.operation())
                                .map(t -> t.effect() == Transition.Effect.NEW_PIT).orElse(false);
                        if (newPit) {
                            pit = contents(src); // no write runs concurrently: the source is the new point in time
                        }
                    } catch (InvalidTransitionException refused) {
                        assertEquals(o.operation(), refused.trigger());
                    }
                } else if (a instanceof TargetFault t) {
                    tgt.faults().offline(t.offline());
                } else if (a instanceof Path pd) {
                    f.engine.setPathDown(p.id(), pd.down());
                }
                PairSnapshot now = f.engine.pair(p.id());
                if (type == SyncType.SNAPSHOT && now.copyState() == CopyState.SYNCHRONIZED && tgt.faults().isHealthy()) {
                    assertArrayEquals(pit, contents(tgt), "an active snapshot reads as its point in time");
                }
            }
            tgt.faults().clear();
            f.engine.setPathDown(p.id(), false);
            settle(f, p.id());
            PairSnapshot end = f.engine.pair(p.id());
            assertEquals(CopyState.SYNCHRONIZED, end.copyState(), "settled: " + end);
            if (type == SyncType.MIRROR) {
                awaitCondition("mirror drained", () -> f.engine.pair(p.id()).lagChunks() == 0);
            }
            if (type != SyncType.SNAPSHOT) {
                f.engine.modify(p.id(), type == SyncType.MIRROR ? Operation.FRACTURE : Operation.FRACTURE);
            }
            f.await(f.engine.modify(p.id(), Operation.RESYNC_REPLICA, CopyState.SYNCHRONIZED));
            assertSameBytes(src, tgt);
            f.engine.modify(p.id(), type == SyncType.SNAPSHOT ? Operation.RETURN_TO_RESOURCE_POOL : Operation.DETACH);
            assertTransitionsFollowTheTable(f, type, seen);
        }
    }

    /** Drive the pair back to Synchronized the way an administrator would. */
    private static void settle(EngineFixture f, String id) {
        for (int round = 0; round < 10; round++) {
            PairSnapshot s = f.engine.pair(id);
            Operation next = switch (s.copyState()) {
                case SYNCHRONIZED -> s.workProgress() == null ? null : Operation.FRACTURE;
                case UNSYNCHRONIZED -> null;
                case SUSPENDED -> Operation.RESUME;
                case INITIALIZED, INACTIVE -> Operation.ACTIVATE;
                default -> Operation.RESYNC_REPLICA;
            };
            if (s.copyState() == CopyState.UNSYNCHRONIZED || s.workProgress() != null) {
                awaitCondition("work of " + id + " to end", () -> {
                    PairSnapshot x = f.engine.pair(id);
                    return x.workProgress() == null;
                });
                continue;
            }
            if (next == null) {
                return;
            }
            try {
                f.engine.modify(id, next);
            } catch (InvalidTransitionException raced) {
                // an automatic recovery got there first; look again
            }
        }
    }

    private static void assertTransitionsFollowTheTable(EngineFixture f, SyncType type, List<Seen> seen) {
        // the listener thread may still be delivering: wait for the final Detach/Return event
        awaitCondition("events delivered", () -> !seen.isEmpty() && seen.get(seen.size() - 1).trigger() instanceof Operation op
                && (op == Operation.DETACH || op == Operation.RETURN_TO_RESOURCE_POOL));
        List<Seen> copy = new ArrayList<>(seen);
        CopyState current = CopyState.INITIALIZED;
        for (Seen s : copy) {
            assertEquals(current, s.from(), "events form one unbroken sequence: " + copy);
            Optional<Transition> cell = TransitionTable.standard().find(type, s.from(), s.trigger());
            assertTrue(cell.isPresent(), "no cell for " + s + " in " + copy);
            // a catch-up with no lag to copy keeps the pair where it is, as its cell says
            boolean caughtUp = cell.get().work() == Transition.Work.CATCH_UP && s.to() == s.from();
            assertEquals(caughtUp ? s.from() : cell.get().to(), s.to(), "cell " + s);
            current = s.to();
        }
    }
}
