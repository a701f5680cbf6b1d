package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.u64;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Heap and resident memory of the packaged server, started with README's JVM options and a data directory, while
 * 100 asynchronous mirrors of one 1 GiB volume (64 MiB of it written) exist and copy: samples {@code VmRSS} and
 * {@code jcmd GC.heap_info} once a second until every mirror has copied, and prints the peaks (docs/benchmarks.md,
 * "Data directory"). Run from the project directory after {@code mvn package}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.iscsismis.e2e.MirrorMemoryProbe}.
 */
public final class MirrorMemoryProbe {

    static final List<String> README_OPTIONS = List.of("-XX:SharedArchiveFile=target/iscsi-smis.jsa", "-XX:+UseSerialGC",
            "-Xmx64m", "-XX:TrimNativeHeapInterval=2000", "-XX:+ExitOnOutOfMemoryError");
    private static final int MIRRORS = Integer.getInteger("mirrors", 100);
    private static final int PIECE = 512 << 10;
    private static final long WRITTEN = 64L << 20;

    private MirrorMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "mirror-memory");
        try (ServerProcess server = ServerProcess.startJar(Path.of("target", "iscsi-smis.jar"), README_OPTIONS,
                "--data-dir", data.toString(), "--http-port", "0", "--no-https", "--enable-fault-injection")) {
            String banner = server.awaitLine("iscsi-smis listening on ");
            URI url = URI.create(banner.substring("iscsi-smis listening on ".length()).split(" ")[0].replace("/cimom", ""));
            WBEMClient client = SblimClients.connect(url);
            ReplicationCalls calls = new ReplicationCalls(client);
            String source = ReplicationCalls.diskId(calls.newVolume("pool-1", 1L << 30, "probe-source"));
            byte[] piece = new byte[PIECE];
            Random random = new Random(1);
            long stride = (1L << 30) / (WRITTEN / PIECE);
            for (long at = 0; at < 1L << 30; at += stride) { // 64 MiB spread over the volume
                random.nextBytes(piece);
                var a = calls.invoke("ISMIS_FaultInjectionService", "WriteBlocks", ref("Volume", ReplicationCalls.volume(source)),
                        u64("StartingBlock", at / 4096), text("Data", Base64.getEncoder().encodeToString(piece)));
                check(a.returnValue() == 0, "WriteBlocks: " + a);
            }
            Sample idle = Sample.of(server.pid());
            System.out.printf("after start and 64 MiB written: %s%n", idle);
            long t0 = System.nanoTime();
            for (int i = 0; i < MIRRORS; i++) {
                var a = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6), u16("Mode", 3),
                        ref("SourceElement", ReplicationCalls.volume(source)), ref("TargetPool", ReplicationCalls.pool("pool-1")),
                        text("ElementName", "probe-mirror-" + i));
                check(a.returnValue() == 0 || a.returnValue() == 4096, "CreateElementReplica " + i + ": " + a);
            }
            Sample peak = Sample.of(server.pid());
            int done = 0;
            while (done < MIRRORS) {
                Thread.sleep(1000); // sampling once a second: a measurement, not a test wait
                check(server.isAlive(), "the server died:\n" + server.output());
                peak = peak.max(Sample.of(server.pid()));
                done = 0;
                for (CIMInstance pair : SblimClients.all(client.enumerateInstances(SblimClients.classPath(ReplicationCalls.NS,
                        "MSISCSITARGET_StorageSynchronized"), true, false, false, null))) {
                    Object percent = pair.getPropertyValue("PercentSynced");
                    boolean mirror = ((Number) pair.getPropertyValue("SyncType")).intValue() == 6;
                    done += mirror && percent != null && ((Number) percent).intValue() == 100 ? 1 : 0;
                }
                done -= 1; // the demo's own synchronous mirror
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d mirrors of a 1 GiB volume (64 MiB written) created and copied in %.1f s (%.0f MiB/s);"
                    + " peaks while copying: %s%n", MIRRORS, seconds, MIRRORS * 64 / seconds, peak);
            check(!server.output().contains("OutOfMemoryError"), "OutOfMemoryError:\n" + server.output());
            client.close();
            System.out.println(server.terminate() == 0 ? "stopped with exit status 0" : "stopped abnormally");
        } finally {
            try (var paths = Files.walk(data)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    /** Resident set and heap in use (young + old generation, as {@code jcmd GC.heap_info} reports them), in KiB. */
    record Sample(long rssKib, long heapUsedKib) {

        static Sample of(long pid) throws Exception {
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            long used = 0;
            for (String line : new String(jcmd.getInputStream().readAllBytes()).split("\n")) {
                int at = line.indexOf(" used ");
                if (line.contains("generation") && at > 0) {
                    used += Long.parseLong(line.substring(at + 6).trim().split("K")[0]);
                }
            }
            jcmd.waitFor();
            return new Sample(rss, used);
        }

        Sample max(Sample other) {
            return new Sample(Math.max(rssKib, other.rssKib), Math.max(heapUsedKib, other.heapUsedKib));
        }

        @Override
        public String toString() {
            return String.format("RSS %.1f MiB, heap used %.1f MiB", rssKib / 1024.0, heapUsedKib / 1024.0);
        }
    }
}
