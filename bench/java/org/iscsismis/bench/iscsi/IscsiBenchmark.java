package org.iscsismis.bench.iscsi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;

/**
 * The iSCSI target against Debian's tgtd (a LUN backed by a file on tmpfs), same clients, same run, interleaved:
 * sequential 1 MiB and random 4 KiB reads with iscsi-perf, sequential 1 MiB and scattered 4 KiB writes with
 * {@code qemu-img bench -w} through qemu's iSCSI driver, each at queue depth 1 and 16; then host write latency
 * (p50/p99, qemu-io, 4 KiB at queue depth 1) on a volume without a pair and on a mirror source while the mirror's
 * initial copy runs. Prints a Markdown table with the load average.
 *
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iscsismis.bench.iscsi.IscsiBenchmark [rounds [row]]
 * </pre>
 */
public final class IscsiBenchmark {

    private static final long LUN_BYTES = 512L << 20;
    private static final int READ_SECONDS = 3;

    private IscsiBenchmark() {
    }

    /** One row: how to measure it on a LUN URL, and its unit. */
    private record Row(String name, String unit, Measure measure) {
    }

    @FunctionalInterface
    private interface Measure {
        double on(String url) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String only = args.length > 1 ? args[1] : ""; // run only the rows whose name contains this
        String loadBefore = Tools.loadAverage();
        ServerConfig config = ServerConfig.defaults().withHttpPort(0).withIscsiPort(0).withLogLevel("warn")
                .with(ServerConfig.DEMO_ENABLED, "false").with(ServerConfig.ISCSI_NOP_IN_INTERVAL_MS, "0");
        try (IscsiSmisServer server = IscsiSmisServer.start(config); TgtTarget tgt = TgtTarget.start(LUN_BYTES, 42)) {
            DiskRegistry disks = server.target().disks();
            DiskPool pool = disks.createPool("bench", 8L << 30);
            VirtualDisk lun = filled(disks, pool, "bench", 42);
            IscsiPortal portal = server.portal();
            String ours = "iscsi://127.0.0.1:" + portal.port() + "/" + portal.targetName() + "/" + portal.luns().lunOf(lun.id());

            List<Row> rows = List.of(
                    new Row("sequential read 1 MiB, QD 1", "MB/s", url -> perf(url, false, 2048, 1)),
                    new Row("sequential read 1 MiB, QD 16", "MB/s", url -> perf(url, false, 2048, 16)),
                    new Row("random read 4 KiB, QD 1", "IOPS", url -> perf(url, true, 8, 1)),
                    new Row("random read 4 KiB, QD 16", "IOPS", url -> perf(url, true, 8, 16)),
                    new Row("sequential write 1 MiB, QD 1", "MB/s", url -> bench(url, 1 << 20, 1 << 20, 1, 512) / 1e6),
                    new Row("sequential write 1 MiB, QD 16", "MB/s", url -> bench(url, 1 << 20, 1 << 20, 16, 512) / 1e6),
                    new Row("scattered write 4 KiB, QD 1", "IOPS", url -> bench(url, 4096, 4096 * 7919, 1, 4000) / 4096),
                    new Row("scattered write 4 KiB, QD 16", "IOPS", url -> bench(url, 4096, 4096 * 7919, 16, 20000) / 4096));
            System.out.println("| Measurement | iscsi-smis | tgtd 1.0.85 (tmpfs file) | iscsi-smis / tgtd |");
            System.out.println("|---|---|---|---|");
            for (Row row : rows) {
                if (!row.name().contains(only)) {
                    continue;
                }
                double[] a = new double[rounds];
                double[] b = new double[rounds];
                for (int r = 0; r < rounds; r++) { // interleaved, the order alternating: both see the machine's load alike
                    if (r % 2 == 0) {
                        a[r] = row.measure().on(ours);
                        b[r] = row.measure().on(tgt.url());
                    } else {
                        b[r] = row.measure().on(tgt.url());
                        a[r] = row.measure().on(ours);
                    }
                }
                double ma = median(a);
                double mb = median(b);
                System.out.printf("| %s (%s) | %.0f | %.0f | %.0f %% |%n", row.name(), row.unit(), ma, mb, 100 * ma / mb);
            }
            if ("latency".contains(only)) {
                latencies(server, pool, ours, portal);
            }
        }
        System.out.println("\nload average before: " + loadBefore + ", after: " + Tools.loadAverage() + ", rounds: " + rounds
                + " (medians), " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    /** A thin disk of the LUN size written full of pseudo-random bytes (the same bytes tgt's file holds). */
    private static VirtualDisk filled(DiskRegistry disks, DiskPool pool, String name, long seed) {
        VirtualDisk disk = disks.createDisk(pool.id(), name, LUN_BYTES, 512);
        Random random = new Random(seed);
        byte[] piece = new byte[1 << 20];
        for (long at = 0; at < LUN_BYTES; at += piece.length) {
            random.nextBytes(piece);
            disk.write(at, piece);
        }
        return disk;
    }

    /** iscsi-perf: reads for a few seconds; MB/s for sequential, IOPS for random. */
    private static double perf(String url, boolean random, int blocks, int depth) throws Exception {
        List<String> command = new ArrayList<>(List.of("iscsi-perf", "-t", Integer.toString(READ_SECONDS), "-b",
                Integer.toString(blocks), "-m", Integer.toString(depth)));
        if (random) {
            command.add("-r");
        }
        command.add(url);
        String out = Tools.run(command);
        return random ? Tools.number(out, "iops average (\\d+)") : Tools.number(out, "iops average \\d+ \\((\\d+) MB/s\\)");
    }

    /** qemu-img bench -w: bytes per second over {@code count} writes of {@code size}, {@code step} apart (wrapping). */
    private static double bench(String url, int size, int step, int depth, int count) throws Exception {
        String out = Tools.run(List.of("qemu-img", "bench", "-w", "-f", "raw", "-t", "none", "-c", Integer.toString(count), "-d",
                Integer.toString(depth), "-s", Integer.toString(size), "-S", Integer.toString(step), url));
        return (double) count * size / Tools.number(out, "Run completed in ([0-9.]+) seconds");
    }

    /**
     * Host 4 KiB write latency at queue depth 1 (qemu-io, one process, each write timed by qemu-io) on a volume with no
     * pair, then on the source of a synchronous mirror while its initial copy runs: the target disk carries 2 ms of
     * injected latency per chunk so the copy outlasts the measurement.
     */
    private static void latencies(IscsiSmisServer server, DiskPool pool, String alone, IscsiPortal portal) throws Exception {
        DiskRegistry disks = server.target().disks();
        VirtualDisk source = filled(disks, pool, "mirror-source", 7);
        VirtualDisk target = disks.createDisk(pool.id(), "mirror-target", LUN_BYTES, 512);
        target.faults().latency(Duration.ofMillis(2));
        String url = "iscsi://127.0.0.1:" + portal.port() + "/" + portal.targetName() + "/" + portal.luns().lunOf(source.id());
        double[] none = writeLatencies(alone);
        String pair = server.target().engine().createPair(PairSpec.mirror(source.id(), Mode.SYNCHRONOUS).toDisk(target.id())).id();
        double[] copying = writeLatencies(url);
        var snapshot = server.target().engine().pair(pair);
        System.out.printf("%n| 4 KiB host write, QD 1 (qemu-io) | p50 | p99 |%n|---|---|---|%n");
        System.out.printf("| no pair | %.0f µs | %.0f µs |%n", percentile(none, 50), percentile(none, 99));
        System.out.printf("| mirror source during the initial copy (%s, %d%% copied at the end) | %.0f µs | %.0f µs |%n",
                snapshot.copyState().displayName(), snapshot.percentSynced(), percentile(copying, 50), percentile(copying, 99));
        target.faults().latency(Duration.ZERO);
    }

    private static double[] writeLatencies(String url) throws Exception {
        List<String> command = new ArrayList<>(List.of("qemu-io", "-f", "raw", "-t", "none"));
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            command.add("-c");
            command.add("write " + (random.nextInt((int) (LUN_BYTES / 4096)) * 4096L) + " 4k");
        }
        command.add(url);
        String out = Tools.run(command);
        return Arrays.stream(out.split("\n")).filter(l -> l.contains(" ops/sec)"))
                .mapToDouble(l -> 1e6 / Tools.number(l, "and ([0-9.]+) ops/sec")).toArray();
    }

    private static double median(double[] v) {
        return percentile(v, 50);
    }

    private static double percentile(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
