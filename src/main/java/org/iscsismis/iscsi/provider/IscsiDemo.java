package org.iscsismis.iscsi.provider;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.MaskingModel;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.PairSpec;
import org.iscsismis.replication.ReplicationEngine;

/**
 * The demo content of a fresh target, created the same way on every start (so ids, and hence CIM keys, are the
 * same every time): pool {@code pool-1} "demo-pool"; disks {@code disk-1} "db-data", {@code disk-2} "logs",
 * {@code disk-3} "archive" holding data; a synchronous mirror of db-data (waited for until Synchronized), a
 * snapshot of logs, and a Low-priority clone of archive that stays in progress for minutes because its target
 * disk carries an injected latency ({@link #CLONE_CHUNK_LATENCY} per 64 KiB chunk, about seven minutes for the
 * 1 GiB fill; removed when the clone reaches Synchronized).
 */
public final class IscsiDemo {

    public static final long POOL_CAPACITY = 16L << 30;
    public static final long SMALL_DISK = 64L << 20;
    public static final long ARCHIVE_DISK = 1L << 30;
    public static final Duration CLONE_CHUNK_LATENCY = Duration.ofMillis(25);

    /** What the demo created. */
    public record Content(DiskPool pool, PairSnapshot mirror, PairSnapshot snapshot, PairSnapshot cloned) {
    }

    private IscsiDemo() {
    }

    public static Content populate(ReplicationEngine engine) {
        DiskRegistry disks = engine.disks();
        DiskPool pool = disks.createPool("demo-pool", POOL_CAPACITY);
        VirtualDisk db = disks.createDisk(pool.id(), "db-data", SMALL_DISK, 512);
        VirtualDisk logs = disks.createDisk(pool.id(), "logs", SMALL_DISK, 512);
        VirtualDisk archive = disks.createDisk(pool.id(), "archive", ARCHIVE_DISK, 4096);
        fill(db, 16, (byte) 'D');
        fill(logs, 8, (byte) 'L');
        fill(archive, 32, (byte) 'A');

        PairSnapshot mirror = engine.createPair(PairSpec.mirror(db.id(), Mode.SYNCHRONOUS).inPool(pool.id(), "db-data-mirror"));
        try {
            mirror = engine.awaitCopyState(mirror.id(), CopyState.SYNCHRONIZED).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the demo mirror synchronized", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the demo mirror did not reach Synchronized: " + e, e);
        }
        PairSnapshot snapshot = engine.createPair(PairSpec.snapshot(logs.id()).inPool(pool.id(), "logs-snapshot"));

        VirtualDisk cloneTarget = disks.createDisk(pool.id(), "archive-clone", archive.sizeBytes(), archive.blockSize());
        cloneTarget.faults().latency(CLONE_CHUNK_LATENCY);
        PairSnapshot clone = engine.createPair(PairSpec.clone(archive.id()).toDisk(cloneTarget.id()).priority(CopyPriority.LOW));
        // once the fill is done the clone is an ordinary disk again: no more injected latency for its host I/O
        engine.awaitCopyState(clone.id(), CopyState.SYNCHRONIZED)
                .thenRun(() -> cloneTarget.faults().latency(Duration.ZERO));
        return new Content(pool, mirror, snapshot, clone);
    }

    /** The demo host's initiator name (libiscsi's tools send it with {@code -i}). */
    public static final List<String> DEMO_HOST_INITIATORS = List.of("iqn.2026-12.org.iscsismis:demo-host");

    /**
     * One host, as ExposePaths would set it up: hardware IDs for {@link #DEMO_HOST_INITIATORS} and a protocol controller
     * ({@code spc-1}, its own target node {@code <target>:demo-host}) exposing db-data at LUN 0 and logs at LUN 1,
     * read-write. The default view stays, so every initiator still sees every volume on the system's target node.
     */
    public static void exposeHost(Masking masking, Content content) {
        SortedMap<Integer, Masking.Unit> units = new TreeMap<>(Map.of(
                0, new Masking.Unit(content.mirror().sourceDiskId(), MaskingModel.Access.READ_WRITE),
                1, new Masking.Unit(content.snapshot().sourceDiskId(), MaskingModel.Access.READ_WRITE)));
        masking.change(e -> {
            for (String initiator : DEMO_HOST_INITIATORS) {
                Masking.HardwareId id = new Masking.HardwareId(Masking.hardwareInstanceId(HardwareIdService.ISCSI_NAME, initiator),
                        initiator, HardwareIdService.ISCSI_NAME, "demo-host");
                e.hardwareIds.put(id.instanceId(), id);
            }
            String deviceId = e.newControllerId();
            e.controllers.put(deviceId, new Masking.Controller(deviceId, masking.nodeName("demo-host"), "demo-host", false,
                    new LinkedHashSet<>(DEMO_HOST_INITIATORS), units));
            return null;
        });
    }

    /** Writes {@code chunks} recognisable chunks spread over the disk. */
    private static void fill(VirtualDisk disk, int chunks, byte mark) {
        byte[] data = new byte[disk.chunkSize()];
        long stride = disk.sizeBytes() / chunks;
        for (int i = 0; i < chunks; i++) {
            Arrays.fill(data, (byte) (mark + i));
            disk.write(i * stride - (i * stride) % disk.chunkSize(), data);
        }
    }
}
