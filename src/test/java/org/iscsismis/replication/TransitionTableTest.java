package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.iscsismis.replication.CopyState.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every SyncType × CopyState × trigger, twice: the table answers each cell (a transition or an error naming state
 * and operation), and for every state a pair can really be in, a real pair driven there does exactly what the cell
 * says — moves to the cell's state, or throws {@link InvalidTransitionException} and changes nothing.
 */
class TransitionTableTest {

    private static EngineFixture f;
    private static final TransitionTable TABLE = TransitionTable.standard();

    @BeforeAll
    static void start() {
        f = new EngineFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static Stream<Arguments> everyCell() {
        List<Arguments> out = new ArrayList<>();
        for (SyncType t : SyncType.values()) {
            for (CopyState s : CopyState.values()) {
                for (Trigger tr : TransitionTable.triggers()) {
                    out.add(Arguments.of(t, s, tr));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} × {2}")
    @MethodSource("everyCell")
    void tableAnswersEveryCell(SyncType type, CopyState state, Trigger trigger) {
        Optional<Transition> cell = TABLE.find(type, state, trigger);
        if (cell.isEmpty()) {
            InvalidTransitionException e = assertThrows(InvalidTransitionException.class,
                    () -> TABLE.lookup("pair-0", type, state, trigger));
            assertEquals(state, e.currentState());
            assertEquals(trigger, e.trigger());
            assertTrue(e.getMessage().contains(state.displayName()) && e.getMessage().contains(trigger.displayName()), e.getMessage());
            return;
        }
        Transition t = cell.get();
        assertTrue(reachable(type).contains(state), "a cell for an unreachable state: " + state);
        assertTrue(t.removes() || reachable(type).contains(t.to()), "leads to unreachable " + t.to());
        if (t.work() != Transition.Work.NONE) {
            Transition done = TABLE.lookup("pair-0", type, t.to(), EngineEvent.WORK_DONE);
            assertEquals(t.result(), done.to(), "finishing the work lands where the cell promises");
            assertNotNull(t.progress());
        } else {
            assertEquals(t.to(), t.result());
        }
    }

    static Set<CopyState> reachable(SyncType type) {
        return switch (type) {
            case MIRROR -> EnumSet.of(INITIALIZED, UNSYNCHRONIZED, SYNCHRONIZED, FRACTURED, SPLIT, SUSPENDED, BROKEN, PARTITIONED, ABORTED);
            case SNAPSHOT -> EnumSet.of(INITIALIZED, UNSYNCHRONIZED, SYNCHRONIZED, INACTIVE, BROKEN, PARTITIONED, ABORTED);
            case CLONE -> EnumSet.of(INITIALIZED, UNSYNCHRONIZED, SYNCHRONIZED, FRACTURED, SUSPENDED, BROKEN, PARTITIONED, ABORTED);
        };
    }

    static Stream<Arguments> everyReachableStateAndOperation() {
        List<Arguments> out = new ArrayList<>();
        for (SyncType t : SyncType.values()) {
            for (CopyState s : reachable(t)) {
                for (Operation op : Operation.values()) {
                    out.add(Arguments.of(t, s, op));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} pair in {1}, operation {2}")
    @MethodSource("everyReachableStateAndOperation")
    void aRealPairFollowsTheTable(SyncType type, CopyState state, Operation op) {
        PairSnapshot p = drive(type, state);
        assertEquals(state, p.copyState(), "recipe reached the state");
        Optional<Transition> cell = TABLE.find(type, state, op);
        try {
            if (cell.isEmpty()) {
                InvalidTransitionException e = assertThrows(InvalidTransitionException.class, () -> f.engine.modify(p.id(), op));
                assertEquals(state, e.currentState());
                assertEquals(op, e.trigger());
                assertEquals(p, f.engine.pair(p.id()), "a refused operation changes nothing");
            } else if (cell.get().removes()) {
                f.engine.modify(p.id(), op);
                assertTrue(f.engine.findPair(p.id()).isEmpty());
                assertEquals(cell.get().effect() == Transition.Effect.REMOVE_AND_DELETE_TARGET,
                        f.registry.findDisk(p.targetDiskId()).isEmpty());
            } else {
                PairSnapshot after = f.engine.modify(p.id(), op);
                boolean nothingToCatchUp = cell.get().work() == Transition.Work.CATCH_UP && p.lagChunks() == 0;
                assertEquals(nothingToCatchUp ? state : cell.get().to(), after.copyState());
                if (op == Operation.RESET_TO_ASYNC) {
                    assertEquals(Mode.ASYNCHRONOUS, after.mode());
                }
            }
        } finally {
            f.engine.findPair(p.id()).ifPresent(x -> f.engine.modify(x.id(), detachable(x)));
            f.engine.holdCopying(false);
        }
    }

    /** Clean up: an operation that is allowed and removes the pair from wherever it ended. */
    private static Operation detachable(PairSnapshot p) {
        for (Operation op : List.of(Operation.RETURN_TO_RESOURCE_POOL, Operation.DETACH, Operation.ABORT, Operation.DEACTIVATE)) {
            Optional<Transition> t = TABLE.find(p.syncType(), p.copyState(), op);
            if (t.isPresent() && t.get().removes()) {
                return op;
            }
        }
        // not removable in this state: abort or deactivate first, then detach
        for (Operation op : List.of(Operation.ABORT, Operation.DEACTIVATE, Operation.FRACTURE)) {
            if (TABLE.find(p.syncType(), p.copyState(), op).isPresent()) {
                PairSnapshot q = f.engine.modify(p.id(), op);
                return detachable(q);
            }
        }
        throw new AssertionError("cannot remove " + p);
    }

    /** Bring a fresh pair of {@code type} into {@code state}; background copying is held on return. */
    static PairSnapshot drive(SyncType type, CopyState state) {
        VirtualDisk src = f.filledDisk(4, state.ordinal());
        PairSpec spec = switch (type) {
            case MIRROR -> PairSpec.mirror(src.id(), Mode.SYNCHRONOUS);
            case SNAPSHOT -> PairSpec.snapshot(src.id());
            case CLONE -> PairSpec.clone(src.id());
        };
        if (state == INITIALIZED) {
            f.engine.holdCopying(true);
            return f.engine.createPair(spec.inactive());
        }
        boolean needsRunningWork = state == UNSYNCHRONIZED || state == ABORTED || (state == SUSPENDED && type == SyncType.CLONE);
        if (needsRunningWork) {
            f.engine.holdCopying(true);
            PairSnapshot p = f.engine.createPair(spec);
            if (type == SyncType.SNAPSHOT) {
                p = f.engine.modify(p.id(), Operation.RESTORE_FROM_REPLICA);
            }
            return switch (state) {
                case ABORTED -> f.engine.modify(p.id(), Operation.ABORT);
                case SUSPENDED -> f.engine.modify(p.id(), Operation.SUSPEND);
                default -> p;
            };
        }
        f.engine.holdCopying(false);
        PairSnapshot p = f.engine.createPair(spec);
        p = f.await(p.id(), SYNCHRONIZED);
        f.engine.holdCopying(true);
        VirtualDisk tgt = f.registry.disk(p.targetDiskId());
        return switch (state) {
            case SYNCHRONIZED -> p;
            case FRACTURED -> f.engine.modify(p.id(), Operation.FRACTURE);
            case SUSPENDED -> f.engine.modify(p.id(), Operation.SUSPEND);
            case INACTIVE -> f.engine.modify(p.id(), Operation.DEACTIVATE);
            case SPLIT -> {
                f.engine.holdCopying(false);
                f.await(f.engine.modify(p.id(), Operation.SPLIT, SPLIT));
                f.engine.holdCopying(true);
                yield f.engine.pair(p.id());
            }
            case BROKEN -> {
                tgt.faults().offline(true);
                yield f.engine.pair(p.id());
            }
            case PARTITIONED -> f.engine.setPathDown(p.id(), true);
            default -> throw new IllegalArgumentException("no recipe for " + state);
        };
    }

    @Test
    void aSnapshotIsNeverDetachedNorDissolved() {
        // its target holds only the chunks the source overwrote: the engine refuses as the capabilities do (feature 16)
        for (CopyState s : reachable(SyncType.SNAPSHOT)) {
            if (s == UNSYNCHRONIZED) {
                continue; // a restore runs: drive() leaves it running with the copy held
            }
            PairSnapshot p = drive(SyncType.SNAPSHOT, s);
            try {
                for (Operation op : List.of(Operation.DETACH, Operation.DISSOLVE)) {
                    assertThrows(InvalidTransitionException.class, () -> f.engine.modify(p.id(), op), s + " " + op);
                    assertEquals(p, f.engine.pair(p.id()), "nothing changed");
                }
            } finally {
                f.engine.modify(p.id(), Operation.RETURN_TO_RESOURCE_POOL);
                f.engine.holdCopying(false);
            }
        }
    }

    @Test
    void observableEdgesIncludeWorkCompletion() {
        Set<TransitionTable.Edge> mirror = TABLE.edges(SyncType.MIRROR);
        assertTrue(mirror.contains(new TransitionTable.Edge(UNSYNCHRONIZED, SYNCHRONIZED)));
        assertTrue(mirror.contains(new TransitionTable.Edge(SYNCHRONIZED, SPLIT)));
        assertFalse(mirror.contains(new TransitionTable.Edge(FRACTURED, SYNCHRONIZED)), "resync goes through Unsynchronized");
    }
}
