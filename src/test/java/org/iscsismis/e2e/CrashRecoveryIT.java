package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.u64;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.junit.jupiter.api.Test;

/**
 * The packaged server, started with a data directory, killed with SIGKILL at random moments while a client writes
 * and replicates, 50 times in a row, restarted each time. The client writes through CIM (WriteBlocks with Flush:
 * acknowledged means on disk) and through iSCSI with an independent initiator (qemu-io, a write then SYNCHRONIZE
 * CACHE: acknowledged when both succeeded). After each restart, read back through CIM and through iSCSI: every
 * volume holds what was acknowledged (a write in flight may have landed, block by block), a synchronous mirror is
 * never Synchronized while its disks differ and Synchronized pairs are byte-equal, the snapshot shows its point in
 * time, the clone its own, and the pool counts exactly its volumes' chunks. Then a torn and a corrupted journal tail:
 * the server drops the record and starts consistent.
 */
class CrashRecoveryIT {

    private static final int KILLS = Integer.getInteger("crash.kills", 50);
    private static final int SIZE = 1 << 20;
    private static final int BLOCK = 512;
    private static final int PIECE = 512 << 10;
    private static final String FAULTS = "ISMIS_FaultInjectionService";
    private static final String POOL = "pool-1";

    /** The client's random choices (not the kill moments, which the machine's timing decides) repeat with -Dcrash.seed. */
    private final long seed = Long.getLong("crash.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Path dataDir = Path.of("target", "crash-test", "data-" + ProcessHandle.current().pid()).toAbsolutePath();

    /** The four source volumes and their replicas. */
    private BlockModel syncSource;
    private BlockModel asyncSource;
    private BlockModel snapSource;
    private BlockModel cloneSource;
    private byte[] snapshotImage;
    private byte[] snapshotInFlight;
    private byte[] cloneImage;
    private String[] sources;
    /** The sources' NAA designators (their CIM Name), by which the initiator finds their LUNs. */
    private String[] sourceNaa;
    private CIMObjectPath syncPair;
    private CIMObjectPath asyncPair;
    private CIMObjectPath snapPair;
    private CIMObjectPath clonePair;
    /** Writes acknowledged through CIM and through iSCSI over the whole run (both must have happened). */
    private final java.util.concurrent.atomic.AtomicInteger cimWrites = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger iscsiWrites = new java.util.concurrent.atomic.AtomicInteger();

    @Test
    void killedFiftyTimesWhileWritingAndReplicatingItComesBackConsistentEveryTime() throws Exception {
        Files.createDirectories(dataDir);
        try {
            setUp();
            for (int kill = 1; kill <= KILLS; kill++) {
                try (ServerProcess server = start()) {
                    Session s = session(server);
                    verify(s, "after kill " + (kill - 1));
                    Thread client = work(s);
                    Thread.sleep(100 + random.nextInt(1200)); // a random moment to kill at, not a wait for a condition
                    server.kill();
                    s.initiator.abandon();
                    client.join(TimeUnit.SECONDS.toMillis(60));
                    assertFalse(client.isAlive(), "the client ends once its server is gone");
                    s.client.close();
                }
            }
            System.out.printf("crash test: %d kills, %d writes acknowledged through CIM, %d through iSCSI%n", KILLS,
                    cimWrites.get(), iscsiWrites.get());
            assertTrue(cimWrites.get() > 0 && iscsiWrites.get() > 0, "writes were acknowledged through CIM and through iSCSI");
            tornAndCorruptedTails();
        } finally {
            delete(dataDir);
        }
    }

    /** First start (demo content: pool-1): four volumes, a sync and an async mirror, a snapshot and a clone. */
    private void setUp() throws Exception {
        try (ServerProcess server = start()) {
            Session s = session(server);
            String[] made = new String[4];
            String[] naa = new String[4];
            for (int i = 0; i < 4; i++) {
                CIMObjectPath v = s.calls.newVolume(POOL, SIZE, "crash-" + i);
                made[i] = diskId(v);
                naa[i] = naa(s, v);
                byte[] data = randomBytes(SIZE);
                s.write(made[i], 0, data);
            }
            sources = made;
            sourceNaa = naa;
            syncSource = new BlockModel(s.read(made[0]), BLOCK);
            asyncSource = new BlockModel(s.read(made[1]), BLOCK);
            snapSource = new BlockModel(s.read(made[2]), BLOCK);
            cloneSource = new BlockModel(s.read(made[3]), BLOCK);
            syncPair = s.replicate(made[0], 6, 2);
            asyncPair = s.replicate(made[1], 6, 3);
            snapPair = s.replicate(made[2], 7, 0);
            snapshotImage = snapSource.bytes();
            clonePair = s.replicate(made[3], 8, 0);
            cloneImage = cloneSource.bytes();
            s.client.close();
            server.kill();
        }
    }

    /** A client's writes and replication operations, until the server dies under it. */
    private Thread work(Session s) {
        Thread client = new Thread(() -> {
            try {
                while (true) {
                    step(s);
                }
            } catch (WBEMException | RuntimeException | AssertionError e) {
                // the server was killed mid-request: that request is the one in flight
            }
        }, "crash-client");
        client.start();
        return client;
    }

    private void step(Session s) throws WBEMException {
        int what = random.nextInt(20);
        if (what < 6) {
            writeThroughIscsi(s);
            return;
        }
        if (what == 0) {
            CIMInstance async = s.calls.get(asyncPair);
            int state = uint16(async, "CopyState");
            if (state == 4) {
                s.calls.modify(asyncPair, 12); // Fracture
            } else if (state == 6) {
                s.calls.modify(asyncPair, 14); // Resync
            }
            return;
        }
        if (what == 1) {
            byte[] next = snapSource.bytes();
            snapshotInFlight = next;
            s.calls.modify(snapPair, 14); // a new point in time
            snapshotImage = next;
            snapshotInFlight = null;
            return;
        }
        int v = random.nextInt(4);
        BlockModel model = model(v);
        int blocks = 1 + random.nextInt(160);
        long offset = (long) random.nextInt(SIZE / BLOCK - blocks) * BLOCK;
        byte[] data = randomBytes(blocks * BLOCK);
        model.sending(offset, data);
        s.write(sources[v], offset, data);
        model.acknowledged(offset, data);
        cimWrites.incrementAndGet();
    }

    /** A write of one byte pattern through the iSCSI target, then a flush; both succeeded: acknowledged. */
    private void writeThroughIscsi(Session s) {
        int v = random.nextInt(4);
        BlockModel model = model(v);
        int blocks = 1 + random.nextInt(160);
        long offset = (long) random.nextInt(SIZE / BLOCK - blocks) * BLOCK;
        int pattern = 1 + random.nextInt(255);
        byte[] data = new byte[blocks * BLOCK];
        java.util.Arrays.fill(data, (byte) pattern);
        int lun = s.initiator.lun(sourceNaa[v]);
        model.sending(offset, data);
        if (!s.initiator.write(lun, offset, data.length, pattern)) {
            throw new IllegalStateException("the iSCSI write was not acknowledged: the server is gone");
        }
        model.acknowledged(offset, data);
        iscsiWrites.incrementAndGet();
    }

    private static String naa(Session s, CIMObjectPath volume) throws WBEMException {
        return (String) s.calls.get(volume).getPropertyValue("Name");
    }

    private BlockModel model(int v) {
        return switch (v) {
            case 0 -> syncSource;
            case 1 -> asyncSource;
            case 2 -> snapSource;
            default -> cloneSource;
        };
    }

    private void verify(Session s, String moment) throws Exception {
        String when = moment + " (crash.seed=" + seed + ")";
        for (int v = 0; v < 4; v++) {
            String volume = sources[v];
            String mismatch = model(v).check(s.read(volume));
            assertNull(mismatch, () -> when + ": volume " + volume + ": " + mismatch);
            // the in-flight write is resolved now: through iSCSI the volume holds exactly what CIM read
            String overIscsi = model(v).check(s.initiator.read(s.initiator.lun(sourceNaa[v])));
            assertNull(overIscsi, () -> when + ": volume " + volume + " read through iSCSI: " + overIscsi);
        }
        CIMInstance sync = s.calls.get(syncPair);
        if (uint16(sync, "CopyState") == 4) {
            assertArrayEquals(s.read(sources[0]), s.read(target(sync)),
                    when + ": the synchronous mirror says Synchronized, so its disks must be equal");
            int targetLun = s.initiator.lun(naa(s, (CIMObjectPath) sync.getPropertyValue("SyncedElement")));
            assertArrayEquals(s.initiator.read(s.initiator.lun(sourceNaa[0])), s.initiator.read(targetLun),
                    when + ": the synchronous mirror says Synchronized, so its LUNs must read equal through iSCSI");
        }
        sync = s.calls.await(syncPair, i -> uint16(i, "CopyState") == 4);
        assertArrayEquals(s.read(sources[0]), s.read(target(sync)), when + ": the synchronous mirror after its resync");

        CIMInstance async = s.calls.get(asyncPair);
        if (uint16(async, "CopyState") == 6) {
            s.calls.modify(asyncPair, 14);
        }
        async = s.calls.await(asyncPair, i -> uint16(i, "CopyState") == 4 && uint16(i, "PercentSynced") == 100);
        assertArrayEquals(s.read(sources[1]), s.read(target(async)), when + ": the asynchronous mirror once caught up");

        byte[] snapshot = s.read(target(s.calls.get(snapPair)));
        boolean old = java.util.Arrays.equals(snapshot, snapshotImage);
        boolean fresh = snapshotInFlight != null && java.util.Arrays.equals(snapshot, snapshotInFlight);
        assertTrue(old || fresh, when + ": the snapshot shows its point in time");
        if (fresh) {
            snapshotImage = snapshotInFlight;
        }
        snapshotInFlight = null;

        CIMInstance clone = s.calls.await(clonePair, i -> uint16(i, "CopyState") == 4);
        assertArrayEquals(cloneImage, s.read(target(clone)), when + ": the clone holds its point in time");

        s.checkPool(when);
    }

    private static String target(CIMInstance pair) {
        return diskId((CIMObjectPath) pair.getPropertyValue("SyncedElement"));
    }

    /** The last journal record cut in half, then one with a flipped byte: dropped, and the rest consistent. */
    private void tornAndCorruptedTails() throws Exception {
        for (boolean truncate : new boolean[] {true, false}) {
            String name = truncate ? "torn-tail" : "corrupt-tail";
            long before;
            try (ServerProcess server = start()) {
                Session s = session(server);
                verify(s, "before the " + name);
                before = Files.size(dataDir.resolve("journal"));
                s.calls.newVolume(POOL, SIZE, name); // its record is the journal's last
                s.client.close();
                server.kill();
            }
            long after = Files.size(dataDir.resolve("journal"));
            assertTrue(after > before);
            try (RandomAccessFile journal = new RandomAccessFile(dataDir.resolve("journal").toFile(), "rw")) {
                if (truncate) {
                    journal.setLength(after - (after - before) / 2);
                } else {
                    journal.seek(after - 3);
                    int b = journal.read();
                    journal.seek(after - 3);
                    journal.write(b ^ 0x10);
                }
            }
            try (ServerProcess server = start()) {
                Session s = session(server);
                assertTrue(server.output().contains("dropped a torn tail"), server.output());
                assertFalse(s.volumeNames().contains(name), name + ": the volume whose record was cut is not there");
                verify(s, "after the " + name);
                s.client.close();
                server.kill();
            }
        }
    }

    // ---------------------------------------------------------------- the server and its client

    private ServerProcess start() throws Exception {
        // README's options; C1 only and the class-data archive when it was built, since this server lives a second
        return ServerProcess.startJar(Path.of("target", "iscsi-smis.jar"), List.of("-XX:SharedArchiveFile=target/iscsi-smis.jsa",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), "--data-dir", dataDir.toString(), "--http-port", "0", "--iscsi-port", "0", "--no-https",
                "--enable-fault-injection");
    }

    private Session session(ServerProcess server) throws Exception {
        String banner = server.awaitLine("iscsi-smis listening on ");
        URI url = URI.create(banner.substring("iscsi-smis listening on ".length()).split(" ")[0].replace("/cimom", ""));
        WBEMClient client = SblimClients.connect(url);
        return new Session(client, new ReplicationCalls(client), CrashInitiator.of(banner, dataDir.getParent()));
    }

    private record Session(WBEMClient client, ReplicationCalls calls, CrashInitiator initiator) {

        /** Writes in pieces of at most 512 KiB (a WriteBlocks call's limit). */
        void write(String disk, long offset, byte[] data) throws WBEMException {
            for (int at = 0; at < data.length; at += PIECE) {
                writePiece(disk, offset + at, java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + PIECE)));
            }
        }

