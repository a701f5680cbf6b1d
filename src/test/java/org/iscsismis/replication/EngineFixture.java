package org.iscsismis.replication;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** A small registry + engine for tests: 16 KiB chunks, a fixed clock, helpers to fill, compare and await. */
final class EngineFixture implements AutoCloseable {

    static final int CHUNK = 16 * 1024;
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final DiskRegistry registry = new DiskRegistry(CHUNK, d -> { });
    final DiskPool pool;
    final ReplicationEngine engine;

    EngineFixture() {
        this(EngineConfig.defaults());
    }

    EngineFixture(EngineConfig config) {
        this(config, 1L << 30);
    }

    EngineFixture(EngineConfig config, long poolCapacity) {
        pool = registry.createPool("pool", poolCapacity);
        engine = new ReplicationEngine(registry, config.withClock(clock));
    }

    VirtualDisk disk(int chunks) {
        return registry.createDisk(pool.id(), "d", (long) chunks * CHUNK, 512);
    }

    /** Write pseudo-random bytes over every other chunk (so some chunks stay holes). */
    VirtualDisk filledDisk(int chunks, long seed) {
        VirtualDisk d = disk(chunks);
        Random r = new Random(seed);
        for (int c = 0; c < chunks; c += 2) {
            byte[] b = new byte[CHUNK];
            r.nextBytes(b);
            d.write((long) c * CHUNK, b);
        }
        return d;
    }

    static byte[] bytes(int len, long seed) {
        byte[] b = new byte[len];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] contents(VirtualDisk d) {
        return d.read(0, (int) d.sizeBytes());
    }

    static void assertSameBytes(VirtualDisk a, VirtualDisk b) {
        byte[] x = contents(a);
        byte[] y = contents(b);
        if (!Arrays.equals(x, y)) {
            int i = Arrays.mismatch(x, y);
            fail("disks " + a.id() + " and " + b.id() + " differ first at byte " + i + " (chunk " + i / CHUNK + ")");
        }
        assertArrayEquals(x, y);
    }

    PairSnapshot await(String pairId, CopyState state) {
        return await(engine.awaitCopyState(pairId, state));
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("not reached within " + DEADLINE + ": " + e, e);
        }
    }

    /** Wait (spinning politely, never sleeping a fixed time) until the condition holds or the deadline passes. */
    static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
