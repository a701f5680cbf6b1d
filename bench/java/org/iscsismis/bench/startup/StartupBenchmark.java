package org.iscsismis.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up time of the server: N fresh JVMs of {@code java -jar target/iscsi-smis.jar --http-port 0},
 * each timed from process start to the banner line ("iscsi-smis listening on ..."), then stopped
 * with SIGTERM. Also reports the in-JVM schema compile+load time the server logs
 * ("Schema loaded from ... in N ms").
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -cp target/test-classes [-Dbench.jvmArgs="-XX:TieredStopAtLevel=1 ..."] \
 *      org.iscsismis.bench.startup.StartupBenchmark [RUNS] [JAR] [extra server args...]
 * </pre>
 * {@code bench.jvmArgs} (space-separated) are passed to the server JVM, e.g. to try AppCDS.
 */
public final class StartupBenchmark {

    private static final Pattern SCHEMA = Pattern.compile("Schema loaded from .* in (\\d+) ms");

    private StartupBenchmark() {
    }

    record Run(long readyMillis, long schemaMillis) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of(args.length > 1 ? args[1] : "target/iscsi-smis.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found; run mvn -q -DskipTests package first");
        }
        List<String> extra = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run r = once(java, jar, extra);
            results.add(r);
            System.out.printf("run %d: ready after %d ms (schema compile+load %d ms)%n", i, r.readyMillis(), r.schemaMillis());
        }
        System.out.println(summary("wall time to ready", results.stream().map(Run::readyMillis).toList()));
        System.out.println(summary("schema compile+load", results.stream().map(Run::schemaMillis).toList()));
    }

    static Run once(String java, Path jar, List<String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java));
        String jvmArgs = System.getProperty("bench.jvmArgs", "").trim();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--http-port", "0"));
        command.addAll(extra);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        long ready = -1;
        long schema = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = SCHEMA.matcher(line);
                if (m.find()) {
                    schema = Long.parseLong(m.group(1));
                }
                if (line.startsWith("iscsi-smis listening on ")) {
                    ready = (System.nanoTime() - start) / 1_000_000;
                    break;
                }
            }
            p.destroy(); // SIGTERM
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the server did not stop within 20 s of SIGTERM");
            }
        }
        if (ready < 0) {
            throw new IllegalStateException("the server exited (status " + p.exitValue() + ") without its banner");
        }
        return new Run(ready, schema);
    }

    static String summary(String what, List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        double mean = values.stream().mapToLong(Long::longValue).average().orElse(0);
        return String.format("%s: median %d ms, mean %.0f ms, min %d ms, max %d ms (%d runs)", what, median, mean,
                sorted.get(0), sorted.get(sorted.size() - 1), values.size());
    }
}
