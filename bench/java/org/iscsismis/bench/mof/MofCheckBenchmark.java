package org.iscsismis.bench.mof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mof check} of the complete DMTF CIM Schema 2.49.0, timed as a user runs it: a fresh JVM per run
 * ({@code java README-OPTIONS -jar JAR mof check cim_schema_2.49.0.mof}, JVM start included), several builds
 * interleaved (round 1 runs each once, then round 2, ...; a round 0 warms the page cache and is not counted), so
 * that all see the same machine load. Per build: the median, minimum and maximum wall time, and the median CPU time
 * (user + system, through {@code /usr/bin/time}; the figure least disturbed by other work), with the load average
 * before and after the series.
 *
 * <pre>
 * mvn -q -DskipTests package      (the tests unpack the release into target/cim_schema_2.49.0)
 * java -cp target/test-classes org.iscsismis.bench.mof.MofCheckBenchmark [--runs N] [--schema ROOT.mof] [LABEL=JAR...]
 * </pre>
 * Without builds it times {@code target/iscsi-smis.jar}. A build's class-data archive is the {@code .jsa} beside its
 * jar, used as README's command uses it (from the directory above the jar's, so that the archive matches).
 */
public final class MofCheckBenchmark {

    static final List<String> README_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx72m", "-Xmn8m", "-XX:TrimNativeHeapInterval=2000");

    private MofCheckBenchmark() {
    }

    record Run(double wallSeconds, double cpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path schema = Path.of("target", "cim_schema_2.49.0", "cim_schema_2.49.0.mof");
        Map<String, Path> builds = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--schema" -> schema = Path.of(args[++i]);
                default -> {
                    int eq = args[i].indexOf('=');
                    builds.put(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)));
                }
            }
        }
        if (builds.isEmpty()) {
            builds.put("this build", Path.of("target", "iscsi-smis.jar"));
        }
        if (!Files.isRegularFile(schema)) {
            System.err.println("no " + schema + ": run the tests once (they unpack the DMTF release there), or pass --schema");
            System.exit(2);
        }
        String loadBefore = loadAverage();
        Map<String, List<Run>> results = new LinkedHashMap<>();
        builds.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int round = 0; round <= runs; round++) {
            for (Map.Entry<String, Path> b : builds.entrySet()) {
                Run r = check(b.getValue(), schema.toAbsolutePath());
                if (round > 0) {
                    results.get(b.getKey()).add(r);
                }
            }
        }
        System.out.printf(Locale.ROOT, "mof check of %s, %d cold runs per build, interleaved; load average %s before, %s after%n",
                schema, runs, loadBefore, loadAverage());
        for (Map.Entry<String, List<Run>> e : results.entrySet()) {
            List<Double> wall = e.getValue().stream().map(Run::wallSeconds).sorted().toList();
            List<Double> cpu = e.getValue().stream().map(Run::cpuSeconds).sorted().toList();
            System.out.printf(Locale.ROOT, "%-14s wall median %.2f s (%.2f-%.2f), cpu median %.2f s%n", e.getKey(),
                    median(wall), wall.get(0), wall.get(wall.size() - 1), median(cpu));
        }
    }

    /** One cold {@code mof check}; fails the benchmark unless it reports 0 errors. */
    static Run check(Path jar, Path schema) throws IOException, InterruptedException {
        Path times = Files.createTempFile("mof-check-time", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S", "-o", times.toString(), "java"));
        Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        Path home = jar.toAbsolutePath().getParent().getParent();
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + home.relativize(archive.toAbsolutePath()));
        }
        command.addAll(README_OPTIONS);
        command.addAll(List.of("-jar", home.relativize(jar.toAbsolutePath()).toString(), "mof", "check", schema.toString()));
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !out.contains(" 0 errors")) {
            throw new IllegalStateException("mof check failed with " + jar + ":\n" + out);
        }
        String[] t = Files.readString(times).trim().split("\\s+");
        Files.delete(times);
        return new Run(Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]));
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
