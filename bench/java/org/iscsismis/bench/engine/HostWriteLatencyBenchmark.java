package org.iscsismis.bench.engine;

import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.Operation;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one 4 KiB host write at a random offset of a 64 MiB source: with no pair, an asynchronous mirror, a
 * synchronous mirror, and an active snapshot. The snapshot takes a new point in time before every iteration, so
 * each iteration pays copy-on-write for the first write to every chunk (1024 chunks, then steady state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HostWriteLatencyBenchmark {

    static final int CHUNK = DiskRegistry.DEFAULT_CHUNK_SIZE;
    static final int CHUNKS = 1024;
    static final int IO = 4096;

    @Param({"none", "asyncMirror", "syncMirror", "snapshot"})
    public String pairing;

    private ReplicationEngine engine;
    private VirtualDisk source;
    private PairSnapshot pair;
    private final byte[] data = new byte[IO];

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        DiskRegistry registry = new DiskRegistry();
        String pool = registry.createPool("bench", 4L * CHUNKS * CHUNK).id();
        source = registry.createDisk(pool, "src", (long) CHUNKS * CHUNK, 4096);
        byte[] chunk = new byte[CHUNK];
        Random r = new Random(2);
        for (int c = 0; c < CHUNKS; c++) {
            r.nextBytes(chunk);
            source.write((long) c * CHUNK, chunk);
        }
        new Random(3).nextBytes(data);
        engine = new ReplicationEngine(registry, EngineConfig.defaults().withAsyncMaxLagChunks(256));
        PairSpec spec = switch (pairing) {
            case "asyncMirror" -> PairSpec.mirror(source.id(), org.iscsismis.replication.Mode.ASYNCHRONOUS);
            case "syncMirror" -> PairSpec.mirror(source.id(), org.iscsismis.replication.Mode.SYNCHRONOUS);
            case "snapshot" -> PairSpec.snapshot(source.id());
            default -> null;
        };
        if (spec != null) {
            pair = engine.createPair(spec);
            engine.awaitCopyState(pair.id(), CopyState.SYNCHRONIZED).get(60, TimeUnit.SECONDS);
        }
    }

    @Setup(Level.Iteration)
    public void newPointInTime() {
        if ("snapshot".equals(pairing)) {
            engine.modify(pair.id(), Operation.RESYNC_REPLICA);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public void write4k() {
        long block = ThreadLocalRandom.current().nextLong((long) CHUNKS * CHUNK / IO);
        source.write(block * IO, data);
    }
}
