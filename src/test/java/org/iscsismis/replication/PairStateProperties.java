package org.iscsismis.replication;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.iscsi.provider.StorageSynchronizedMapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every state the transition table reaches, for every SyncType (mirrors in both modes), reached by a live pair, shows
 * exactly what its {@link PairStateTable} row says — all 24 properties of the CIM instance, read through the
 * provider's mapping: the row's fixed values, PercentSynced against the bytes actually in step, the When* instants
 * against the documented time rules, and ReadOnly against what a host write to the target really does. A second
 * property takes random walks, so each state is also met after other histories.
 */
class PairStateProperties {

    /** A state to reach: the pair's kind and the shortest trigger path to the state. */
    record Case(SyncType type, Mode mode, PairStateTable.State state, List<Trigger> path) {
        @Override
        public String toString() {
            return type.displayName() + (type == SyncType.MIRROR ? " " + mode.displayName() : "") + " → " + state.copyState().displayName()
                    + (state.activity() == null ? "" : " (" + state.activity().displayName() + ")") + " by " + path;
        }
    }

    @Provide
    Arbitrary<Case> everyReachableState() {
        List<Case> cases = new ArrayList<>();
        for (SyncType type : SyncType.values()) {
            List<Mode> modes = type == SyncType.MIRROR ? List.of(Mode.SYNCHRONOUS, Mode.ASYNCHRONOUS) : List.of(Mode.UNKNOWN);
            for (Mode mode : modes) {
                ReachableStates.pathsTo(type).forEach((state, path) -> cases.add(new Case(type, mode, state, path)));
            }
        }
        return Arbitraries.of(cases);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyReachableStateShowsItsRow(@ForAll("everyReachableState") Case c) {
        try (PairStateDriver d = new PairStateDriver(c.type(), c.mode())) {
            check(d, "created");
            ReachableStates.Node at = new ReachableStates.Node(new PairStateTable.State(c.type(), CopyState.INITIALIZED, null), false);
            for (Trigger t : c.path()) {
                assertTrue(d.canHappen(t) && d.apply(t), c + ": " + t.displayName() + " refused");
                at = ReachableStates.next(at, t).orElseThrow();
                PairSnapshot p = d.pair();
                assertEquals(at.state(), new PairStateTable.State(c.type(), p.copyState(), p.workProgress()), c + " after " + t);
                check(d, c + " after " + t.displayName());
            }
        }
    }

    @Provide
    Arbitrary<List<Trigger>> walks() {
        List<Trigger> triggers = new ArrayList<>(TransitionTable.triggers());
        triggers.removeAll(Set.of(Operation.DETACH, Operation.DISSOLVE, Operation.RETURN_TO_RESOURCE_POOL));
        return Arbitraries.of(triggers).list().ofMinSize(1).ofMaxSize(20);
    }

    @Provide
    Arbitrary<Mode> modes() {
        return Arbitraries.of(Mode.SYNCHRONOUS, Mode.ASYNCHRONOUS);
    }

    @Property(tries = 150)
    void anyWalkShowsTheRowOfWhereItIs(@ForAll SyncType type, @ForAll("modes") Mode mode, @ForAll("walks") List<Trigger> walk) {
        try (PairStateDriver d = new PairStateDriver(type, mode)) {
            for (int k = 0; k < walk.size(); k++) {
                Trigger t = walk.get(k);
                if (d.canHappen(t) && d.apply(t)) {
                    check(d, type + " after " + walk.subList(0, k + 1));
                }
            }
        }
    }

    private static final Map<SyncType, Integer> REPLICA_TYPE = Map.of(SyncType.MIRROR, 2, SyncType.SNAPSHOT, 4, SyncType.CLONE, 2);
    private static final Map<SyncType, Integer> COPY_METHODOLOGY = Map.of(SyncType.MIRROR, 8, SyncType.SNAPSHOT, 6, SyncType.CLONE, 9);
    private static final List<String> TIMES = List.of("WhenEstablished", "WhenActivated", "WhenSuspended", "WhenDeactivated",
            "WhenSynced", "WhenSynchronized");

    /** All 24 properties of the pair's instance against its row, the bytes and the time model. */
    static void check(PairStateDriver d, String when) {
        PairSnapshot p = d.pair();
        PairStateTable.Row row = PairStateTable.standard().row(p.syncType(), p.copyState(), p.workProgress());
        CimInstance i = StorageSynchronizedMapping.instance(p, StorageElements.NAMESPACE);
        String at = when + " (" + row.state() + ")";
        assertEquals(24, i.properties().size(), at);

        assertEquals(StorageElements.volumePath(d.source.id(), StorageElements.NAMESPACE), i.value("SystemElement").asReference(), at);
        assertEquals(StorageElements.volumePath(d.target.id(), StorageElements.NAMESPACE), i.value("SyncedElement").asReference(), at);
        assertEquals(p.syncType().code(), u16(i, "SyncType"), at);
        assertEquals(p.mode().code(), u16(i, "Mode"), at);
        int copyType = p.syncType() != SyncType.MIRROR ? 4 : p.mode() == Mode.ASYNCHRONOUS ? 2 : 3;
        assertEquals(copyType, u16(i, "CopyType"), at);
        assertEquals(REPLICA_TYPE.get(p.syncType()), u16(i, "ReplicaType"), at);
        assertEquals(COPY_METHODOLOGY.get(p.syncType()), u16(i, "CopyMethodology"), at);
        assertEquals(CopyPriority.HIGH.code(), u16(i, "CopyPriority"), at);
        assertEquals(CopyRecoveryMode.MANUAL.code(), u16(i, "CopyRecoveryMode"), at);
        assertEquals(Boolean.FALSE, i.value("FailedCopyStopsHostIO").asBoolean(), at);
        assertTrue(i.value("UndiscoveredElement").isNull(), at);

        assertEquals(row.state().copyState().code(), u16(i, "CopyState"), at);
        assertEquals(row.progressStatus().code(), u16(i, "ProgressStatus"), at);
        assertEquals(row.syncState().code(), u16(i, "SyncState"), at);
        assertEquals(row.syncMaintained(), i.value("SyncMaintained").asBoolean(), at);
        checkRequested(row, u16(i, "RequestedCopyState"), at);
        checkPercent(d, p, row, u16(i, "PercentSynced"), at);
        checkReadOnly(d, row, i.value("ReadOnly"), at);

        for (int k = 0; k < TIMES.size(); k++) {
            Instant expected = d.expected[k];
            CimValue v = i.value(TIMES.get(k));
            assertEquals(expected == null ? null : CimDateTime.ofInstant(expected, 0), v.isNull() ? null : v.value(), at + " " + TIMES.get(k));
        }
        checkMoment(row.whenSynced(), i.value("WhenSynced"), at + " WhenSynced");
        checkMoment(row.whenSynchronized(), i.value("WhenSynchronized"), at + " WhenSynchronized");
    }

    private static void checkRequested(PairStateTable.Row row, int requested, String at) {
        switch (row.requested()) {
            case NOT_APPLICABLE -> assertEquals(15, requested, at);
            case SYNCHRONIZED -> assertEquals(4, requested, at);
            case SPLIT -> assertEquals(7, requested, at);
            case NOT_APPLICABLE_OR_INTERRUPTED -> assertTrue(List.of(15, 4, 7).contains(requested), at + ": " + requested);
        }
    }

    private static void checkPercent(PairStateDriver d, PairSnapshot p, PairStateTable.Row row, int percent, String at) {
        switch (row.percentSynced()) {
            case FULL -> assertEquals(100, percent, at);
            case NONE -> assertEquals(0, percent, at);
            case IN_STEP -> assertEquals(Math.min(99, d.chunksInStepByBytes(p) * 100 / PairStateDriver.CHUNKS), percent, at);
        }
    }

    /** NULL exactly where a host may write the target: try it. */
    private static void checkReadOnly(PairStateDriver d, PairStateTable.Row row, CimValue readOnly, String at) {
        boolean writable;
        try {
            d.target.write(0, d.freshBlock()); // bytes it never held: the target now differs
            writable = true;
        } catch (DiskIoException refused) {
            writable = false;
        }
        assertEquals(row.readOnly() == null, readOnly.isNull(), at);
        assertEquals(row.readOnly() == null, writable, at + ": a host write to the target");
        if (row.readOnly() != null) {
            assertEquals(row.readOnly().code(), (int) readOnly.asLong(), at);
        }
    }

    private static void checkMoment(PairStateTable.Moment m, CimValue v, String at) {
        if (m == PairStateTable.Moment.NULL) {
            assertTrue(v.isNull(), at + " must be NULL");
        } else if (m.alwaysSet()) {
            assertFalse(v.isNull(), at + " must be set");
        }
    }

    private static int u16(CimInstance i, String name) {
        return (int) i.value(name).asLong();
    }
}
