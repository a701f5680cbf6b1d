package org.iscsismis.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the results of one driver run and renders them as markdown (stdout, optionally appended to a file). */
final class Report {

    record CreateRow(int from, int to, double seconds, long errors, String firstError) {}

    record LoadRow(int instances, String operation, LoadResult ours, ServerMemory memory, LoadResult upper) {}

    private final String title;
    private final String run;
    private final String command;
    private final String loadAverage;
    private final List<CreateRow> creates = new ArrayList<>();
    private final List<LoadRow> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int failures;

    Report(String target, String command) {
        this.run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        this.title = "HTTP load driver, " + run + " — " + target;
        this.command = command;
        this.loadAverage = loadAverage();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    void add(CreateRow row) {
        creates.add(row);
    }

    void add(LoadRow row) {
        rows.add(row);
    }

    /** Something that makes the run fail (a skipped measure, an aborted run): noted and counted as an error. */
    /** A line under the tables that is not a failure (e.g. how the data was set up). */
    void note(String note) {
        notes.add(note.replace("|", "\\|"));
    }

    void failure(String note) {
        notes.add("**" + note.replace("|", "\\|") + "**");
        failures++;
    }

    long errors() {
        long e = failures;
        for (CreateRow c : creates) e += c.errors();
        for (LoadRow r : rows) e += r.ours().errors() + (r.upper() == null ? 0 : r.upper().errors());
        return e;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("\n### ").append(title).append("\n\n");
        sb.append("`").append(command).append("`  \n");
        sb.append("Driver: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs visible, Java ")
                .append(System.getProperty("java.version")).append("; load average at start ").append(loadAverage)
                .append(" (should be well below the CPU count, else the figures are not comparable).\n\n");
        if (!creates.isEmpty()) {
            sb.append("| CreateInstance, one connection | instances | seconds | creates/s | errors |\n");
            sb.append("|---|---:|---:|---:|---:|\n");
            for (CreateRow c : creates) {
                int n = c.to() - c.from();
                sb.append("| ").append(c.from()).append(" → ").append(c.to()).append(" | ").append(n)
                        .append(" | ").append(f(c.seconds(), 2)).append(" | ").append(f(n / c.seconds(), 0))
                        .append(" | ").append(c.errors()).append(c.firstError() == null ? "" : " (" + clip(c.firstError()) + ")")
                        .append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("| N | operation | C | req/s | p50 ms | p99 ms | max ms | KB/resp | errors"
                + " | upper-limit req/s | upper p50 ms | ours/upper | server CPU ms/req | VmRSS MB | VmHWM MB | heap used MB |\n");
        sb.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadRow r : rows) {
            LoadResult o = r.ours();
            LoadResult u = r.upper();
            sb.append("| ").append(r.instances()).append(" | ").append(r.operation()).append(" | ").append(o.clients())
                    .append(" | ").append(f(o.requestsPerSecond(), 1))
                    .append(" | ").append(f(o.latency().percentileMillis(0.50), 2))
                    .append(" | ").append(f(o.latency().percentileMillis(0.99), 2))
                    .append(" | ").append(f(o.latency().maxMillis(), 1))
                    .append(" | ").append(f(o.bytesPerResponse() / 1024, 1))
                    .append(" | ").append(o.errors())
                    .append(" | ").append(u == null ? "—" : f(u.requestsPerSecond(), 1))
                    .append(" | ").append(u == null ? "—" : f(u.latency().percentileMillis(0.50), 2))
                    .append(" | ").append(u == null ? "—" : f(o.requestsPerSecond() / u.requestsPerSecond(), 2))
                    .append(" | ").append(f(o.serverCpuMillisPerRequest(), 3))
                    .append(" | ").append(f(r.memory().rssMiB(), 0))
                    .append(" | ").append(f(r.memory().hwmMiB(), 0))
                    .append(" | ").append(f(r.memory().heapUsedMiB(), 0))
                    .append(" |\n");
        }
        for (LoadRow r : rows) {
            if (r.ours().firstError() != null) notes.add("first error, " + r.operation() + " N=" + r.instances()
                    + " C=" + r.ours().clients() + ": " + clip(r.ours().firstError()));
            if (r.upper() != null && r.upper().firstError() != null) notes.add("first upper-limit error, " + r.operation()
                    + " N=" + r.instances() + " C=" + r.upper().clients() + ": " + clip(r.upper().firstError()));
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (String n : notes) sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }

    void appendTo(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The header of {@link #appendCsvTo}'s lines. */
    static final String CSV_HEADER = "run,load_average_1m,n,operation,clients,req_per_s,p50_ms,p90_ms,p99_ms,max_ms,kb_per_resp,errors,"
            + "upper_req_per_s,upper_p50_ms,upper_p99_ms,server_cpu_ms_per_req,vmrss_mb,vmhwm_mb,heap_used_mb";

    /**
     * Appends one line per load row (header first when the file is new): what bench.charts.BenchmarkCharts draws.
     * {@code run} is the report's date and time, so the lines of one run belong together.
     */
    void appendCsvTo(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder sb = new StringBuilder();
        if (!Files.exists(file)) sb.append(CSV_HEADER).append('\n');
        String load1 = loadAverage.split(" ")[0];
        for (LoadRow r : rows) {
            LoadResult o = r.ours();
            LoadResult u = r.upper();
            sb.append(run).append(',').append(load1).append(',').append(r.instances()).append(',')
                    .append(r.operation().replace(',', ';')).append(',').append(o.clients()).append(',')
                    .append(f(o.requestsPerSecond(), 2)).append(',').append(f(o.latency().percentileMillis(0.50), 3)).append(',')
                    .append(f(o.latency().percentileMillis(0.90), 3)).append(',').append(f(o.latency().percentileMillis(0.99), 3)).append(',')
                    .append(f(o.latency().maxMillis(), 3)).append(',').append(f(o.bytesPerResponse() / 1024, 1)).append(',')
                    .append(o.errors()).append(',')
                    .append(u == null ? "" : f(u.requestsPerSecond(), 2)).append(',')
                    .append(u == null ? "" : f(u.latency().percentileMillis(0.50), 3)).append(',')
                    .append(u == null ? "" : f(u.latency().percentileMillis(0.99), 3)).append(',')
                    .append(csv(o.serverCpuMillisPerRequest(), 4)).append(',').append(csv(r.memory().rssMiB(), 0)).append(',')
                    .append(csv(r.memory().hwmMiB(), 0)).append(',').append(csv(r.memory().heapUsedMiB(), 0)).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String csv(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : f(v, decimals);
    }

    private static String f(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ').replace("|", "\\|");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
