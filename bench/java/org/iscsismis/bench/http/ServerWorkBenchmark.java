package org.iscsismis.bench.http;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import org.iscsismis.bench.CountingOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.CimXmlResponseWriter;
import org.iscsismis.cimxml.EncodedInstances;
import org.iscsismis.cimxml.ParsedRequest;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;

/**
 * The server's own work per response for every row of the load driver, without HTTP and without a client: the
 * request is decoded, dispatched and written as CIM-XML into a byte-counting stream on this one thread, and the
 * thread's CPU time and the bytes it allocated are read before and after. Both figures hardly move with the
 * machine's load (unlike throughput), so changes are decided on them. The server is a real one started in this
 * JVM (demo off), optionally on another schema directory ({@code --mof}, e.g. {@code bench.mof.FullSchema}).
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iscsismis.bench.http.ServerWorkBenchmark \
 *     [--mof DIR] [--rows ei1000,ei10000,eiprops,get,ecn,pull,query1,query100,fql] [--rounds 30] [--csv FILE --label NAME]
 *     [--encoded-bytes N]</pre>
 * {@code --encoded-bytes} is the budget of the instances kept as encoded bytes (cache.encodedInstancesBytes; its
 * default unless given; 0 encodes every instance of every response, as before the cache).
 * Each row runs {@code rounds} times; the first half warms up, the second half is measured. {@code --csv} appends
 * one line per row, labelled (e.g. with the commit measured), for bench.charts.BenchmarkCharts.
 */
public final class ServerWorkBenchmark {

    private static final List<String> ALL_ROWS = List.of("ei1000", "ei10000", "eiprops", "get", "ecn", "pull", "query100", "query1", "fql");
    private static final Pattern CONTEXT = Pattern.compile("NAME=\"EnumerationContext\"[^>]*>(?:<VALUE>([^<]*)</VALUE>)?");
    private static final Pattern END = Pattern.compile("NAME=\"EndOfSequence\"[^>]*><VALUE>(TRUE|FALSE)</VALUE>");
    private static final int PULL_BATCH = 1000;
    private static final int GETS_PER_ROUND = 2000;

    private final Dispatcher dispatcher;
    private final CimXmlRequestReader reader = new CimXmlRequestReader();
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final int rounds;
    private final StringBuilder table = new StringBuilder();
    private final StringBuilder csv = new StringBuilder();
    private final String label;
    private final EncodedInstances encoded;

    static final String CSV_HEADER = "run,load_average_1m,label,row,results,kb_per_resp,cpu_ms_best,cpu_ms_median,allocated_kb_per_resp";

    private ServerWorkBenchmark(Dispatcher dispatcher, int rounds, String label, EncodedInstances encoded) {
        this.encoded = encoded;
        this.dispatcher = dispatcher;
        this.rounds = rounds;
        this.label = label;
    }

