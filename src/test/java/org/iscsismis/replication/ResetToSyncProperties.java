package org.iscsismis.replication;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.iscsismis.iscsi.disk.VirtualDisk;

import java.util.Arrays;
import java.util.List;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A mirror switched between Async and Sync (Reset To Sync 17, Reset To Async 18) while hosts write and the copy
 * workers are held or let run: whenever it shows Synchronized in synchronous mode, or SyncMaintained in synchronous
 * mode, its target holds exactly the source's bytes; a Reset To Sync that finds a lag goes Unsynchronized
 * (Synchronizing) and reaches Synchronized once the lag is copied, one that finds none stays Synchronized.
 */
class ResetToSyncProperties {

    private static final int CHUNKS = 10;

    sealed interface Step permits Write, Reset, Copying { }

    record Write(int chunk, long seed) implements Step { }

    record Reset(Operation operation) implements Step { }

    /** Let the copy workers run (false) or hold them (true). */
    record Copying(boolean hold) implements Step { }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> write = Combinators.combine(Arbitraries.integers().between(0, CHUNKS - 1), Arbitraries.longs())
                .as(Write::new);
        Arbitrary<Step> reset = Arbitraries.of(Operation.RESET_TO_SYNC, Operation.RESET_TO_ASYNC).map(Reset::new);
        Arbitrary<Step> copying = Arbitraries.of(true, false).map(Copying::new);
        return Arbitraries.frequencyOf(Tuple.of(6, write), Tuple.of(3, reset), Tuple.of(1, copying))
                .list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 100)
    void aSynchronousMirrorShowsSynchronizedOnlyWithEqualBytes(@ForAll("steps") List<Step> steps) {
        // a lag bound above the disk's size: the asynchronous lag only drains on the workers
        try (EngineFixture f = new EngineFixture(EngineConfig.defaults().withAsyncMaxLagChunks(CHUNKS * 2).withSliceChunks(1))) {
            VirtualDisk src = f.filledDisk(CHUNKS, 7);
            PairSnapshot p = f.await(f.engine.createPair(PairSpec.mirror(src.id(), Mode.ASYNCHRONOUS)).id(), CopyState.SYNCHRONIZED);
            VirtualDisk tgt = f.registry.disk(p.targetDiskId());
            boolean held = true;
            f.engine.holdCopying(true);
            for (Step s : steps) {
                if (s instanceof Write w) {
                    src.write((long) w.chunk() * CHUNK, bytes(CHUNK, w.seed()));
                } else if (s instanceof Copying c) {
                    f.engine.holdCopying(c.hold());
                    held = c.hold();
                } else if (s instanceof Reset r) {
                    PairSnapshot before = f.engine.pair(p.id());
                    PairSnapshot after = f.engine.modify(p.id(), r.operation());
                    // with the workers held nothing drains between the two looks, so the lag seen is the lag found
                    if (held && r.operation() == Operation.RESET_TO_SYNC && before.copyState() == CopyState.SYNCHRONIZED) {
                        if (before.lagChunks() > 0) {
                            assertEquals(CopyState.UNSYNCHRONIZED, after.copyState(), "a lagging mirror made synchronous: " + after);
                            assertEquals(ProgressStatus.SYNCHRONIZING, after.progressStatus());
                            assertEquals(CopyState.SYNCHRONIZED, after.requestedCopyState());
                        } else {
                            assertEquals(CopyState.SYNCHRONIZED, after.copyState(), "nothing lags: it stays " + after);
                        }
                    }
                }
                assertTruthful(f.engine.pair(p.id()), src, tgt);
            }
            f.engine.holdCopying(false);
            f.engine.modify(p.id(), Operation.RESET_TO_SYNC);
            PairSnapshot end = f.await(p.id(), CopyState.SYNCHRONIZED);
            assertEquals(Mode.SYNCHRONOUS, end.mode());
            assertTruthful(end, src, tgt);
            assertSameBytes(src, tgt);
        }
    }

    /** Nothing writes while this runs, and a synchronous Synchronized mirror has no work a worker could be doing. */
    private static void assertTruthful(PairSnapshot p, VirtualDisk src, VirtualDisk tgt) {
        if (p.mode() != Mode.SYNCHRONOUS) {
            return;
        }
        if (p.copyState() == CopyState.SYNCHRONIZED || p.syncMaintained()) {
            assertTrue(Arrays.equals(contents(src), contents(tgt)), "claims " + p.copyState().displayName()
                    + (p.syncMaintained() ? ", SyncMaintained" : "") + " in synchronous mode while the bytes differ: " + p);
            assertEquals(0, p.lagChunks(), p.toString());
            assertEquals(100, p.percentSynced());
        }
    }
}
