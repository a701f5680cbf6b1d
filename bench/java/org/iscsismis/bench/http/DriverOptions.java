package org.iscsismis.bench.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Command-line options of {@link HttpLoadDriver}; see {@link #USAGE}. */
final class DriverOptions {

    /** The server JVM options docs/configuration.md recommends ("JVM options"); --server-jvm-opts replaces them. */
    static final String RECOMMENDED_SERVER_JVM_OPTS = "-XX:+UseSerialGC -Xmx72m -Xmn8m -XX:TrimNativeHeapInterval=2000";

    static final String USAGE = """
            Usage: HttpLoadDriver (--url URL | --start-server | --in-process | --self-check) [options]
              --url URL                 target an already running server, e.g. http://127.0.0.1:5988/cimom
              --start-server            launch the server jar as a subprocess on a free port, stop it at the end
              --in-process              start the server in the driver's JVM, with the test storage model's providers
                                        (needed by the provider measures assoc, method, pget, pairs)
              --server-set KEY=VALUE    with --in-process: a server configuration setting (repeatable),
                                        e.g. provider.timeoutMs=0
              --self-check              run the driver against its in-process FakeCimServer (driver test aid)
              --jar PATH                server jar for --start-server (default target/iscsi-smis.jar)
              --server-jvm-opts "OPTS"  JVM options for --start-server (default: those docs/configuration.md
                                        recommends, "-XX:+UseSerialGC -Xmx72m -Xmn8m -XX:TrimNativeHeapInterval=2000")
              --server-pid PID          with --url: pid of the server, to sample its memory and CPU time
              --mof DIR                 with --start-server: the server compiles the schema in DIR (its --mof), e.g.
                                        target/full-schema from bench.mof.FullSchema (the complete DMTF schema)
              --instances 1000,10000    instance counts (ascending; created incrementally on one server)
              --clients 1,4,16          concurrent keep-alive connections per measure
              --measures enum,get       which measures to run: enum = EnumerateInstances, get = GetInstance,
                                        pull = OpenEnumerateInstances + PullInstancesWithPath until EndOfSequence,
                                        one full enumeration counted as one request (all of Bench_Item,
                                        repository); fql = the same with the DMTF:FQL filter "Counter < N/100";
                                        query = ExecQuery "SELECT * FROM Bench_Item" and "... WHERE Counter < N/100";
                                        ecn = EnumerateClassNames DeepInheritance=true of root/cimv2 (all classes,
                                        once, before the Bench_Item rows); with --in-process also assoc = AssociatorNames and
                                        Associators of a pool with two disks (association provider), method =
                                        InvokeMethod Test_Disk.Count, pget = GetInstance of a provider's Test_Disk,
                                        pairs = EnumerateInstances of MSISCSITARGET_StorageSynchronized
              --pairs 1000              pairs created for the pairs measure (1 MiB disks with data)
              --running-every 10        every n-th of those pairs is a clone still copying during the run
              --max-object-count 1000   MaxObjectCount of the pull measure's Open and Pulls
              --duration-seconds 10     measured time per row
              --warmup-seconds 3        unmeasured time before each row
              --get-keys 2000           distinct pre-built GetInstance requests (random existing keys)
              --no-upper-limit          skip the Jetty replay of the captured responses
              --slices 5                a row beside the upper limit: after each one's warm-up, the measured time
                                        is cut into this many slices, ours and the upper limit's alternating, so
                                        that the machine's drift within a row touches both alike (1: ours whole,
                                        then the upper limit's whole)
              --te-trailers             send "TE: trailers" (allows chunked responses with trailers)
              --user NAME:PASSWORD      HTTP Basic credentials
              --keep-instances          with --url: do not delete the instances at the end
              --reuse-instances         with --url: measure the instances a run with --keep-instances left (one
                                        --instances count), without deleting and creating them again
              --out FILE.md             append the markdown report to FILE.md
              --csv FILE.csv            append one line per row to FILE.csv (header written when the file is new;
                                        bench.charts.BenchmarkCharts draws the charts from it)
            """;

    /** Measures on the Bench_Item workload (any server). */
    static final List<String> BENCH_ITEM_MEASURES = List.of("enum", "get", "pull", "fql", "query");
    /** Measures that need no Bench_Item instances (any server). */
    static final List<String> SCHEMA_MEASURES = List.of("ecn");
    /** Measures through providers, in the order they run (in-process server only). */
    static final List<String> PROVIDER_MEASURES = List.of("pget", "assoc", "method", "pairs");

    URI url;
    boolean startServer;
    boolean selfCheck;
    boolean inProcess;
    java.util.Map<String, String> serverSettings = new java.util.LinkedHashMap<>();
    int pairs = 1000;
    int runningEvery = 10;
    Path jar = Path.of("target/iscsi-smis.jar");
    String serverJvmOpts = RECOMMENDED_SERVER_JVM_OPTS;
    long serverPid = -1;
    int[] instances = {1000, 10000};
    int[] clients = {1, 4, 16};
    List<String> measures = List.of("enum", "get");
    double durationSeconds = 10;
    double warmupSeconds = 3;
    int slices = 5;
    int getKeys = 2000;
    int maxObjectCount = 1000;
    boolean upperLimit = true;
    boolean teTrailers;
    String user;
    boolean keepInstances;
    boolean reuseInstances;
    Path out;
    Path csv;
    List<String> serverArgs = new ArrayList<>();

    private boolean instancesGiven;
    private boolean clientsGiven;
    private boolean durationGiven;
    private boolean warmupGiven;

    static DriverOptions parse(String[] args) {
        DriverOptions o = new DriverOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--url" -> o.url = URI.create(value(args, ++i, a));
                case "--start-server" -> o.startServer = true;
                case "--self-check" -> o.selfCheck = true;
                case "--in-process" -> o.inProcess = true;
                case "--server-set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq < 1) throw new IllegalArgumentException("--server-set needs KEY=VALUE, got " + kv);
                    o.serverSettings.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--pairs" -> o.pairs = Integer.parseInt(value(args, ++i, a));
                case "--running-every" -> o.runningEvery = Integer.parseInt(value(args, ++i, a));
                case "--jar" -> o.jar = Path.of(value(args, ++i, a));
                case "--server-jvm-opts" -> o.serverJvmOpts = value(args, ++i, a);
                case "--server-pid" -> o.serverPid = Long.parseLong(value(args, ++i, a));
                case "--instances" -> { o.instances = ints(value(args, ++i, a)); o.instancesGiven = true; }
                case "--clients" -> { o.clients = ints(value(args, ++i, a)); o.clientsGiven = true; }
                case "--measures" -> o.measures = List.of(value(args, ++i, a).toLowerCase(Locale.ROOT).split(","));
                case "--duration-seconds" -> { o.durationSeconds = Double.parseDouble(value(args, ++i, a)); o.durationGiven = true; }
                case "--warmup-seconds" -> { o.warmupSeconds = Double.parseDouble(value(args, ++i, a)); o.warmupGiven = true; }
                case "--get-keys" -> o.getKeys = Integer.parseInt(value(args, ++i, a));
                case "--max-object-count" -> o.maxObjectCount = Integer.parseInt(value(args, ++i, a));
                case "--no-upper-limit" -> o.upperLimit = false;
                case "--slices" -> o.slices = Integer.parseInt(value(args, ++i, a));
                case "--te-trailers" -> o.teTrailers = true;
                case "--user" -> o.user = value(args, ++i, a);
                case "--keep-instances" -> o.keepInstances = true;
                case "--reuse-instances" -> o.reuseInstances = true;
                case "--out" -> o.out = Path.of(value(args, ++i, a));
                case "--csv" -> o.csv = Path.of(value(args, ++i, a));
                case "--mof" -> o.serverArgs.addAll(List.of("--mof", value(args, ++i, a)));
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        int targets = (o.url != null ? 1 : 0) + (o.startServer ? 1 : 0) + (o.selfCheck ? 1 : 0) + (o.inProcess ? 1 : 0);
        if (targets != 1) {
            throw new IllegalArgumentException("give exactly one of --url, --start-server, --in-process, --self-check");
        }
        if (!o.serverSettings.isEmpty() && !o.inProcess) throw new IllegalArgumentException("--server-set needs --in-process");
        if (o.pairs < 1 || o.runningEvery < 1) throw new IllegalArgumentException("--pairs and --running-every must be >= 1");
        if (o.selfCheck) {
            // small defaults so that the self-check finishes in well under a minute
            if (!o.instancesGiven) o.instances = new int[] {300, 1500};
            if (!o.clientsGiven) o.clients = new int[] {1, 4};
            if (!o.durationGiven) o.durationSeconds = 1.5;
            if (!o.warmupGiven) o.warmupSeconds = 0.5;
        }
        for (String m : o.measures) {
            if (!BENCH_ITEM_MEASURES.contains(m) && !PROVIDER_MEASURES.contains(m) && !SCHEMA_MEASURES.contains(m)) throw new IllegalArgumentException("unknown measure " + m);
            if (PROVIDER_MEASURES.contains(m) && !o.inProcess) throw new IllegalArgumentException("measure " + m + " needs --in-process");
        }
        if (!o.serverArgs.isEmpty() && !o.startServer) throw new IllegalArgumentException("--mof needs --start-server");
        if (o.reuseInstances && (o.url == null || o.instances.length != 1)) {
            throw new IllegalArgumentException("--reuse-instances needs --url and one --instances count");
        }
        if (o.slices < 1) throw new IllegalArgumentException("--slices must be >= 1");
        if (o.maxObjectCount < 1) throw new IllegalArgumentException("--max-object-count must be >= 1");
        Arrays.sort(o.instances);
        if (o.instances.length == 0 || o.instances[0] < 1) throw new IllegalArgumentException("--instances must be >= 1");
        for (int c : o.clients) if (c < 1) throw new IllegalArgumentException("--clients must be >= 1");
        return o;
    }

    /** The options as given, to print under the report so that every table says how it was made. */
    static String commandLine(String[] args) {
        List<String> quoted = new ArrayList<>();
        for (String a : args) quoted.add(a.contains(" ") ? "\"" + a + "\"" : a);
        return String.join(" ", quoted);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }
}
