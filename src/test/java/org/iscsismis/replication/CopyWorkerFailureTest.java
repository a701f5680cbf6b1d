package org.iscsismis.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.junit.jupiter.api.Test;

/**
 * An Error inside a copy slice (here an OutOfMemoryError thrown where a disk waits out injected latency)
 * must neither kill the copy worker nor leave the pair copying forever: the pair is reported Broken, and the
 * next pair's copy runs on the same, only, worker.
 */
class CopyWorkerFailureTest {

    private static final int CHUNK = 16 * 1024;

    @Test
    void anErrorInOneSliceBreaksThatPairAndTheWorkerGoesOn() {
        AtomicInteger thrown = new AtomicInteger();
        DiskRegistry registry = new DiskRegistry(CHUNK, delay -> {
            thrown.incrementAndGet();
            throw new OutOfMemoryError("injected: no heap for this chunk");
        });
        DiskPool pool = registry.createPool("pool", 1L << 30);
        try (ReplicationEngine engine = new ReplicationEngine(registry, EngineConfig.defaults().withCopyWorkers(1))) {
            VirtualDisk first = filled(registry, pool, 1);
            VirtualDisk failing = registry.createDisk(pool.id(), "t1", 8L * CHUNK, 512);
            failing.faults().latency(Duration.ofMillis(1));
            PairSnapshot broken = engine.createPair(PairSpec.mirror(first.id(), Mode.SYNCHRONOUS).toDisk(failing.id()));
            EngineFixture.awaitCondition("pair " + broken.id() + " Broken",
                    () -> engine.pair(broken.id()).copyState() == CopyState.BROKEN);
            assertTrue(thrown.get() > 0, "the injected Error was thrown in a copy slice");
            assertTrue(engine.pair(broken.id()).faultCause().contains("failed unexpectedly"), engine.pair(broken.id()).faultCause());

            VirtualDisk second = filled(registry, pool, 2);
            PairSnapshot next = engine.createPair(PairSpec.mirror(second.id(), Mode.SYNCHRONOUS));
            PairSnapshot synced = EngineFixture.await(engine.awaitCopyState(next.id(), CopyState.SYNCHRONIZED));
            assertEquals(CopyState.SYNCHRONIZED, synced.copyState());
            assertArrayEquals(EngineFixture.contents(second), EngineFixture.contents(registry.disk(synced.targetDiskId())));
        }
    }

    private static VirtualDisk filled(DiskRegistry registry, DiskPool pool, long seed) {
        VirtualDisk d = registry.createDisk(pool.id(), "src" + seed, 8L * CHUNK, 512);
        for (int c = 0; c < 8; c += 2) {
            d.write((long) c * CHUNK, EngineFixture.bytes(CHUNK, seed + c));
        }
        return d;
    }
}