    public static void main(String[] args) throws Exception {
        HttpLoadDriver.quietLogging();
        List<String> rows = ALL_ROWS;
        int rounds = 30;
        Path csvFile = null;
        String label = "";
        long encodedBytes = ServerConfig.DEFAULT_ENCODED_INSTANCES_BYTES;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ServerConfig.DEMO_ENABLED, "false");
        settings.put(ServerConfig.LOG_LEVEL, "warn");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> {
                    List<String> given = List.of(args[++i].split(","));
                    rows = ALL_ROWS.stream().filter(given::contains).toList(); // in order: ei1000 before the rows of 10 000
                }
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--mof" -> settings.put("schema.mofDir", Path.of(args[++i]).toAbsolutePath().toString());
                case "--csv" -> csvFile = Path.of(args[++i]);
                case "--label" -> label = args[++i].replace(',', ';');
                case "--encoded-bytes" -> encodedBytes = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // free ports for every endpoint: two runs at once, or a server already running, must not collide
        ServerConfig config = ServerConfig.of(settings).withHttpPort(0).withIscsiPort(0).with(ServerConfig.HTTPS_PORT, "0");
        try (IscsiSmisServer server = IscsiSmisServer.start(config)) {
            ServerWorkBenchmark b = new ServerWorkBenchmark(server.dispatcher(), rounds, label,
                    EncodedInstances.withBudget(encodedBytes));
            b.run(rows);
            if (csvFile != null) {
                b.appendCsv(csvFile);
            }
        }
    }

    private void run(List<String> rows) throws Exception {
        table.append("| row | results | KB/resp | CPU ms/resp (best) | CPU ms/resp (median) | allocated KB/resp | heap after GC MB |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        execute(BenchWorkload.createClassBody(), OutputStream.nullOutputStream());
        int created = 0;
        for (String row : rows) {
            int needed = row.equals("ei1000") ? 1000 : row.equals("ecn") ? 0 : 10_000;
            for (; created < needed; created++) {
                execute(BenchWorkload.createInstanceBody(created), OutputStream.nullOutputStream());
            }
            measure(row);
        }
        System.out.printf("Java %s, %d CPUs, load average %s, %d rounds (half warm-up)%n%n%s", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Report.loadAverage(), rounds, table);
    }

    private void measure(String row) throws Exception {
        Operation op = switch (row) {
            case "ei1000", "ei10000" -> out -> execute(BenchWorkload.enumerateInstancesBody(), out);
            case "eiprops" -> out -> execute(BenchWorkload.enumerateInstancesPropertyListBody(), out);
            case "ecn" -> out -> execute(BenchWorkload.enumerateClassNamesDeepBody(), out);
            case "query100" -> out -> execute(BenchWorkload.execQueryBody(BenchWorkload.queryAll()), out);
            case "query1" -> out -> execute(BenchWorkload.execQueryBody(BenchWorkload.queryCounterBelow(100)), out);
            case "pull" -> out -> pull(BenchWorkload.openEnumerateInstancesBody(PULL_BATCH), out);
            case "fql" -> out -> pull(BenchWorkload.openEnumerateInstancesBody(PULL_BATCH, BenchWorkload.fqlCounterBelow(100)), out);
            case "get" -> out -> {
                for (int k = 0; k < GETS_PER_ROUND; k++) {
                    execute(BenchWorkload.getInstanceBody(BenchWorkload.instanceId((k * 7919) % 10_000)), out);
                }
            };
            default -> throw new IllegalArgumentException("unknown row " + row + "; rows: " + ALL_ROWS);
        };
        int perRound = row.equals("get") ? GETS_PER_ROUND : 1;
        String results = row.equals("get") ? "1" : row.equals("ei1000") ? "1000" : row.equals("ecn") ? "all classes"
                : row.equals("query1") || row.equals("fql") ? "100" : "10000";
        double[] cpu = new double[rounds - rounds / 2];
        long allocated = 0;
        long bytes = 0;
        long tid = Thread.currentThread().getId();
        for (int r = 0; r < rounds; r++) {
            CountingOutputStream out = new CountingOutputStream();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long alloc0 = threads.getThreadAllocatedBytes(tid);
            op.run(out);
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
            long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
            if (r >= rounds / 2) {
                cpu[r - rounds / 2] = cpuNanos / 1e6 / perRound;
                allocated += alloc / perRound;
                bytes = out.count() / perRound;
            }
        }
        Arrays.sort(cpu);
        String line = String.format(Locale.ROOT, "| %s | %s | %.1f | %.3f | %.3f | %.1f | %.1f |%n", row, results, bytes / 1024.0,
                cpu[0], cpu[cpu.length / 2], allocated / 1024.0 / cpu.length, heapAfterGcMiB());
        System.out.print(line);
        table.append(line);
        csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%.1f,%.3f,%.3f,%.1f%n", RUN, Report.loadAverage().split(" ")[0], label, row,
                results.replace(' ', '_'), bytes / 1024.0, cpu[0], cpu[cpu.length / 2], allocated / 1024.0 / cpu.length));
    }

    private static final String RUN = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

    private void appendCsv(Path file) throws java.io.IOException {
        if (file.toAbsolutePath().getParent() != null) {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        }
        String head = java.nio.file.Files.exists(file) ? "" : CSV_HEADER + "\n";
        java.nio.file.Files.writeString(file, head + csv, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /**
     * The heap in use after full collections: what the rows so far left behind (the server, its schema, the
     * instances, and anything a row attached to them).
     */
    private static double heapAfterGcMiB() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50); // a measurement settling, not a test wait
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** Open, then Pulls with the returned context until EndOfSequence, all written to {@code out}. */
    private void pull(String openBody, OutputStream out) throws Exception {
        String body = openBody;
        for (int guard = 0; guard < 100_000; guard++) {
            Tail answer = new Tail(out);
            execute(body, answer);
            String text = answer.text();
            Matcher end = END.matcher(text);
            Matcher context = CONTEXT.matcher(text);
            if (!end.find() || !context.find()) {
                throw new IllegalStateException("no EndOfSequence/EnumerationContext in " + text);
            }
            if (end.group(1).equals("TRUE")) {
                return;
            }
            body = BenchWorkload.pullInstancesWithPathBody(context.group(1), PULL_BATCH);
        }
    }

    /** Passes the bytes on and keeps the last KiB (where the pull's out parameters are), so the harness allocates little. */
    private static final class Tail extends OutputStream {
        private final OutputStream next;
        private final byte[] last = new byte[1024];
        private int length;

        Tail(OutputStream next) {
            this.next = next;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            next.write(b, off, len);
            int keep = Math.min(len, last.length);
            int old = Math.min(length, last.length - keep);
            System.arraycopy(last, length - old, last, 0, old);
            System.arraycopy(b, off + len - keep, last, old, keep);
            length = old + keep;
        }

        String text() {
            return new String(last, 0, length, StandardCharsets.UTF_8);
        }
    }

    private void execute(String body, OutputStream out) throws Exception {
        ParsedRequest parsed = reader.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ReaderLimits.DEFAULT);
        CimXmlResponseWriter writer = new CimXmlResponseWriter(out, parsed.messageId(), parsed.request(), parsed.methodName(),
                parsed.intrinsic(), null, encoded);
        dispatcher.execute(parsed.request(), writer);
        writer.finishSuccess();
    }

    @FunctionalInterface
    private interface Operation {
        void run(OutputStream out) throws Exception;
    }

    /** Counts the bytes written and drops them. */
}
