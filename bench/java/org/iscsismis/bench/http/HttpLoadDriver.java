package org.iscsismis.bench.http;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load driver for the targets of TARGETS.md (a benchmark program, not a test). It creates class
 * {@code Bench_Item} and its instances over CIM-XML, then measures EnumerateInstances and GetInstance
 * with C concurrent keep-alive connections, checks every response, samples the server's memory, and
 * runs the same load against a Jetty replay of the captured responses (the "upper limit"). Instance
 * counts are reached incrementally on one server (1 000, then 9 000 more for 10 000, ...). Usage and
 * reading of the table: docs/benchmarks.md, section "HTTP load driver"; options: {@link DriverOptions}. With
 * --in-process it also measures rows through providers (associations, a method, StorageSynchronized pairs),
 * on a server in its own JVM ({@link InProcessServer}).
 */
public final class HttpLoadDriver {
    private static final Pattern ERROR_CODE = Pattern.compile("<ERROR CODE=\"(\\d+)\"");
    private static final Pattern KEYVALUE = Pattern.compile("<KEYVALUE[^>]*>([^<]*)</KEYVALUE>");

    private final DriverOptions options;
    private final Report report;
    private BenchWorkload workload;
    private HttpConnection setup;
    private LoadRunner ours;
    private long serverPid = -1;
    private UpperLimitServer upper;
    private InProcessServer inProcess;

