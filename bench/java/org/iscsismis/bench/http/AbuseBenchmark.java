package org.iscsismis.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iscsismis.e2e.SlowClients;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;

/**
 * Timings of the abuse limits (docs/benchmarks.md, "Limits under abuse"): a normal client's GetInstance latency
 * with no attack and during 2 000 slow-header plus 500 slow-body connections (phases interleaved), and the time a
 * million-digit number takes to be refused. An in-process server with the default limits; not a test.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.iscsismis.bench.http.AbuseBenchmark [requests per phase]</pre>
 */
public final class AbuseBenchmark {

    private static final String SLOW_HEAD = "POST /cimom HTTP/1.1\r\nHost: localhost\r\nX-Trickle: ";
    private static final String SLOW_BODY = "POST /cimom HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/xml; charset=utf-8\r\n"
            + "Content-Length: 1000\r\nCIMOperation: MethodCall\r\nCIMMethod: GetClass\r\nCIMObject: root/cimv2\r\n\r\n<?xml";

    private AbuseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (IscsiSmisServer server = IscsiSmisServer.start(ServerConfig.defaults().withHttpPort(0).withLogLevel("warn"))) {
            URI cimom = server.url().resolve("/cimom");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String names = post(http, cimom, "EnumerateInstanceNames", "root/interop",
                    "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"CIM_ObjectManager\"/></IPARAMVALUE>");
            String instanceName = names.substring(names.indexOf("<INSTANCENAME"), names.indexOf("</INSTANCENAME>") + 15);
            String getInstance = "<IPARAMVALUE NAME=\"InstanceName\">" + instanceName + "</IPARAMVALUE>";
            measure(http, cimom, getInstance, requests); // warm-up
            System.out.println("| phase | GetInstance | p50 ms | p99 ms | max ms | slow connections opened |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            for (int round = 0; round < 2; round++) {
                report("quiet", measure(http, cimom, getInstance, requests), "-");
                try (Attack attack = new Attack(server.httpPort())) {
                    report("attack", measure(http, cimom, getInstance, requests), attack.description);
                }
            }
            String digits = "7".repeat(1_000_000);
            String number = "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"CIM_ObjectManager\"><KEYBINDING NAME=\"Name\">"
                    + "<KEYVALUE VALUETYPE=\"numeric\">" + digits + "</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>";
            long[] ms = new long[7];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                String answer = post(http, cimom, "GetInstance", "root/interop", number);
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
                if (!answer.contains("<ERROR CODE=\"4\"")) {
                    throw new IllegalStateException("expected INVALID_PARAMETER: " + answer.substring(0, 300));
                }
            }
            Arrays.sort(ms);
            System.out.println();
            System.out.println("1 000 000-digit KEYVALUE, 7 requests: median " + ms[3] + " ms, min " + ms[0] + " ms, max "
                    + ms[6] + " ms (answer: CIM_ERR_INVALID_PARAMETER)");
        }
    }

    private static void report(String phase, long[] micros, String slow) {
        Arrays.sort(micros);
        System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %s |%n", phase, micros.length, micros[micros.length / 2] / 1000.0,
                micros[(int) Math.ceil(micros.length * 0.99) - 1] / 1000.0, micros[micros.length - 1] / 1000.0, slow);
    }

    private static long[] measure(HttpClient http, URI cimom, String getInstance, int n) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            String answer = post(http, cimom, "GetInstance", "root/interop", getInstance);
            micros[i] = (System.nanoTime() - t0) / 1000;
            if (!answer.contains("<INSTANCE ")) {
                throw new IllegalStateException("GetInstance failed: " + answer);
            }
        }
        return micros;
    }

    private static String post(HttpClient http, URI cimom, String method, String ns, String params) throws Exception {
        String[] segments = ns.split("/");
        StringBuilder path = new StringBuilder("<LOCALNAMESPACEPATH>");
        for (String s : segments) {
            path.append("<NAMESPACE NAME=\"").append(s).append("\"/>");
        }
        path.append("</LOCALNAMESPACEPATH>");
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\""
                + " PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">" + path + params
                + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        HttpRequest request = HttpRequest.newBuilder(cimom).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml; charset=utf-8").header("CIMOperation", "MethodCall")
                .header("CIMMethod", method).header("CIMObject", ns)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    /** 2 000 slow-header connections from 6 addresses and 500 slow-body ones from 10, trickled by a thread of their own. */
    private static final class Attack implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread trickler;
        final String description;

        Attack(int port) throws Exception {
            SlowClients heads = SlowClients.open(port, 2000, 1, 6, SLOW_HEAD);
            SlowClients bodies = SlowClients.open(port, 500, 2, 10, SLOW_BODY);
            description = "2 000 slow heads, 500 slow bodies";
            List<SlowClients> all = new ArrayList<>(List.of(heads, bodies));
            trickler = new Thread(() -> {
                while (running.get()) {
                    all.forEach(SlowClients::trickle);
                    try {
                        Thread.sleep(500); // pacing of the attack: one byte per connection every half second
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                all.forEach(SlowClients::close);
            }, "trickler");
            trickler.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            trickler.interrupt();
            trickler.join();
        }
    }
}
