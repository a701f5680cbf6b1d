package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.CONFIGURATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.pool;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.u64;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.iscsismis.iscsi.disk.DiskPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Data end to end: an initiator (qemu's iSCSI driver) writes a volume, the SBLIM client makes replicas with
 * CreateElementReplica, and reading each replica's LUN through iSCSI shows what the engine promises — the mirror,
 * snapshot and clone hold the source's bytes; after more writes the snapshot keeps the point in time and the
 * synchronous mirror follows; a fractured mirror is resynchronized; a read-only replica is write protected.
 */
class IscsiDataIT {

    private static final long SIZE = 8L << 20;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient cim = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static IscsiClients iscsi;
    private static DiskPool pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        iscsi = new IscsiClients(server.server().portal());
        pool = server.server().target().disks().createPool("data-pool", 1L << 30);
    }

    /** A volume made through CIM, then written whole by an initiator with random bytes; returns what was written. */
    private byte[] sourceVolume(String name, CIMObjectPath[] volume, long seed) throws WBEMException, IOException {
        ReplicationCalls.Answer a = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                text("ElementName", name), u16("ElementType", 2), u64("Size", SIZE), ref("InPool", pool(pool.id())));
        assertEquals(0, a.returnValue(), a::toString);
        volume[0] = a.ref("TheElement");
        byte[] data = new byte[(int) SIZE];
        new Random(seed).nextBytes(data);
        Path image = dir.resolve(name + ".img");
        Files.write(image, data);
        iscsi.write(image, lun(volume[0]));
        return data;
    }

    /** The LUN whose VPD 83h designator is the volume's CIM Name. */
    private static int lun(CIMObjectPath volume) throws WBEMException {
        String name = (String) calls.get(volume).getPropertyValue("Name");
        Integer lun = iscsi.lunsByNaa().get(name);
        assertTrue(lun != null, () -> "no LUN for " + volume);
        return lun;
    }

    private byte[] readLun(CIMObjectPath volume) throws WBEMException, IOException {
        Path image = dir.resolve("read-" + System.nanoTime() + ".img");
        iscsi.read(lun(volume), image);
        return Files.readAllBytes(image);
    }

    private static ReplicationCalls.Answer replicate(int syncType, CIMObjectPath source) throws WBEMException {
        ReplicationCalls.Answer a = syncType == 6
                ? calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6), u16("Mode", 2),
                        ref("SourceElement", source), u16("WaitForCopyState", 4))
                : calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", syncType), ref("SourceElement", source));
        calls.awaitDone(a);
        return a;
    }

    /** qemu-io writes {@code length} bytes of {@code pattern} at {@code offset}; returns the expected content after. */
    private static byte[] writeThroughIscsi(CIMObjectPath volume, byte[] before, int pattern, int offset, int length) throws WBEMException {
        Subprocess.Result r = iscsi.qemuIo(lun(volume), "write -P " + pattern + " " + offset + " " + length);
        assertEquals(0, r.exitCode(), r::toString);
        byte[] after = before.clone();
        Arrays.fill(after, offset, offset + length, (byte) pattern);
        return after;
    }

    @Test
    void replicasHoldTheSourcesBytesAndTheSnapshotKeepsItsPointInTime() throws WBEMException, IOException {
        CIMObjectPath[] source = new CIMObjectPath[1];
        byte[] original = sourceVolume("data-source", source, 1);
        assertArrayEquals(original, readLun(source[0]), "the source reads back what was written");

        CIMObjectPath mirror = replicate(6, source[0]).ref("TargetElement");
        CIMObjectPath snapshot = replicate(7, source[0]).ref("TargetElement");
        CIMObjectPath clone = replicate(8, source[0]).ref("TargetElement");
        assertArrayEquals(original, readLun(mirror), "mirror");
        assertArrayEquals(original, readLun(snapshot), "snapshot");
        assertArrayEquals(original, readLun(clone), "clone");

        byte[] changed = writeThroughIscsi(source[0], original, 0x5a, 1 << 20, 1 << 20);
        assertArrayEquals(changed, readLun(source[0]));
        assertArrayEquals(changed, readLun(mirror), "a synchronous mirror has every write before the write completes");
        assertArrayEquals(original, readLun(snapshot), "the snapshot still reads the point in time");
        assertArrayEquals(original, readLun(clone), "the clone is a copy of the point in time");
    }

    @Test
    void writesDuringTheInitialCopyReachTheMirror() throws WBEMException, IOException {
        CIMObjectPath[] source = new CIMObjectPath[1];
        byte[] expected = sourceVolume("copying-source", source, 4);
        server.server().target().engine().holdCopying(true);
        try {
            ReplicationCalls.Answer mirror = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                    u16("Mode", 2), ref("SourceElement", source[0]), u16("WaitForCopyState", 4));
            assertEquals(4096, mirror.returnValue(), mirror::toString);
            assertEquals(3, uint16(calls.get(mirror.ref("Synchronization")), "CopyState"), "Unsynchronized: the copy is held");
            for (int i = 0; i < 4; i++) {
                expected = writeThroughIscsi(source[0], expected, 0x10 + i, i * (2 << 20) + 4096, 192 * 1024);
            }
            server.server().target().engine().holdCopying(false);
            calls.await(mirror.ref("Synchronization"), s -> uint16(s, "CopyState") == 4);
            assertArrayEquals(expected, readLun(mirror.ref("TargetElement")), "no block torn or stale");
        } finally {
            server.server().target().engine().holdCopying(false);
        }
    }

    @Test
    void aFracturedMirrorMissesWritesUntilResync() throws WBEMException, IOException {
        CIMObjectPath[] source = new CIMObjectPath[1];
        byte[] original = sourceVolume("fracture-source", source, 2);
        ReplicationCalls.Answer mirror = replicate(6, source[0]);
        CIMObjectPath sync = mirror.ref("Synchronization");
        CIMObjectPath replica = mirror.ref("TargetElement");

        calls.awaitDone(calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", 12),
                ref("Synchronization", sync)));
        assertEquals(6, uint16(calls.get(sync), "CopyState")); // Fractured
        byte[] changed = writeThroughIscsi(source[0], original, 0x3c, 3 << 20, 64 * 1024);
        assertArrayEquals(original, readLun(replica), "a fractured mirror does not follow the source");

        calls.awaitDone(calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", 14),
                ref("Synchronization", sync), u16("WaitForCopyState", 4)));
        calls.await(sync, s -> uint16(s, "CopyState") == 4);
        assertArrayEquals(changed, readLun(replica), "resynchronized");
    }

    @Test
    void aReadOnlyReplicaIsWriteProtectedUntilTheEngineLetsHostsWrite() throws WBEMException, IOException {
        CIMObjectPath[] source = new CIMObjectPath[1];
        byte[] original = sourceVolume("protect-source", source, 3);
        ReplicationCalls.Answer mirror = replicate(6, source[0]);
        CIMObjectPath replica = mirror.ref("TargetElement");

        Subprocess.Result refused = iscsi.qemuIo(lun(replica), "write -P 0x11 0 4096");
        assertFalse(refused.exitCode() == 0 && refused.out().contains("wrote"), refused::toString);
        assertTrue((refused.out() + refused.err()).contains("write protected"), refused::toString);
        assertArrayEquals(original, readLun(replica));

        calls.awaitDone(calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", 12),
                ref("Synchronization", mirror.ref("Synchronization"))));
        byte[] written = writeThroughIscsi(replica, original, 0x11, 0, 4096);
        assertArrayEquals(written, readLun(replica), "a fractured mirror's target takes host writes");
    }
}
