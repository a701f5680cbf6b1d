package org.iscsismis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Runs of the packaged server on one data directory of a test's own (under {@code target/data-dir-test}, removed on
 * {@link #close}), started as a user starts it with free HTTP and iSCSI ports, and the SBLIM session to each run.
 */
final class DataDirectoryRuns implements AutoCloseable {

    private static final String BANNER = "iscsi-smis listening on ";

    private final Path dataDir;

    DataDirectoryRuns(String name) {
        this.dataDir = Path.of("target", "data-dir-test", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
    }

    /** A server on the directory, small heap, no HTTPS; {@code more} are further command-line options. */
    ServerProcess start(String... more) throws IOException {
        Files.createDirectories(dataDir);
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--http-port", "0", "--iscsi-port", "0",
                "--no-https"));
        args.addAll(List.of(more));
        return ServerProcess.startJar(Path.of("target", "iscsi-smis.jar"), List.of("-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), args.toArray(String[]::new));
    }

    /** A client of the run, once it listens. */
    static Session session(ServerProcess server) throws InterruptedException {
        String banner = server.awaitLine(BANNER);
        URI url = URI.create(banner.substring(BANNER.length()).split(" ")[0].replace("/cimom", ""));
        WBEMClient client = SblimClients.connect(url);
        return new Session(client, new ReplicationCalls(client));
    }

    record Session(WBEMClient client, ReplicationCalls calls) {
    }

    @Override
    public void close() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (var files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
