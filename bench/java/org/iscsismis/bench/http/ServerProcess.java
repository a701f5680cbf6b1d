package org.iscsismis.bench.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server under test as a subprocess: {@code java OPTS -jar JAR --http-port PORT --iscsi-port 0}, output to a
 * log file, ready when it answers an HTTP request (any status), stopped with SIGTERM then SIGKILL.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 180_000;

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code java JVM_OPTS -jar JAR --http-port PORT SERVER_ARGS}. */
    static ServerProcess start(Path jar, String jvmOpts, List<String> serverArgs, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " not found: build it first with mvn -q -DskipTests package");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!jvmOpts.isBlank()) command.addAll(Arrays.asList(jvmOpts.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString(), "--http-port", Integer.toString(port), "--https-port", "0",
                "--iscsi-port", "0"));
        command.addAll(serverArgs);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(p, port, log);
        System.out.println("started " + String.join(" ", command) + " (pid " + p.pid() + ", log " + log + ")");
        server.awaitReady();
        return server;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/cimom");
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() throws IOException, InterruptedException {
        BenchWorkload probe = new BenchWorkload(url(), null, false);
        byte[] request = probe.request(BenchWorkload.enumerateClassNamesBody());
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        long t0 = System.nanoTime();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + ":\n" + logTail());
            }
            try (HttpConnection c = new HttpConnection("127.0.0.1", port)) {
                c.exchange(request);
                System.out.printf("server answers after %.2f s%n", (System.nanoTime() - t0) / 1e9);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("server did not answer within " + START_TIMEOUT_MS + " ms:\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
