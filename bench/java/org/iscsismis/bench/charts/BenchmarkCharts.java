package org.iscsismis.bench.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Draws the charts of docs/benchmarks.md from the benchmarks' own CSV results in {@code docs/bench-results/}:
 * <ul>
 *   <li>{@code http-load.csv} (HttpLoadDriver --csv): EnumerateInstances throughput against the instance count at
 *       C = 1, 4, 16 beside the upper limit and the peers ({@code peers.csv}); latency percentiles at C = 16; ours
 *       over the upper limit per row;</li>
 *   <li>{@code copy.csv} (EngineBenchmarks --csv): background copy throughput beside {@code System.arraycopy};</li>
 *   <li>{@code server-work.csv} (ServerWorkBenchmark --csv): CPU time per response, one bar per label (commit).</li>
 * </ul>
 * Each chart uses the latest run in its file and says when it ran and at which load average; a run started at a
 * load average above 2 is marked as load-affected.
 *
 * <pre>java -cp target/test-classes org.iscsismis.bench.charts.BenchmarkCharts [RESULTS_DIR] [IMAGE_DIR]</pre>
 * (defaults {@code docs/bench-results} and {@code docs/img}).
 */
public final class BenchmarkCharts {

    /** A load average at the start of a run above this means other work competed with the measurement. */
    static final double QUIET_LOAD = 2.0;

    private final Path results;
    private final Path images;