        private void writePiece(String disk, long offset, byte[] data) throws WBEMException {
            ReplicationCalls.Answer a = calls.invoke(FAULTS, "WriteBlocks", ref("Volume", ReplicationCalls.volume(disk)),
                    u64("StartingBlock", offset / BLOCK), text("Data", Base64.getEncoder().encodeToString(data)),
                    new CIMArgument<>("Flush", CIMDataType.BOOLEAN_T, Boolean.TRUE));
            assertEquals(0, a.returnValue(), a::toString);
        }

        /** The whole volume, in pieces of 512 KiB. */
        byte[] read(String disk) throws WBEMException {
            byte[] all = new byte[SIZE];
            for (int at = 0; at < SIZE; at += PIECE) {
                ReplicationCalls.Answer a = calls.invoke(FAULTS, "ReadBlocks", ref("Volume", ReplicationCalls.volume(disk)),
                        u64("StartingBlock", at / BLOCK), new CIMArgument<>("BlockCount", CIMDataType.UINT32_T,
                                new UnsignedInteger32(PIECE / BLOCK)));
                assertEquals(0, a.returnValue(), a::toString);
                byte[] piece = Base64.getDecoder().decode((String) a.out().get("Data"));
                System.arraycopy(piece, 0, all, at, piece.length);
            }
            return all;
        }

