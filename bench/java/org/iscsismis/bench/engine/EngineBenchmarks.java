package org.iscsismis.bench.engine;

import org.iscsismis.replication.ReplicationEngine;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

/**
 * Runs the replication engine benchmarks briefly (1 fork, 2 warm-up and 3 measured iterations of 1 s) and prints
 * the figures docs/benchmarks.md quotes: copy throughput beside arraycopy (and their ratio), host-write latency per
 * pairing, the time and retained heap of 1 000 pairs. See docs/benchmarks.md for the command line.
 *
 * <p>{@code --csv FILE} appends the interleaved copy medians to FILE (what bench.charts.BenchmarkCharts draws);
 * {@code --interleaved-only} skips the JMH runs and the pair measurement (about 20 s instead of a few minutes).
 */
public final class EngineBenchmarks {

    private EngineBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path csv = null;
        boolean interleavedOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--csv" -> csv = java.nio.file.Path.of(args[++i]);
                case "--interleaved-only" -> interleavedOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--csv FILE, --interleaved-only)");
            }
        }
        if (!interleavedOnly) {
            runJmh();
        }
        CopyMedians one = interleavedCopyRatio(1);
        CopyMedians two = interleavedCopyRatio(2);
        if (csv != null) {
            CopyMedians.append(csv, java.util.List.of(one, two));
        }
        if (!interleavedOnly) {
            System.out.printf("retained heap of 1000 mirror pairs (2000 thin disks): %.1f MiB%n", retainedBytesOf1000Pairs() / 1048576.0);
        }
    }

    private static void runJmh() throws Exception {
        Options opts = new OptionsBuilder()
                .include(CopyThroughputBenchmark.class.getName())
                .include(HostWriteLatencyBenchmark.class.getName())
                .include(PairScaleBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        double mib = CopyThroughputBenchmark.CHUNKS * (double) CopyThroughputBenchmark.CHUNK / (1 << 20);
        for (String workers : new String[] {"1", "2"}) {
            double arraycopy = Double.NaN;
            double engine = Double.NaN;
            for (RunResult r : results) {
                String name = r.getParams().getBenchmark();
                if (!name.contains("CopyThroughput") || !workers.equals(r.getParams().getParam("workers"))) {
                    continue;
                }
                double score = r.getPrimaryResult().getScore();
                if (name.endsWith("systemArraycopy")) {
                    arraycopy = score;
                } else if (name.endsWith("engineCloneFullCopy")) {
                    engine = score;
                }
            }
            System.out.printf("%ncopy of %.0f MiB, %s worker(s): arraycopy %.2f ms (%.0f MiB/s), engine %.2f ms (%.0f MiB/s), ratio %.0f %%%n",
                    mib, workers, arraycopy, mib / arraycopy * 1000, engine, mib / engine * 1000, arraycopy / engine * 100);
        }
    }

    /**
     * The same two copies as {@link CopyThroughputBenchmark}, alternated 15 times in one JVM so that both see the
     * same machine load (the host is shared); prints the medians and their ratio.
     */
    static CopyMedians interleavedCopyRatio(int workers) {
        CopyThroughputBenchmark b = new CopyThroughputBenchmark();
        b.workers = workers;
        b.setUp();
        int rounds = 15;
        long[] arraycopy = new long[rounds];
        long[] engine = new long[rounds];
        for (int i = -5; i < rounds; i++) { // 5 unrecorded warm-up rounds
            long t0 = System.nanoTime();
            b.systemArraycopy();
            long t1 = System.nanoTime();
            try {
                b.engineCloneFullCopy();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            long t2 = System.nanoTime();
            if (i >= 0) {
                arraycopy[i] = t1 - t0;
                engine[i] = t2 - t1;
            }
        }
        b.tearDown();
        java.util.Arrays.sort(arraycopy);
        java.util.Arrays.sort(engine);
        double a = arraycopy[rounds / 2] / 1e6;
        double e = engine[rounds / 2] / 1e6;
        double mib = CopyThroughputBenchmark.CHUNKS * (double) CopyThroughputBenchmark.CHUNK / (1 << 20);
        System.out.printf("interleaved medians, %d worker(s): arraycopy %.2f ms (%.0f MiB/s), engine %.2f ms (%.0f MiB/s), ratio %.0f %%%n",
                workers, a, mib / a * 1000, e, mib / e * 1000, a / e * 100);
        return new CopyMedians(workers, mib, a, e);
    }

    /** Heap still in use after building 1 000 pairs, minus the heap in use before, after full GCs. */
    static long retainedBytesOf1000Pairs() throws InterruptedException {
        long before = usedAfterGc();
        ReplicationEngine engine = PairScaleBenchmark.build();
        long after = usedAfterGc();
        int size = engine.pairs().size();
        engine.close();
        return size == PairScaleBenchmark.PAIRS ? after - before : -1;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // let the collector settle; this is a measurement, not a test wait
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