    private BenchmarkCharts(Path results, Path images) {
        this.results = results;
        this.images = images;
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "docs/bench-results");
        Path images = Path.of(args.length > 1 ? args[1] : "docs/img");
        Files.createDirectories(images);
        BenchmarkCharts charts = new BenchmarkCharts(results, images);
        charts.httpCharts();
        charts.copyChart();
        charts.serverWorkChart();
    }

    // ---------------------------------------------------------------------------------------- HTTP rows

    private void httpCharts() throws IOException {
        Csv load = Csv.read(results.resolve("http-load.csv"));
        if (load == null) {
            return;
        }
        List<Map<String, String>> run = load.latestRun(r -> r.get("operation").equals("EnumerateInstances"));
        if (run.isEmpty()) {
            return;
        }
        Csv peers = Csv.read(results.resolve("peers.csv"));
        String note = Csv.describe(run.get(0));
        SvgChart ei = new SvgChart("EnumerateInstances of Bench_Item: throughput against instance count", note);
        for (int c : new int[] {1, 4, 16}) {
            SvgChart.Panel p = ei.panel("C = " + c, "instances", "responses per second");
            p.logX = true;
            p.logY = true;
            Predicate<Map<String, String>> row = r -> r.get("operation").equals("EnumerateInstances") && r.get("clients").equals("" + c);
            p.series.add(points("iscsi-smis", run, row, "req_per_s", false));
            p.series.add(points("upper limit (Jetty replaying the same bytes)", run, row, "upper_req_per_s", true));
            if (peers != null) {
                for (String peer : List.of("SFCB 1.3.18", "OpenPegasus 2.14.4")) {
                    p.series.add(points(peer, peers.rows, row.and(r -> r.get("peer").equals(peer)), "req_per_s", false));
                }
            }
        }
        write("ei-throughput.svg", ei);

        SvgChart latency = new SvgChart("Latency at C = 16 (p50 and p99, ms, logarithmic)", note);
        SvgChart.Panel lp = latency.panel("", "", "ms");
        lp.logY = true;
        List<Map<String, String>> c16 = run.stream().filter(r -> r.get("clients").equals("16")).toList();
        lp.categories = new ArrayList<>();
        double[] p50 = new double[c16.size()];
        double[] p99 = new double[c16.size()];
        double[] sfcb = new double[c16.size()];
        for (int i = 0; i < c16.size(); i++) {
            Map<String, String> r = c16.get(i);
            lp.categories.add(shortName(r));
            p50[i] = Csv.number(r, "p50_ms");
            p99[i] = Csv.number(r, "p99_ms");
            sfcb[i] = Double.NaN;
            if (peers != null) {
                for (Map<String, String> pr : peers.rows) {
                    if (pr.get("peer").equals("SFCB 1.3.18") && pr.get("operation").equals(r.get("operation"))
                            && pr.get("n").equals(r.get("n")) && pr.get("clients").equals("16") && !pr.get("p99_ms").isEmpty()) {
                        sfcb[i] = Csv.number(pr, "p99_ms");
                    }
                }
            }
        }
        lp.series.add(new SvgChart.Series("iscsi-smis p50", null, p50, false));
        lp.series.add(new SvgChart.Series("iscsi-smis p99", null, p99, false));
        lp.series.add(new SvgChart.Series("SFCB 1.3.18 p99", null, sfcb, true));
        latency.panelWidthFor(c16.size());
        write("latency-c16.svg", latency);

        SvgChart ratio = new SvgChart("iscsi-smis throughput over the upper limit, same run (1.0 = Jetty replaying the same bytes)", note);
        SvgChart.Panel rp = ratio.panel("", "", "ours / upper limit");
        List<String> rows = new ArrayList<>();
        for (Map<String, String> r : run) {
            if (!r.get("upper_req_per_s").isEmpty() && !rows.contains(shortName(r))) {
                rows.add(shortName(r));
            }
        }
        rp.categories = rows;
        for (int c : new int[] {1, 4, 16}) {
            double[] y = new double[rows.size()];
            java.util.Arrays.fill(y, Double.NaN);
            for (Map<String, String> r : run) {
                int at = rows.indexOf(shortName(r));
                if (at >= 0 && r.get("clients").equals("" + c)) {
                    y[at] = Csv.number(r, "req_per_s") / Csv.number(r, "upper_req_per_s");
                }
            }
            rp.series.add(new SvgChart.Series("C = " + c, null, y, false));
        }
        ratio.panelWidthFor(rows.size());
        write("ours-over-upper.svg", ratio);
    }

    private static String shortName(Map<String, String> r) {
        String op = r.get("operation").replace("EnumerateInstances", "EI").replace("EnumerateClassNames", "ECN")
                .replace("GetInstance", "Get").replace("ExecQuery", "Query").replace("Open+Pull/1000", "Pull");
        String n = r.get("n");
        return op + "|" + (n.endsWith("000") ? n.substring(0, n.length() - 3) + " k" : n);
    }

    private static SvgChart.Series points(String name, List<Map<String, String>> rows, Predicate<Map<String, String>> which,
                                          String column, boolean dashed) {
        List<double[]> pts = new ArrayList<>();
        for (Map<String, String> r : rows) {
            if (which.test(r) && !r.get(column).isEmpty()) {
                pts.add(new double[] {Csv.number(r, "n"), Csv.number(r, column)});
            }
        }
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new SvgChart.Series(name, x, y, dashed);
    }

    // ---------------------------------------------------------------------------------------- copy

    private void copyChart() throws IOException {
        Csv copy = Csv.read(results.resolve("copy.csv"));
        if (copy == null) {
            return;
        }
        List<Map<String, String>> run = copy.latestRun(r -> true);
        SvgChart chart = new SvgChart("Background copy throughput beside System.arraycopy of the same chunks", Csv.describe(run.get(0)));
        SvgChart.Panel p = chart.panel("", "copy workers", "MiB/s");
        p.categories = run.stream().map(r -> r.get("workers") + (r.get("workers").equals("1") ? " worker" : " workers")).toList();
        p.series.add(new SvgChart.Series("System.arraycopy", null, run.stream().mapToDouble(r -> Csv.number(r, "arraycopy_mib_per_s")).toArray(), true));
        p.series.add(new SvgChart.Series("engine (clone, full copy)", null, run.stream().mapToDouble(r -> Csv.number(r, "engine_mib_per_s")).toArray(), false));
        write("copy-throughput.svg", chart);
    }

    // ---------------------------------------------------------------------------------------- server work

    /**
     * CPU time and allocation per response, one bar per label (the commit measured). CPU: the best figure over all
     * runs of that label (other work on the machine only ever adds to it); allocation: the latest run (it does not
     * vary).
     */
    private void serverWorkChart() throws IOException {
        Csv work = Csv.read(results.resolve("server-work.csv"));
        if (work == null) {
            return;
        }
        List<String> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Map<String, Double> bestCpu = new LinkedHashMap<>();
        Map<String, Double> allocated = new LinkedHashMap<>();
        for (Map<String, String> r : work.rows) {
            if (!rows.contains(r.get("row"))) {
                rows.add(r.get("row"));
            }
            if (!labels.contains(r.get("label"))) {
                labels.add(r.get("label"));
            }
            String key = r.get("label") + "\u0000" + r.get("row");
            bestCpu.merge(key, Csv.number(r, "cpu_ms_best"), Math::min);
            allocated.put(key, Csv.number(r, "allocated_kb_per_resp"));
        }
        SvgChart chart = new SvgChart("Server work per response without HTTP (ServerWorkBenchmark)",
                "CPU: thread CPU time, best over the runs of each commit; allocation: bytes the thread allocated. See docs/benchmarks.md.");
        SvgChart.Panel cpu = chart.panel("CPU time", "", "ms per response (logarithmic)");
        SvgChart.Panel alloc = chart.panel("Allocated", "", "KB per response (logarithmic)");
        for (SvgChart.Panel p : List.of(cpu, alloc)) {
            p.logY = true;
            p.categories = rows;
        }
        for (String label : labels) {
            double[] c = new double[rows.size()];
            double[] a = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String key = label + "\u0000" + rows.get(i);
                c[i] = bestCpu.getOrDefault(key, Double.NaN);
                a[i] = allocated.getOrDefault(key, Double.NaN);
            }
            cpu.series.add(new SvgChart.Series(label, null, c, false));
            alloc.series.add(new SvgChart.Series(label, null, a, false));
        }
        chart.panelWidthFor(rows.size());
        write("server-work.svg", chart);
    }

    private void write(String name, SvgChart chart) throws IOException {
        Path file = images.resolve(name);
        Files.writeString(file, chart.render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    /** A CSV file with a header line; fields without commas or quotes (what the benchmarks write). */
    static final class Csv {
        final List<Map<String, String>> rows = new ArrayList<>();

        static Csv read(Path file) throws IOException {
            if (!Files.exists(file)) {
                System.out.println("no " + file + ": chart skipped");
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Csv csv = new Csv();
            String[] header = lines.get(0).split(",", -1);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < f.length ? f[i].trim() : "");
                }
                csv.rows.add(row);
            }
            return csv;
        }

        /** The lines of the latest run (column {@code run}) among the runs that have a line {@code having} accepts. */
        List<Map<String, String>> latestRun(Predicate<Map<String, String>> having) {
            String latest = null;
            for (Map<String, String> r : rows) {
                if (having.test(r) && (latest == null || r.get("run").compareTo(latest) > 0)) {
                    latest = r.get("run");
                }
            }
            String run = latest;
            return rows.stream().filter(r -> r.get("run").equals(run)).toList();
        }

        static double number(Map<String, String> row, String column) {
            String v = row.get(column);
            return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }

        /** "run 2026-12-06 06:20, load average 18.4 at its start (load-affected: ...)". */
        static String describe(Map<String, String> row) {
            double load = number(row, "load_average_1m");
            return String.format(Locale.ROOT, "Run %s, load average %.1f at its start%s", row.get("run"), load,
                    load > QUIET_LOAD ? " — LOAD-AFFECTED (other work shared the 2 cores): re-run on a quiet machine" : " (quiet machine)");
        }
    }
}
