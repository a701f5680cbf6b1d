package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.iscsismis.replication.EngineFixture.*;
import static org.junit.jupiter.api.Assertions.*;

class PriorityAndEventsTest {

    private static final int CHUNKS = 64;

    /** One worker, one-chunk slices: shares follow the weights exactly (Urgent 8 : Low 1). */
    private static long copiedByOtherWhenFirstCompletes(CopyPriority first, CopyPriority other, boolean swapBeforeStart) {
        try (EngineFixture f = new EngineFixture(EngineConfig.defaults().withCopyWorkers(1).withSliceChunks(1))) {
            f.engine.holdCopying(true);
            VirtualDisk a = f.filledDisk(CHUNKS, 1);
            VirtualDisk b = f.filledDisk(CHUNKS, 2);
            for (int c = 1; c < CHUNKS; c += 2) { // fill the holes too: every chunk costs a copy
                a.write((long) c * CHUNK, bytes(512, c));
                b.write((long) c * CHUNK, bytes(512, c));
            }
            PairSnapshot pa = f.engine.createPair(PairSpec.clone(a.id()).priority(swapBeforeStart ? other : first));
            PairSnapshot pb = f.engine.createPair(PairSpec.clone(b.id()).priority(swapBeforeStart ? first : other));
            if (swapBeforeStart) { // priority is writable at any time and read at every slice
                f.engine.setCopyPriority(pa.id(), first);
                f.engine.setCopyPriority(pb.id(), other);
            }
            // runs on the worker that completes pa, before it can run another slice of pb
            CompletableFuture<Long> otherAtThatMoment = f.engine.awaitCopyState(pa.id(), CopyState.SYNCHRONIZED)
                    .thenApply(s -> f.engine.pair(pb.id()).chunksCopied());
            f.engine.holdCopying(false);
            return f.await(otherAtThatMoment);
        }
    }

    @Test
    void urgentPairGetsEightSlicesForEachSliceOfALowPair() {
        long low = copiedByOtherWhenFirstCompletes(CopyPriority.URGENT, CopyPriority.LOW, false);
        assertTrue(low >= CHUNKS / 8 - 1 && low <= CHUNKS / 8 + 1, "low pair copied " + low + " of " + CHUNKS);
    }

    @Test
    void samePrioritySharesEvenlyAndAChangeTakesEffect() {
        long same = copiedByOtherWhenFirstCompletes(CopyPriority.SAME, CopyPriority.SAME, false);
        assertTrue(same >= CHUNKS - 2, "equal shares: the other pair is nearly done too, copied " + same);
        long swapped = copiedByOtherWhenFirstCompletes(CopyPriority.HIGH, CopyPriority.LOW, true);
        assertTrue(swapped <= CHUNKS / 4 + 1, "after the change High gets 4 : 1, other copied " + swapped);
    }

    @Test
    void listenersHearStateChangesProgressAndRemovalInOrder() throws Exception {
        try (EngineFixture f = new EngineFixture(EngineConfig.defaults().withSliceChunks(1))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            CountDownLatch removed = new CountDownLatch(1);
            f.engine.addListener(new ReplicationListener() {
                @Override
                public void stateChanged(PairSnapshot before, PairSnapshot after, Trigger trigger) {
                    seen.add(before.copyState() + ">" + after.copyState() + " by " + trigger.displayName());
                }

                @Override
                public void progress(PairSnapshot pair) {
                    if (!seen.contains("progress")) {
                        seen.add("progress");
                    }
                }

                @Override
                public void pairRemoved(PairSnapshot last) {
                    seen.add("removed " + last.id());
                    removed.countDown();
                }
            });
            VirtualDisk src = f.filledDisk(8, 3);
            PairSnapshot p = f.engine.createPair(PairSpec.mirror(src.id(), Mode.SYNCHRONOUS));
            f.await(p.id(), CopyState.SYNCHRONIZED);
            f.engine.modify(p.id(), Operation.DETACH);
            assertTrue(removed.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("INITIALIZED>UNSYNCHRONIZED by Activate", "progress",
                    "UNSYNCHRONIZED>SYNCHRONIZED by Work done", "SYNCHRONIZED>SYNCHRONIZED by Detach",
                    "removed " + p.id()), seen);
        }
    }
}
