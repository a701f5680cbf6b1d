package org.iscsismis.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up time of the server, measured from outside: fresh JVMs of {@code java OPTIONS -jar
 * target/iscsi-smis.jar --http-port 0 ARGS}, several variants run interleaved (round 1 runs each
 * variant once, then round 2, ...) so that all variants see the same machine load. Round 0 is a
 * warm-up (page cache, this JVM's own classes) and is not counted.
 *
 * <p>Per run: <b>ready</b> = process start to the banner line ("iscsi-smis listening on ...");
 * <b>answered</b> = process start to the complete 200 answer of the first request
 * (EnumerateInstanceNames of MSISCSITARGET_StorageSynchronized, sent as soon as the banner appears);
 * <b>cpu</b> = user+system CPU time of the server process at the banner (Linux {@code /proc}, 10 ms
 * ticks; less sensitive than wall time to other work on the machine); <b>schema</b> = the compile+load
 * time the server logs; <b>pairs</b> = instance names in the first answer (3 with the demo, 0 without).
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/test-classes org.iscsismis.bench.startup.StartupBenchmark [--runs N] [--jar PATH] [VARIANT...]
 * </pre>
 * A VARIANT is {@code label=JVM OPTIONS} or {@code label=JVM OPTIONS -- SERVER ARGS}, for example
 * {@code "readme=-XX:+UseSerialGC -Xmx72m -Xmn8m"} or {@code "no-demo=-XX:+UseSerialGC -- --no-demo"}; options that
 * end in {@code -jar PATH} start another build of the server (to compare two builds in one series).
 * Without variants it compares the README command with and without the demo, and without the
 * class-data archive.
 */
public final class StartupBenchmark {

    private static final Pattern SCHEMA = Pattern.compile("Schema loaded from .* in (\\d+) ms");
    private static final String BANNER = "iscsi-smis listening on ";
    private static final Pattern PORT = Pattern.compile(BANNER + "http://[^:]+:(\\d+)/");
    private static final String README_OPTIONS = "-XX:SharedArchiveFile=target/iscsi-smis.jsa -XX:+UseSerialGC -Xmx72m -Xmn8m "
            + "-XX:TrimNativeHeapInterval=2000";
    private static final String NO_ARCHIVE_OPTIONS = "-XX:+UseSerialGC -Xmx72m -Xmn8m -XX:TrimNativeHeapInterval=2000";

    private StartupBenchmark() {
    }

    record Variant(String label, List<String> jvmOptions, List<String> serverArgs) {
        static Variant parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a variant is label=JVM OPTIONS [-- SERVER ARGS], got " + spec);
            }
            String rest = spec.substring(eq + 1);
            int dashes = (" " + rest + " ").indexOf(" -- ");
            String jvm = dashes < 0 ? rest : rest.substring(0, Math.max(0, dashes - 1));
            String args = dashes < 0 ? "" : rest.substring(Math.min(rest.length(), dashes + 3));
            return new Variant(spec.substring(0, eq), words(jvm), words(args));
        }

        private static List<String> words(String s) {
            return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
        }
    }

    record Run(long readyMillis, long answeredMillis, long cpuMillis, long schemaMillis, int pairs) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        Path jar = Path.of("target/iscsi-smis.jar");
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> variants.add(Variant.parse(args[i]));
            }
        }
        if (variants.isEmpty()) {
            variants.add(Variant.parse("readme=" + README_OPTIONS));
            variants.add(Variant.parse("readme, --no-demo=" + README_OPTIONS + " -- --no-demo"));
            variants.add(Variant.parse("readme without the archive=" + NO_ARCHIVE_OPTIONS));
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found; run mvn -q -DskipTests package first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("%d cores, load average at start: %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        Map<Variant, List<Run>> results = new LinkedHashMap<>();
        for (int round = 0; round <= runs; round++) {
            for (Variant v : variants) {
                Run r = once(java, jar, v);
                if (round == 0) {
                    continue;
                }
                results.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                System.out.printf("round %d, %s: ready %d ms, answered %d ms, cpu %d ms, schema %d ms, %d pairs%n", round,
                        v.label(), r.readyMillis(), r.answeredMillis(), r.cpuMillis(), r.schemaMillis(), r.pairs());
            }
        }
        System.out.printf("load average at end: %s%n", loadAverage());
        System.out.println("| variant | ready | answered | cpu at ready | schema compile+load |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<Variant, List<Run>> e : results.entrySet()) {
            List<Run> rs = e.getValue();
            System.out.printf("| %s | %s | %s | %s | %s |%n", e.getKey().label(), summary(rs, Run::readyMillis),
                    summary(rs, Run::answeredMillis), summary(rs, Run::cpuMillis), summary(rs, Run::schemaMillis));
        }
        System.out.println("(median, then min–max, in ms; " + runs + " runs each, interleaved)");
    }

    static Run once(String java, Path jar, Variant variant) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(variant.jvmOptions());
        if (!variant.jvmOptions().contains("-jar")) {
            command.addAll(List.of("-jar", jar.toString()));
        }
        command.addAll(List.of("--http-port", "0", "--https-port", "0", "--iscsi-port", "0"));
        command.addAll(variant.serverArgs());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long ready = -1;
        long answered = -1;
        long cpu = -1;
        long schema = -1;
        int pairs = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                Matcher m = SCHEMA.matcher(line);
                if (m.find()) {
                    schema = Long.parseLong(m.group(1));
                }
                if (line.startsWith(BANNER)) {
                    ready = (System.nanoTime() - start) / 1_000_000;
                    cpu = cpuMillis(p.pid());
                    Matcher port = PORT.matcher(line);
                    if (!port.find()) {
                        throw new IllegalStateException("no port in the banner: " + line);
                    }
                    pairs = firstAnswer(Integer.parseInt(port.group(1)));
                    answered = (System.nanoTime() - start) / 1_000_000;
                    break;
                }
            }
            p.destroy(); // SIGTERM
            drain(in);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the server did not stop within 20 s of SIGTERM");
            }
        }
        if (ready < 0) {
            throw new IllegalStateException("the server exited (status " + p.exitValue() + ") without its banner: "
                    + command + "\n" + output);
        }
        return new Run(ready, answered, cpu, schema, pairs);
    }

    /** Sends the first request and returns how many instance names the 200 answer holds. */
    static int firstAnswer(int port) throws IOException {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"EnumerateInstanceNames\">"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"cimv2\"/><NAMESPACE NAME=\"storage\"/>"
                + "<NAMESPACE NAME=\"iscsitarget\"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"ClassName\">"
                + "<CLASSNAME NAME=\"MSISCSITARGET_StorageSynchronized\"/></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /cimom HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/xml; charset=utf-8\r\nCIMOperation: MethodCall\r\n"
                + "CIMMethod: EnumerateInstanceNames\r\nCIMObject: root%2Fcimv2%2Fstorage%2Fiscsitarget\r\n"
                + "Connection: close\r\nContent-Length: " + content.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 200") || !response.contains("</IRETURNVALUE>")) {
                throw new IllegalStateException("the first request failed: "
                        + response.substring(0, Math.min(300, response.length())));
            }
            return response.split("<INSTANCENAME CLASSNAME=\"MSISCSITARGET_StorageSynchronized\"", -1).length - 1;
        }
    }

    /** User+system CPU time of a process so far, from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Reads the server's shutdown lines, so it never blocks on a full pipe; the stream may close under us. */
    private static void drain(BufferedReader in) {
        try {
            while (in.readLine() != null) {
                // discarded
            }
        } catch (IOException e) {
            // closed when the process ended
        }
    }

    static String summary(List<Run> runs, ToLongFunction<Run> what) {
        List<Long> sorted = runs.stream().map(what::applyAsLong).sorted().toList();
        return String.format("%d (%d–%d)", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
