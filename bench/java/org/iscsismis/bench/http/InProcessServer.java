package org.iscsismis.bench.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.storage.StorageModel;

/**
 * An iscsi-smis server in the driver's own JVM (free port, no demo content, log level warn), with the
 * test storage model of the end-to-end tests in root/cimv2 (Test_Disk served by a provider with methods,
 * Test_DiskInPool by an association provider; hosts in root/interop) for the provider rows, and direct
 * access to the replication engine to create the pairs of the StorageSynchronized row. Client and server
 * share the JVM and the heap, so its figures are not comparable with a server started with --start-server.
 */
final class InProcessServer implements AutoCloseable {

    static final String NAMESPACE = "root/cimv2";
    /** 1 MiB disks (16 chunks of 64 KiB), thin: only the first chunk holds data, so 1 000 pairs need about 130 MB. */
    static final long PAIR_DISK_BYTES = 1L << 20;
    /** Per-chunk latency on the target of every clone: each copy takes this long, and they queue for the copy workers. */
    static final Duration RUNNING_COPY_CHUNK_LATENCY = Duration.ofSeconds(30);

    private final IscsiSmisServer server;

    InProcessServer(Map<String, String> settings) {
        ServerConfig config = ServerConfig.of(settings).withHttpPort(0).withIscsiPort(0).with(ServerConfig.DEMO_ENABLED, "false");
        if (!settings.containsKey(ServerConfig.LOG_LEVEL)) config = config.withLogLevel("warn");
        server = IscsiSmisServer.start(config, (repository, registry) -> StorageModel.install(repository, registry,
                CimNamespace.of(NAMESPACE), CimNamespace.of("root/interop")));
    }

    URI url() {
        return server.url().resolve("/cimom");
    }

    ServerConfig config() {
        return server.config();
    }

    /**
     * Creates {@code count} pairs on 1 MiB disks holding one chunk of data, each source with its own target: every
     * {@code runningEvery}-th a Low-priority clone whose target writes slowly (so its copy is still running
     * while the rows are measured), the others synchronous mirrors, waited for until Synchronized before the
     * clones start (the slow clones would otherwise hold the copy workers).
     *
     * @return how many pairs are still copying
     */
    int createPairs(int count, int runningEvery) throws Exception {
        ReplicationEngine engine = server.target().engine();
        DiskRegistry disks = engine.disks();
        DiskPool pool = disks.createPool("bench-pairs", 4L * count * PAIR_DISK_BYTES);
        byte[] data = new byte[disks.chunkSize()];
        List<VirtualDisk> cloneSources = new ArrayList<>();
        List<CompletableFuture<?>> mirrors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            VirtualDisk source = disks.createDisk(pool.id(), "bench-src-" + i, PAIR_DISK_BYTES, 512);
            Arrays.fill(data, (byte) i);
            source.write(0, data);
            if (i % runningEvery == 0) {
                cloneSources.add(source);
            } else {
                PairSnapshot pair = engine.createPair(PairSpec.mirror(source.id(), Mode.SYNCHRONOUS).inPool(pool.id(), "bench-mirror-" + i));
                mirrors.add(engine.awaitCopyState(pair.id(), CopyState.SYNCHRONIZED));
            }
        }
        CompletableFuture.allOf(mirrors.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        for (VirtualDisk source : cloneSources) {
            VirtualDisk target = disks.createDisk(pool.id(), source.name().replace("src", "clone"), PAIR_DISK_BYTES, 512);
            target.faults().latency(RUNNING_COPY_CHUNK_LATENCY);
            engine.createPair(PairSpec.clone(source.id()).toDisk(target.id()).priority(CopyPriority.LOW));
        }
        return cloneSources.size();
    }

    @Override
    public void close() {
        server.close();
    }
}
