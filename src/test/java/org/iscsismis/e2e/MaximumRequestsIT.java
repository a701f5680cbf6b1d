package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server as README starts it (a process of its own with README's JVM options, the demo target) takes 16
 * concurrent requests of the largest size the default limits admit, in the shapes that cost the most heap once
 * decoded. Each is served (200) or refused as busy (503 with Retry-After); the process never runs out of memory
 * (with -XX:+ExitOnOutOfMemoryError it would exit), and it serves an ordinary request afterwards.
 */
class MaximumRequestsIT {

    private static final int MAX_BODY = 4 << 20;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+)/cimom");

    private static Process server;
    private static final List<String> output = new CopyOnWriteArrayList<>();
    private static URI url;

    @BeforeAll
    static void start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // README's options, the class-data archive aside (it only changes start-up, and is made for the jar, not this class path)
        ServerMemoryIT.readmeJvmOptions().stream().filter(o -> !o.startsWith("-XX:SharedArchiveFile")).forEach(command::add);
        // for measuring (docs/configuration.md, "JVM options"), e.g. -Dmaxrequests.jvm=-Xlog:gc:file=target/gc.log
        String extra = System.getProperty("maxrequests.jvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.iscsismis.server.Main", "--http-port", "0", "--iscsi-port", "0"));
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url = URI.create(m.group(1));
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                output.add("(output closed: " + e + ")");
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        assertTrue(listening.await(120, TimeUnit.SECONDS), () -> "the server did not start: " + output);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void sixteenConcurrentMaximumRequestsAreServedOrRefusedNeverOutOfMemory() throws Exception {
        RawCimHttp http = new RawCimHttp(url);
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                for (int i = 0; i < 16; i++) {
                    byte[] body = LargeRequests.shape(i % LargeRequests.SHAPES, MAX_BODY - 64);
                    answers.add(clients.submit(() -> {
                        go.await();
                        return http.post("CreateInstance", "root/cimv2", body);
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> f : answers) {
                    HttpResponse<String> r = f.get(5, TimeUnit.MINUTES);
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    assertTrue(r.statusCode() == 200 || r.statusCode() == 503, () -> r.statusCode() + " " + r.body());
                    if (r.statusCode() == 503) {
                        assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
                        assertTrue(r.body().contains("memory budget"), r.body());
                    } else {
                        assertTrue(r.body().contains("<ERROR CODE=\"5\""), "decoded, then INVALID_CLASS: " + r.body());
                    }
                }
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.println("MaximumRequestsIT: 48 maximum requests answered " + statuses + " (HTTP status -> count)");
        assertTrue(statuses.getOrDefault(200, 0) > 0, "some maximum requests were served: " + statuses);
        assertTrue(server.isAlive(), () -> "the server exited: " + output);
        HttpResponse<String> ordinary = http.post("EnumerateQualifiers", "root/cimv2", RawCimHttp.intrinsic("EnumerateQualifiers", ""));
        assertEquals(200, ordinary.statusCode());
        assertFalse(output.stream().anyMatch(l -> l.contains("OutOfMemoryError")), () -> String.join("\n", output));
    }
}