        /** CreateElementReplica of {@code source} into pool-1; waits for the first copy. @return the association */
        CIMObjectPath replicate(String source, int syncType, int mode) throws WBEMException {
            List<CIMArgument<?>> in = new ArrayList<>(List.of(u16("SyncType", syncType), ref("SourceElement",
                    ReplicationCalls.volume(source)), ref("TargetPool", ReplicationCalls.pool(POOL))));
            if (mode != 0) {
                in.add(u16("Mode", mode));
            }
            ReplicationCalls.Answer a = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", in.toArray(CIMArgument<?>[]::new));
            calls.awaitDone(a);
            CIMObjectPath pair = a.ref("Synchronization");
            calls.await(pair, i -> uint16(i, "CopyState") == 4);
            return pair;
        }

        List<String> volumeNames() throws WBEMException {
            List<String> names = new ArrayList<>();
            for (CIMInstance v : SblimClients.all(client.enumerateInstances(SblimClients.classPath(ReplicationCalls.NS,
                    "MSISCSITARGET_StorageVolume"), true, false, false, null))) {
                names.add((String) v.getPropertyValue("ElementName"));
            }
            return names;
        }

        /** The pool's allocated space (Reserved) is the sum of its volumes' SpaceConsumed: no chunk leaked or counted twice. */
        void checkPool(String when) throws WBEMException {
            long consumed = 0;
            for (CIMInstance a : SblimClients.all(client.enumerateInstances(SblimClients.classPath(ReplicationCalls.NS,
                    "MSISCSITARGET_AllocatedFromStoragePool"), true, false, false, null))) {
                consumed += ((Number) a.getPropertyValue("SpaceConsumed")).longValue();
            }
            CIMInstance pool = calls.get(ReplicationCalls.pool(POOL));
            assertEquals(((Number) pool.getPropertyValue("Reserved")).longValue(), consumed,
                    when + ": the pool's allocated space is exactly its volumes' chunks");
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