    private HttpLoadDriver(DriverOptions options, Report report) {
        this.options = options;
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        DriverOptions options;
        try {
            options = DriverOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) System.err.println(e.getMessage());
            System.err.print(DriverOptions.USAGE);
            System.exit(2);
            return;
        }
        String target = options.selfCheck ? "SELF-CHECK against FakeCimServer (driver test aid, not a measurement of iscsi-smis)"
                : options.startServer ? "server jar started by the driver (" + options.jar + ", " + options.serverJvmOpts + ")"
                : options.inProcess ? "server in the driver's JVM (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB max heap, shared)"
                : "server at " + options.url;
        Report report = new Report(target, "HttpLoadDriver " + DriverOptions.commandLine(args));
        int rc = new HttpLoadDriver(options, report).run();
        System.exit(rc);
    }

    private int run() throws Exception {
        if (options.selfCheck) ClientSelfCheck.run();
        FakeCimServer fake = null;
        ServerProcess process = null;
        try {
            URI url;
            if (options.selfCheck) {
                fake = new FakeCimServer();
                url = fake.url();
            } else if (options.inProcess) {
                inProcess = new InProcessServer(options.serverSettings);
                url = inProcess.url();
                System.out.println("in-process server, provider.timeoutMs=" + inProcess.config().providerTimeout().toMillis());
            } else if (options.startServer) {
                process = ServerProcess.start(options.jar, options.serverJvmOpts, options.serverArgs, Path.of("target/bench-server.log"));
                url = process.url();
                serverPid = process.pid();
            } else {
                url = options.url;
                serverPid = options.serverPid;
            }
            if (options.upperLimit) {
                upper = new UpperLimitServer();
                report.note(String.format(java.util.Locale.ROOT, "Each row beside the upper limit: %.1f s of warm-up on each, then %d slices of %.1f s,"
                        + " ours and the upper limit's alternating (%.1f s of warm-up before each later slice), summed.",
                        options.warmupSeconds, options.slices, options.durationSeconds / options.slices, SLICE_WARMUP_SECONDS));
            }
            connect(url);
            measureAll();
        } catch (AbortRun e) {
            report.failure("run aborted: " + e.getMessage());
            System.err.println("run aborted: " + e.getMessage());
        } finally {
            if (setup != null) setup.close();
            if (upper != null) upper.close();
            if (process != null) {
                process.close();
            }
            if (fake != null) fake.close();
            if (inProcess != null) inProcess.close();
        }
        String markdown = report.markdown();
        System.out.println(markdown);
        if (options.out != null) {
            report.appendTo(options.out);
            System.out.println("appended to " + options.out);
        }
        if (options.csv != null) {
            report.appendCsvTo(options.csv);
            System.out.println("appended to " + options.csv);
        }
        boolean failed = report.errors() > 0;
        if (options.selfCheck) System.out.println(failed ? "SELF-CHECK FAILED" : "SELF-CHECK OK");
        return failed ? 1 : 0;
    }

    private void connect(URI url) {
        workload = new BenchWorkload(url, options.user, options.teTrailers);
        setup = new HttpConnection(url.getHost(), url.getPort());
        ours = new LoadRunner(url.getHost(), url.getPort());
    }

    private void measureAll() throws Exception {
        if (options.measures.contains("ecn")) measureClassNames();
        if (options.measures.stream().anyMatch(DriverOptions.BENCH_ITEM_MEASURES::contains)) {
            if (options.reuseInstances) {
                measureSize(options.instances[0]); // the checks of the first answers find a wrong count
                return;
            }
            prepareClass();
            int created = 0;
            for (int n : options.instances) {
                createInstances(created, n);
                created = n;
                measureSize(n);
            }
            if (options.url != null && !options.keepInstances) deleteInstances(created);
        }
        for (String m : DriverOptions.PROVIDER_MEASURES) {
            if (options.measures.contains(m)) measureProviders(m);
        }
    }

    /** One provider measure on the in-process server; N is the number of results per response. */
    private void measureProviders(String measure) throws Exception {
        switch (measure) {
            case "pget" -> measure("GetInstance (provider)", 1, List.of(new LoadRunner.Call(
                    workload.request(ProviderWorkload.getDiskBody("D1")), new ResponseCheck("INSTANCE", 1, ">D1<"))));
            case "assoc" -> {
                measure("AssociatorNames", 2, List.of(new LoadRunner.Call(
                        workload.request(ProviderWorkload.associatorNamesBody()), new ResponseCheck("OBJECTPATH", 2, ">D2<"))));
                measure("Associators", 2, List.of(new LoadRunner.Call(
                        workload.request(ProviderWorkload.associatorsBody()), new ResponseCheck("VALUE.OBJECTWITHPATH", 2, ">D2<"))));
            }
            case "method" -> measure("InvokeMethod", 1, List.of(new LoadRunner.Call(
                    workload.request(ProviderWorkload.countMethodBody(), "Count", ProviderWorkload.countMethodObject()),
                    new ResponseCheck("RETURNVALUE", 1, null))));
            case "pairs" -> {
                long t0 = System.nanoTime();
                int running = inProcess.createPairs(options.pairs, options.runningEvery);
                System.out.printf("created %d pairs (%d clones still copying) in %.1f s%n", options.pairs, running,
                        (System.nanoTime() - t0) / 1e9);
                report.note(options.pairs + " StorageSynchronized pairs, " + running
                        + " of them clones still copying during the rows");
                measure(ProviderWorkload.SYNCHRONIZED, options.pairs, List.of(new LoadRunner.Call(
                        workload.request(ProviderWorkload.enumerateSynchronizedBody(), "EnumerateInstances", ProviderWorkload.TARGET_NS),
                        new ResponseCheck("VALUE.NAMEDINSTANCE", options.pairs, null))));
            }
            default -> throw new IllegalArgumentException(measure);
        }
    }

    /**
     * EnumerateClassNames DeepInheritance=true of all of root/cimv2 (N = the number of classes, taken from the
     * first answer; every later answer must name as many).
     */
    private void measureClassNames() throws Exception {
        byte[] request = workload.request(BenchWorkload.enumerateClassNamesDeepBody());
        HttpResponse first = setup.exchange(request);
        int classes = new BytePattern("<CLASSNAME").countStartTags(first.body, first.bodyLength);
        if (first.status != 200 || classes == 0) {
            report.failure("EnumerateClassNames skipped: first answer HTTP " + first.status + " with " + classes + " class names");
            return;
        }
        measure("EnumerateClassNames", classes, List.of(new LoadRunner.Call(request, new ResponseCheck("CLASSNAME", classes, null))));
    }

    // ---- set-up ---------------------------------------------------------------------------------

    /** CreateClass; if the class exists (a server reached by --url), delete its instances and the class first. */
    private void prepareClass() throws IOException {
        CapturedResponse r = call(BenchWorkload.createClassBody());
        String code = errorCode(r);
        if (code == null) return;
        if (!code.equals("11")) throw new AbortRun("CreateClass failed: " + excerpt(r));
        System.out.println(BenchWorkload.CLASS_NAME + " exists: deleting its instances and re-creating it");
        CapturedResponse names = call(BenchWorkload.enumerateInstanceNamesBody());
        if (errorCode(names) != null) throw new AbortRun("EnumerateInstanceNames failed: " + excerpt(names));
        Matcher m = KEYVALUE.matcher(names.bodyAsString());
        while (m.find()) {
            CapturedResponse d = call(BenchWorkload.deleteInstanceBody(m.group(1)));
            if (errorCode(d) != null) throw new AbortRun("DeleteInstance failed: " + excerpt(d));
        }
        CapturedResponse dc = call(BenchWorkload.deleteClassBody());
        if (errorCode(dc) != null) throw new AbortRun("DeleteClass failed: " + excerpt(dc));
        CapturedResponse again = call(BenchWorkload.createClassBody());
        if (errorCode(again) != null) throw new AbortRun("CreateClass failed: " + excerpt(again));
    }

    /** CreateInstance for ids [from, to) over one connection, requests pre-built before the clock starts. */
    private void createInstances(int from, int to) throws IOException {
        List<byte[]> requests = new ArrayList<>(to - from);
        List<ResponseCheck> checks = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            requests.add(workload.request(BenchWorkload.createInstanceBody(i)));
            checks.add(new ResponseCheck("INSTANCENAME", 1, ">" + BenchWorkload.instanceId(i) + "<"));
        }
        long errors = 0;
        String firstError = null;
        try (HttpConnection c = new HttpConnection(setup.host(), setup.port())) {
            c.connect();
            long t0 = System.nanoTime();
            for (int k = 0; k < requests.size(); k++) {
                String problem;
                try {
                    problem = checks.get(k).validate(c.exchange(requests.get(k)));
                } catch (IOException e) {
                    problem = e.toString();
                    c.close();
                }
                if (problem != null) {
                    errors++;
                    if (firstError == null) firstError = "instance " + (from + k) + ": " + problem;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.add(new Report.CreateRow(from, to, seconds, errors, firstError));
            System.out.printf("CreateInstance %d -> %d: %.2f s, %.0f/s, %d errors%s%n", from, to, seconds,
                    (to - from) / seconds, errors, firstError == null ? "" : " (" + firstError + ")");
        }
        if (errors > 0) throw new AbortRun("CreateInstance failed " + errors + " times; first: " + firstError);
    }

    private void deleteInstances(int count) throws IOException {
        long errors = 0;
        for (int i = 0; i < count; i++) {
            if (errorCode(call(BenchWorkload.deleteInstanceBody(BenchWorkload.instanceId(i)))) != null) errors++;
        }
        call(BenchWorkload.deleteClassBody());
        System.out.println("deleted " + count + " instances (" + errors + " errors) and the class");
    }

    // ---- measures -------------------------------------------------------------------------------

    private void measureSize(int n) throws Exception {
        Map<String, List<LoadRunner.Call>> measures = new LinkedHashMap<>();
        if (options.measures.contains("enum")) {
            measures.put("EnumerateInstances", List.of(new LoadRunner.Call(
                    workload.request(BenchWorkload.enumerateInstancesBody()),
                    new ResponseCheck("VALUE.NAMEDINSTANCE", n, null))));
        }
        if (options.measures.contains("get")) {
            Random random = new Random(42L + n);
            List<LoadRunner.Call> gets = new ArrayList<>();
            for (int k = 0; k < Math.min(options.getKeys, n); k++) {
                String id = BenchWorkload.instanceId(random.nextInt(n));
                gets.add(new LoadRunner.Call(workload.request(BenchWorkload.getInstanceBody(id)),
                        new ResponseCheck("INSTANCE", 1, ">" + id + "<")));
            }
            measures.put("GetInstance", gets);
        }
        for (Map.Entry<String, List<LoadRunner.Call>> m : measures.entrySet()) {
            measure(m.getKey(), n, m.getValue());
        }
        if (options.measures.contains("query")) {
            int selected = Math.min(n, Math.max(1, n / 100));
            measure("ExecQuery 100 %", n, List.of(new LoadRunner.Call(
                    workload.request(BenchWorkload.execQueryBody(BenchWorkload.queryAll())),
                    new ResponseCheck("VALUE.OBJECTWITHPATH", n, null))));
            measure("ExecQuery 1 %", n, List.of(new LoadRunner.Call(
                    workload.request(BenchWorkload.execQueryBody(BenchWorkload.queryCounterBelow(selected))),
                    new ResponseCheck("VALUE.OBJECTWITHPATH", selected, null))));
        }
        if (options.measures.contains("pull")) {
            measurePull(n, null);
        }
        if (options.measures.contains("fql")) {
            measurePull(n, BenchWorkload.fqlCounterBelow(Math.min(n, Math.max(1, n / 100))));
        }
    }

    /**
     * OpenEnumerateInstances + PullInstancesWithPath until EndOfSequence, one enumeration counted as one request.
     * No upper-limit replay: the later requests carry the context of the earlier answers.
     */
    private void measurePull(int n, String fqlFilter) throws Exception {
        String operation = "Open+Pull/" + options.maxObjectCount + (fqlFilter == null ? "" : " FQL 1 %");
        PullConversation conversation = new PullConversation(workload, n, options.maxObjectCount, fqlFilter);
        String problem = conversation.run(setup).problem();
        if (problem != null) {
            String note = operation + " N=" + n + " skipped: first enumeration wrong: " + problem;
            report.failure(note);
            System.err.println(note);
            return;
        }
        for (int clients : options.clients) {
            LoadResult o = ours.run(List.of(LoadRunner.Call.of(conversation)), clients, options.warmupSeconds, options.durationSeconds,
                    () -> ProcessCpu.nanos(serverPid));
            ServerMemory memory = ServerMemory.sample(serverPid);
            report.add(new Report.LoadRow(n, operation, o, memory, null));
            System.out.printf("%-18s N=%-6d C=%-3d %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  errors %d  RSS %s MB%n",
                    operation, n, clients, o.requestsPerSecond(), o.latency().percentileMillis(0.5),
                    o.latency().percentileMillis(0.99), o.errors(),
                    Double.isNaN(memory.rssMiB()) ? "—" : String.format("%.0f", memory.rssMiB()));
        }
    }

    /** One row per client count: the load against the server, then (unless disabled) against the replay. */
    private void measure(String operation, int n, List<LoadRunner.Call> calls) throws Exception {
        Map<byte[], CapturedResponse> captured = captureAndCheck(operation, n, calls);
        if (captured == null) return;
        LoadRunner replay = null;
        if (upper != null) {
            upper.load(captured);
            replay = new LoadRunner(upper.url().getHost(), upper.url().getPort());
        }
        for (int clients : options.clients) {
            LoadResult o;
            LoadResult u = null;
            ServerMemory memory;
            if (replay == null) {
                o = ours.run(calls, clients, options.warmupSeconds, options.durationSeconds, () -> ProcessCpu.nanos(serverPid));
                memory = ServerMemory.sample(serverPid);
            } else {
                LoadResult[] both = alternating(calls, clients, replay);
                o = both[0];
                u = both[1];
                memory = ServerMemory.sample(serverPid);
            }
            report.add(new Report.LoadRow(n, operation, o, memory, u));
            System.out.printf("%-18s N=%-6d C=%-3d %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  errors %d%s  RSS %s MB%n",
                    operation, n, clients, o.requestsPerSecond(), o.latency().percentileMillis(0.5),
                    o.latency().percentileMillis(0.99), o.errors(),
                    u == null ? "" : String.format("  upper %9.1f req/s (ours/upper %.2f)",
                            u.requestsPerSecond(), o.requestsPerSecond() / u.requestsPerSecond()),
                    Double.isNaN(memory.rssMiB()) ? "—" : String.format("%.0f", memory.rssMiB()));
        }
    }

    /** Short warm-up of each slice after the first: the new connections' first requests. */
    private static final double SLICE_WARMUP_SECONDS = 0.3;

    /**
     * One row against the server and against the upper limit: each warmed up, then the measured time in
     * {@code --slices} slices, ours and the upper limit's alternating, summed into one result each.
     */
    private LoadResult[] alternating(List<LoadRunner.Call> calls, int clients, LoadRunner replay) throws InterruptedException {
        double slice = options.durationSeconds / options.slices;
        LoadResult o = null;
        LoadResult u = null;
        for (int k = 0; k < options.slices; k++) {
            double warmup = k == 0 ? options.warmupSeconds : SLICE_WARMUP_SECONDS;
            LoadResult os = ours.run(calls, clients, warmup, slice, () -> ProcessCpu.nanos(serverPid));
            LoadResult us = replay.run(calls, clients, warmup, slice);
            o = o == null ? os : o.plus(os);
            u = u == null ? us : u.plus(us);
        }
        return new LoadResult[] {o, u};
    }

    /**
     * Sends each distinct request once and checks its response; keeps the responses for the upper-limit
     * replay. Returns null (and notes why) when the server gets the first one wrong, so that a measure
     * that cannot succeed does not spend its whole duration on errors.
     */
    private Map<byte[], CapturedResponse> captureAndCheck(String operation, int n, List<LoadRunner.Call> calls)
            throws IOException {
        Map<byte[], CapturedResponse> captured = new LinkedHashMap<>();
        for (LoadRunner.Call call : calls) {
            HttpResponse r = setup.exchange(call.request());
            String problem = call.check().validate(r);
            if (problem != null) {
                String note = operation + " N=" + n + " skipped: first response wrong: " + problem;
                report.failure(note);
                System.err.println(note);
                return null;
            }
            captured.put(BenchWorkload.bodyOf(call.request()), r.capture());
            if (upper == null) break; // one check is enough when nothing is replayed
        }
        return captured;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private CapturedResponse call(String body) throws IOException {
        HttpResponse r = setup.exchange(workload.request(body));
        if (r.status != 200) {
            throw new AbortRun(BenchWorkload.methodOf(body) + ": HTTP " + r.statusLine
                    + (r.header("CIMError") == null ? "" : " CIMError: " + r.header("CIMError")));
        }
        return r.capture();
    }

    private static String errorCode(CapturedResponse r) {
        Matcher m = ERROR_CODE.matcher(r.bodyAsString());
        return m.find() ? m.group(1) : null;
    }

    private static String excerpt(CapturedResponse r) {
        String s = r.bodyAsString();
        int at = Math.max(0, s.indexOf("<ERROR"));
        return s.substring(at, Math.min(s.length(), at + 400));
    }

    static void quietLogging() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** A failure after which measuring makes no sense; the report is still printed. */
    private static final class AbortRun extends IOException {
        AbortRun(String message) {
            super(message);
        }
    }
}
