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
import java.util.concurrent.TimeUnit;

/**
 * Background copy throughput: one full clone copy of a 64 MiB source (1024 chunks of 64 KiB) onto an already
 * allocated target, beside {@code System.arraycopy} of the same 1024 chunks in the same run. The ratio of the two
 * average times is the engine's efficiency (goal: the engine reaches ≥ 70 % of arraycopy's rate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CopyThroughputBenchmark {

    static final int CHUNK = DiskRegistry.DEFAULT_CHUNK_SIZE;
    static final int CHUNKS = 1024;

    /** Copy workers of the engine; arraycopy ignores it (one thread either way). */
    @Param({"1", "2"})
    public int workers;

    private byte[][] from;
    private byte[][] to;
    private ReplicationEngine engine;
    private VirtualDisk source;
    private VirtualDisk target;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(1);
        from = new byte[CHUNKS][CHUNK];
        to = new byte[CHUNKS][CHUNK];
        for (byte[] c : from) {
            r.nextBytes(c);
        }
        DiskRegistry registry = new DiskRegistry();
        String pool = registry.createPool("bench", 4L * CHUNKS * CHUNK).id();
        source = registry.createDisk(pool, "src", (long) CHUNKS * CHUNK, 4096);
        target = registry.createDisk(pool, "tgt", (long) CHUNKS * CHUNK, 4096);
        for (int c = 0; c < CHUNKS; c++) {
            source.write((long) c * CHUNK, from[c]);
        }
        engine = new ReplicationEngine(registry, EngineConfig.defaults().withCopyWorkers(workers).withSliceChunks(16));
        copyOnce(); // allocate the target's chunks once, as arraycopy's destination is allocated once
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public byte[][] systemArraycopy() {
        for (int c = 0; c < CHUNKS; c++) {
            System.arraycopy(from[c], 0, to[c], 0, CHUNK);
        }
        return to;
    }

    @Benchmark
    public PairSnapshot engineCloneFullCopy() throws Exception {
        return copyOnce();
    }

    private PairSnapshot copyOnce() {
        try {
            PairSnapshot p = engine.createPair(PairSpec.clone(source.id()).toDisk(target.id()));
            PairSnapshot done = engine.awaitCopyState(p.id(), CopyState.SYNCHRONIZED).get(60, TimeUnit.SECONDS);
            engine.modify(p.id(), Operation.DETACH);
            if (done.chunksCopied() != CHUNKS) {
                throw new IllegalStateException("the clone copied " + done.chunksCopied() + " chunks, not " + CHUNKS);
            }
            return done;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
