package org.iscsismis.replication;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.VirtualDisk;

import java.util.List;
import java.util.NoSuchElementException;

import static org.iscsismis.replication.EngineFixture.*;

/**
 * Five pairs share one source disk (a synchronous and an asynchronous mirror, two snapshots, a clone) while random
 * host writes, trims and replication operations run against them; background copying only runs at the
 * {@link Settle} steps the sequence chooses, so every state in between can be seen. After every step
 * {@link SharedSourceModel} checks that no pair's claim is a lie: a mirror that says Synchronized (idle) holds the
 * source's bytes, a snapshot or clone that holds a point in time still reads it, a finished restore left the
 * source as the replica was, and the pool accounts for exactly the chunks the disks hold.
 */
class SharedSourceProperties {

    static final int CHUNKS = 8;
    static final int BLOCKS_PER_CHUNK = CHUNK / 512;

    /** The pairs of the source, in creation order. */
    enum Role {
        SYNC_MIRROR, ASYNC_MIRROR, SNAPSHOT_A, SNAPSHOT_B, CLONE;

        PairSpec spec(String sourceId) {
            return switch (this) {
                case SYNC_MIRROR -> PairSpec.mirror(sourceId, Mode.SYNCHRONOUS);
                case ASYNC_MIRROR -> PairSpec.mirror(sourceId, Mode.ASYNCHRONOUS);
                case SNAPSHOT_A, SNAPSHOT_B -> PairSpec.snapshot(sourceId);
                case CLONE -> PairSpec.clone(sourceId);
            };
        }
    }

    sealed interface Action permits Write, Trim, TargetWrite, Modify, Settle { }

    /** A host write of {@code blocks} 512-byte blocks at block {@code block} of chunk {@code chunk}. */
    record Write(int chunk, int block, int blocks, long seed) implements Action { }

    /** A host trim of one whole chunk (it becomes a hole and returns to the pool). */
    record Trim(int chunk) implements Action { }

    /** A host write of one block to a pair's target (refused unless the target is writable). */
    record TargetWrite(Role pair, int chunk, long seed) implements Action { }

    record Modify(Role pair, Operation operation) implements Action { }

    /** Let background copying run until every pair's work is done, then hold it again. */
    record Settle() implements Action { }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> write = Combinators.combine(Arbitraries.integers().between(0, CHUNKS - 1),
                Arbitraries.integers().between(0, BLOCKS_PER_CHUNK - 1), Arbitraries.integers().between(1, 2 * BLOCKS_PER_CHUNK),
                Arbitraries.longs()).as(Write::new);
        Arbitrary<Action> trim = Arbitraries.integers().between(0, CHUNKS - 1).map(Trim::new);
        Arbitrary<Action> targetWrite = Combinators.combine(Arbitraries.of(Role.class), Arbitraries.integers().between(0, CHUNKS - 1),
                Arbitraries.longs()).as(TargetWrite::new);
        Arbitrary<Action> modify = Combinators.combine(Arbitraries.of(Role.class), Arbitraries.of(Operation.class)
                .filter(o -> o != Operation.DISSOLVE)).as(Modify::new);
        Arbitrary<Action> settle = Arbitraries.just(new Settle());
        return Arbitraries.frequencyOf(Tuple.of(6, write), Tuple.of(1, trim), Tuple.of(1, targetWrite), Tuple.of(7, modify),
                Tuple.of(3, settle)).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 250)
    void noPairOfASharedSourceClaimsWhatItsBytesDoNotShow(@ForAll("actions") List<Action> actions) {
        try (EngineFixture f = new EngineFixture(EngineConfig.defaults().withCopyWorkers(1).withAsyncMaxLagChunks(2))) {
            f.engine.holdCopying(true);
            VirtualDisk source = f.filledDisk(CHUNKS, 7);
            SharedSourceModel model = new SharedSourceModel(f, source);
            for (Role role : Role.values()) {
                model.created(role, f.engine.createPair(role.spec(source.id())));
            }
            model.check("after creating the pairs");
            for (int step = 0; step < actions.size(); step++) {
                Action a = actions.get(step);
                run(f, model, source, a);
                model.check("after step " + (step + 1) + " " + a);
            }
        }
    }

    private static void run(EngineFixture f, SharedSourceModel model, VirtualDisk source, Action action) {
        if (action instanceof Write w) {
            long offset = (long) w.chunk() * CHUNK + (long) w.block() * 512;
            int blocks = (int) Math.min(w.blocks(), (source.sizeBytes() - offset) / 512);
            byte[] data = bytes(blocks * 512, w.seed());
            source.write(offset, data);
            model.sourceWritten(offset, data);
        } else if (action instanceof Trim t) {
            source.trim((long) t.chunk() * CHUNK, CHUNK);
            model.sourceWritten((long) t.chunk() * CHUNK, new byte[CHUNK]);
        } else if (action instanceof TargetWrite t) {
            model.pairId(t.pair()).ifPresent(id -> {
                VirtualDisk target = f.registry.disk(f.engine.pair(id).targetDiskId());
                try {
                    target.write((long) t.chunk() * CHUNK, bytes(512, t.seed()));
                    model.targetWritten(t.pair());
                } catch (DiskIoException readOnly) {
                    // the target is read-only in this state: nothing changed
                }
            });
        } else if (action instanceof Modify m) {
            model.pairId(m.pair()).ifPresent(id -> {
                PairSnapshot before = f.engine.pair(id);
                model.beforeOperation(m.pair(), m.operation(), before);
                try {
                    PairSnapshot after = f.engine.modify(id, m.operation());
                    model.operationApplied(m.pair(), m.operation(), before, after);
                } catch (InvalidTransitionException refused) {
                    model.operationRefused(m.pair(), before);
                } catch (NoSuchElementException gone) {
                    throw new AssertionError("pair " + id + " vanished", gone);
                }
            });
        } else {
            model.settle();
        }
    }
}
