package org.iscsismis.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The server as a real process ({@code java -cp ... org.iscsismis.server.Main ARGS}), as a user starts it. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    private ServerProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        }, "server-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the server with {@code jvmOptions} and {@code args}, in {@code workDir}, output (with errors) read line by line. */
    static ServerProcess start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.iscsismis.server.Main"));
        command.addAll(List.of(args));
        return new ServerProcess(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start());
    }

    /** Starts the packaged jar ({@code java OPTIONS -jar JAR ARGS}) in the project directory, as the README does. */
    static ServerProcess startJar(Path jar, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** SIGKILL: the process ends at once, nothing of it runs (no shutdown hook, no flush); waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not die of SIGKILL within 60 s");
        }
        reader.join(10_000);
    }

    /** The first output line starting with {@code prefix}, waiting up to a minute; AssertionError with the output otherwise. */
    String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String s : seen) {
            if (s.startsWith(prefix)) {
                return s;
            }
        }
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.startsWith(prefix)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line starting with \"" + prefix + "\"; output so far:\n" + String.join("\n", seen));
    }

    /** Sends SIGTERM and waits for the exit status (at most a minute). */
    int terminate() throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM on Unix; Process.destroy() would also close our end of its output
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within 60 s of SIGTERM");
        }
        reader.join(10_000); // the last lines the process printed
        return process.exitValue();
    }

    /** The operating system's process id (for /proc and jcmd). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything printed so far (for failure messages). */
    String output() {
        lines.drainTo(seen);
        return String.join("\n", seen);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
