package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iscsismis.bench.http.BenchWorkload;
import org.iscsismis.bench.mof.FullSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Memory under load, not speed: a server process started with the README's JVM options and the complete DMTF
 * schema serves a fixed number of large answers to 16 clients at once (enumerations of 10 000 instances, deep
 * class-name enumerations) in rounds. Every answer must be whole and right, the server must never run out of
 * memory, and its heap after a full collection must stay flat from round to round.
 */
class ServerMemoryIT {

    private static final int INSTANCES = 10_000;
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 3;
    private static final int ENUMERATIONS_PER_CLIENT = 2;
    private static final int CLASS_NAME_ENUMERATIONS_PER_CLIENT = 20;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/cimom)");
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private Process server;
    private final StringBuffer log = new StringBuffer();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void heapStaysFlatUnderLargeConcurrentAnswersWithTheCompleteSchema() throws Exception {
        assumeTrue(Files.isRegularFile(FullSchema.DEFAULT_ZIP), "the DMTF CIM Schema zip is not at " + FullSchema.DEFAULT_ZIP);
        Path schema = FullSchema.prepare(FullSchema.DEFAULT_ZIP, Path.of("mof"), FullSchema.DEFAULT_DIR);
        URI url = start(readmeJvmOptions(), schema);

        post(url, BenchWorkload.createClassBody()); // void: status 200 and no ERROR (checked by post)
        for (int i = 0; i < INSTANCES; i++) {
            String answer = post(url, BenchWorkload.createInstanceBody(i));
            assertTrue(answer.contains(BenchWorkload.instanceId(i)), () -> "CreateInstance: " + answer);
        }
        int classes = count(post(url, BenchWorkload.enumerateClassNamesDeepBody()), "<CLASSNAME ");
        assertTrue(classes > 1600, "the complete schema is served: " + classes + " classes");

        long[] heapAfterGc = new long[ROUNDS];
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    done.add(clients.submit(() -> {
                        for (int k = 0; k < ENUMERATIONS_PER_CLIENT; k++) {
                            assertEquals(INSTANCES, countStreamed(url, BenchWorkload.enumerateInstancesBody(), "<VALUE.NAMEDINSTANCE>"));
                        }
                        for (int k = 0; k < CLASS_NAME_ENUMERATIONS_PER_CLIENT; k++) {
                            assertEquals(classes, countStreamed(url, BenchWorkload.enumerateClassNamesDeepBody(), "<CLASSNAME "));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(10, TimeUnit.MINUTES);
                }
                assertTrue(server.isAlive(), "server still running after round " + round);
                heapAfterGc[round] = heapUsedAfterFullGcKiB(server.pid());
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.println("ServerMemoryIT: heap after a full GC per round (KiB): " + Arrays.toString(heapAfterGc)
                + "; VmHWM " + vmHwmKiB(server.pid()) + " KiB");
        assertFalse(log.toString().contains("OutOfMemoryError"), () -> "OutOfMemoryError in the server log:\n" + log);
        long first = heapAfterGc[0];
        for (long later : heapAfterGc) {
            assertTrue(later <= first + Math.max(2048, first / 10),
                    "heap after a full GC grew from round to round (KiB): " + Arrays.toString(heapAfterGc));
        }
    }

    /** The JVM options of the README's run command (between {@code java} and {@code -jar}). */
    static List<String> readmeJvmOptions() throws IOException {
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            int java = line.indexOf(" java -");
            int jar = line.indexOf(" -jar target/iscsi-smis.jar");
            if (java >= 0 && jar > java) {
                return List.of(line.substring(java + " java ".length(), jar).trim().split("\\s+"));
            }
        }
        throw new AssertionError("README.md has no run command 'java ... -jar target/iscsi-smis.jar'");
    }

    private URI start(List<String> jvmOptions, Path schema) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", "target/iscsi-smis.jar", "--http-port", "0", "--https-port", "0", "--iscsi-port", "0", "--no-demo",
                "--mof", schema.toString()));
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            log.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        for (String l; (l = out.readLine()) != null; ) {
                            log.append(l).append('\n');
                        }
                    } catch (IOException ignored) {
                        // the server stopped
                    }
                }, "server-log");
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("the server did not start (" + String.join(" ", command) + "):\n" + log);
    }

    private HttpRequest request(URI url, String body) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/xml; charset=utf-8")
                .header("CIMOperation", "MethodCall")
                .header("CIMMethod", BenchWorkload.methodOf(body))
                .header("CIMObject", BenchWorkload.NAMESPACE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private String post(URI url, String body) throws Exception {
        HttpResponse<String> r = http.send(request(url, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r::body);
        assertFalse(r.body().contains("<ERROR"), r::body);
        return r.body();
    }

    private static int count(String text, String element) {
        int n = 0;
        for (int at = text.indexOf(element); at >= 0; at = text.indexOf(element, at + 1)) {
            n++;
        }
        return n;
    }

    /** Reads the answer as it streams in and counts {@code element}; the answer must be complete and hold no ERROR. */
    private int countStreamed(URI url, String body, String element) throws Exception {
        HttpResponse<InputStream> r = http.send(request(url, body), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        byte[] pattern = element.getBytes(StandardCharsets.US_ASCII);
        byte[] end = "</CIM>".getBytes(StandardCharsets.US_ASCII);
        byte[] error = "<ERROR".getBytes(StandardCharsets.US_ASCII);
        int count = 0;
        int matched = 0;
        int endMatched = 0;
        int errorMatched = 0;
        boolean ended = false;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    matched = b == pattern[matched] ? matched + 1 : b == pattern[0] ? 1 : 0;
                    if (matched == pattern.length) {
                        count++;
                        matched = 0;
                    }
                    endMatched = b == end[endMatched] ? endMatched + 1 : b == end[0] ? 1 : 0;
                    if (endMatched == end.length) {
                        ended = true;
                        endMatched = 0;
                    }
                    errorMatched = b == error[errorMatched] ? errorMatched + 1 : b == error[0] ? 1 : 0;
                    assertTrue(errorMatched < error.length, "ERROR in the answer");
                }
            }
        }
        assertTrue(ended, "the answer ends with </CIM>");
        return count;
    }

    /** {@code jcmd PID GC.run}, then the heap in use from {@code GC.heap_info}, in KiB. */
    private static long heapUsedAfterFullGcKiB(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long used = 0;
        Matcher m = USED.matcher(info);
        while (m.find()) {
            used += Long.parseLong(m.group(1));
        }
        assertTrue(used > 0, () -> "no heap figures in: " + info);
        return used;
    }

    private static String vmHwmKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring("VmHWM:".length()).replace("kB", "").trim();
            }
        }
        return "?";
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jcmd " + command + " did not finish");
        return out;
    }
}
