package org.iscsismis.bench.engine;

import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The cost of 1 000 pairs: time to create 1 000 empty 1 GiB disks and 1 000 synchronous mirrors between them on a
 * fresh engine (thin disks, so no data moves). Retained memory is measured by {@link EngineBenchmarks#retainedBytesOf1000Pairs}.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PairScaleBenchmark {

    static final int PAIRS = 1000;

    /** Build 1 000 pairs; returns the engine (closed by the caller) so nothing is optimised away. */
    static ReplicationEngine build() {
        DiskRegistry registry = new DiskRegistry();
        String pool = registry.createPool("bench", 1L << 40).id();
        ReplicationEngine engine = new ReplicationEngine(registry, EngineConfig.defaults());
        for (int i = 0; i < PAIRS; i++) {
            String src = registry.createDisk(pool, "src" + i, 1L << 30, 4096).id();
            engine.createPair(PairSpec.mirror(src, org.iscsismis.replication.Mode.SYNCHRONOUS));
        }
        return engine;
    }

    @Benchmark
    public int create1000Pairs() {
        try (ReplicationEngine engine = build()) {
            return engine.pairs().size();
        }
    }
}
