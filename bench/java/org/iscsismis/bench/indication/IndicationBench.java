package org.iscsismis.bench.indication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.RawIndicationListener;

/**
 * Indication delivery figures: indications delivered per second to 1 and to 10 listeners (a burst of repository
 * modifications, each matching one subscription per listener, timed until the last listener has all), and what a
 * ModifyInstance over HTTP costs with 10 listeners subscribed against none (interleaved rounds, medians).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iscsismis.bench.indication.IndicationBench [changes] [rounds]
 * </pre>
 */
public final class IndicationBench {

    private static final CimNamespace NS = CimNamespace.of("root/cimv2");
    private static final ObjectPath PROFILE = ObjectPath.builder("CIM_RegisteredProfile").namespace(NS).key("InstanceID", "bench:1").build();

    private IndicationBench() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ServerConfig config = ServerConfig.defaults().withHttpPort(0).withIscsiPort(0).with(ServerConfig.DEMO_ENABLED, "false")
                .with(ServerConfig.INDICATION_QUEUE_CAPACITY, Integer.toString(changes))
                .with(ServerConfig.INDICATION_MAX_DESTINATIONS, "1000")
                .withLogLevel("warn");
        try (IscsiSmisServer server = IscsiSmisServer.start(config)) {
            server.repository().createInstance(NS, CimInstance.builder("CIM_RegisteredProfile").path(PROFILE)
                    .property("InstanceID", "bench:1").property("RegisteredVersion", "v").build());
            Subscriber subscriber = new Subscriber(server.url().resolve("/cimom"));
            subscriber.filter();
            System.out.printf("load average before: %s%n", loadAverage());
            for (int listeners : new int[] {1, 10}) {
                double best = 0;
                Allocation least = null;
                for (int r = 0; r < 3; r++) {
                    Allocation before = Allocation.now();
                    best = Math.max(best, throughput(server, subscriber, listeners, changes));
                    Allocation used = Allocation.now().minus(before);
                    least = least == null || used.bytes() < least.bytes() ? used : least;
                }
                long deliveries = (long) listeners * changes;
                System.out.printf("delivered per second, %2d listener(s), %d changes: best of 3 = %.0f/s (load %s); allocated per "
                        + "delivery by the delivery threads, least of 3: %.0f B%n", listeners, changes, best, loadAverage(),
                        least.bytes() / (double) deliveries);
            }
            latency(server, subscriber, rounds);
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    /** Indications delivered per second for a burst of {@code changes} to {@code n} listeners. */
    private static double throughput(IscsiSmisServer server, Subscriber subscriber, int n, int changes) throws Exception {
        List<RawIndicationListener> listeners = new ArrayList<>();
        List<String> subscriptions = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                RawIndicationListener l = new RawIndicationListener(Pattern.compile("(?!)"));
                listeners.add(l);
                subscriptions.add(subscriber.subscribe("bench-" + System.nanoTime(), l.url()));
            }
            long started = System.nanoTime();
            burst(server, changes);
            for (RawIndicationListener l : listeners) {
                while (l.count() < changes) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return n * (double) changes / seconds;
        } finally {
            for (String s : subscriptions) {
                subscriber.unsubscribe(s);
            }
            listeners.forEach(RawIndicationListener::close);
        }
    }

    /**
     * Bytes allocated so far by the server's delivery threads (the indication service's own, its HTTP client's), from
     * HotSpot's per-thread counters: independent of the machine's load. (The listeners' threads are gone by the time it
     * is read, and a thread's count goes with it, so a whole-JVM figure would undercount.)
     */
    private record Allocation(long bytes) {
        static Allocation now() {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long bytes = 0;
            for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t != null && (t.getThreadName().startsWith("indication-") || t.getThreadName().startsWith("HttpClient-"))) {
                    bytes += Math.max(0, mx.getThreadAllocatedBytes(t.getThreadId()));
                }
            }
            return new Allocation(bytes);
        }

        Allocation minus(Allocation earlier) {
            return new Allocation(bytes - earlier.bytes);
        }
    }

    private static void burst(IscsiSmisServer server, int changes) {
        for (int i = 0; i < changes; i++) {
            server.repository().modifyInstance(NS, CimInstance.builder("CIM_RegisteredProfile").path(PROFILE)
                    .property("RegisteredVersion", CimValue.ofString("v" + i)).build(), List.of(CimName.of("RegisteredVersion")));
        }
    }

    /** ModifyInstance over HTTP, none subscribed vs 10 listeners subscribed, interleaved rounds of 200 requests. */
    private static void latency(IscsiSmisServer server, Subscriber subscriber, int rounds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI cimom = server.url().resolve("/cimom");
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            without.add(modifyMicros(http, cimom, 200));
            List<RawIndicationListener> listeners = new ArrayList<>();
            List<String> subscriptions = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                RawIndicationListener l = new RawIndicationListener(Pattern.compile("(?!)"));
                listeners.add(l);
                subscriptions.add(subscriber.subscribe("lat-" + System.nanoTime(), l.url()));
            }
            with.add(modifyMicros(http, cimom, 200));
            for (String s : subscriptions) {
                subscriber.unsubscribe(s);
            }
            listeners.forEach(RawIndicationListener::close);
        }
        double a = median(without);
        double b = median(with);
        System.out.printf("ModifyInstance median over %d rounds: %.0f µs without subscriptions, %.0f µs with 10 listeners "
                + "subscribed: added %.0f µs (%.2fx) (load %s)%n", rounds, a, b, b - a, b / a, loadAverage());
    }

    /** The median latency, in µs, of {@code n} ModifyInstance requests, one after the other. */
    private static double modifyMicros(HttpClient http, URI cimom, int n) throws Exception {
        double[] micros = new double[n];
        for (int i = 0; i < n; i++) {
            String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" "
                    + "PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"ModifyInstance\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
                    + "<NAMESPACE NAME=\"cimv2\"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"ModifiedInstance\"><VALUE.NAMEDINSTANCE>"
                    + "<INSTANCENAME CLASSNAME=\"CIM_RegisteredProfile\"><KEYBINDING NAME=\"InstanceID\"><KEYVALUE>bench:1</KEYVALUE>"
                    + "</KEYBINDING></INSTANCENAME><INSTANCE CLASSNAME=\"CIM_RegisteredProfile\"><PROPERTY NAME=\"RegisteredVersion\" "
                    + "TYPE=\"string\"><VALUE>m" + i + "</VALUE></PROPERTY></INSTANCE></VALUE.NAMEDINSTANCE></IPARAMVALUE>"
                    + "<IPARAMVALUE NAME=\"PropertyList\"><VALUE.ARRAY><VALUE>RegisteredVersion</VALUE></VALUE.ARRAY></IPARAMVALUE>"
                    + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request(cimom, "ModifyInstance", "root%2Fcimv2", body), HttpResponse.BodyHandlers.ofString());
            micros[i] = (System.nanoTime() - t0) / 1e3;
            if (r.statusCode() != 200 || r.body().contains("<ERROR")) {
                throw new IllegalStateException("ModifyInstance failed: " + r.body());
            }
        }
        Arrays.sort(micros);
        return micros[n / 2];
    }

    static HttpRequest request(URI cimom, String method, String object, String body) {
        return HttpRequest.newBuilder(cimom).header("Content-Type", "application/xml; charset=utf-8")
                .header("CIMOperation", "MethodCall").header("CIMMethod", method).header("CIMObject", object)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        return v.get(v.size() / 2);
    }

    private static String loadAverage() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")), StandardCharsets.US_ASCII)
                    .split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
