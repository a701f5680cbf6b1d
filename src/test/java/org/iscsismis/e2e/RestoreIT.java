package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.pool;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Restore From Replica (ModifyReplicaSynchronization 15) on a volume that has other replicas too, every state change
 * made through the SBLIM client: the other replicas must see the restore. No client can write a volume's bytes over
 * the wire yet, so the bytes are written and compared through the in-process server's disks.
 */
class RestoreIT {

    private static final long DISK_SIZE = 2L << 20;
    private static TestServer server;
    private static WBEMClient client;
    private static ReplicationCalls calls;
    private static IscsiTarget target;
    private static DiskPool pool;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = SblimClients.connect(server.url());
        calls = new ReplicationCalls(client);
        target = server.server().target();
        pool = target.disks().createPool("restore-pool", 1L << 30);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void releaseCopying() {
        target.engine().holdCopying(false);
    }

    private static VirtualDisk disk(CIMObjectPath volume) {
        return target.disks().disk(diskId(volume));
    }

    /** Fill chunks {@code first, first + step, …} of the volume with {@code mark}. */
    private static void write(CIMObjectPath volume, int first, int step, byte mark) {
        VirtualDisk d = disk(volume);
        byte[] data = new byte[d.chunkSize()];
        Arrays.fill(data, mark);
        for (long c = first; c < d.chunkCount(); c += step) {
            d.write(c * d.chunkSize(), data);
        }
    }

    private static byte[] content(CIMObjectPath volume) {
        VirtualDisk d = disk(volume);
        return d.read(0, (int) d.sizeBytes());
    }

    private static ReplicationCalls.Answer replica(CIMObjectPath source, int syncType, int mode) throws WBEMException {
        return calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", syncType), u16("Mode", mode),
                ref("SourceElement", source), ref("TargetPool", pool(pool.id())));
    }

    @Test
    void aRestoreFromOneReplicaReachesTheMirrorAndTheSnapshotOfTheSameVolume() throws WBEMException {
        CIMObjectPath source = calls.createVolume("restore-source", DISK_SIZE, pool.id());
        write(source, 0, 2, (byte) 'a');
        ReplicationCalls.Answer mirror = replica(source, 6, 2);
        calls.awaitDone(mirror);
        CIMObjectPath mirrorSync = mirror.ref("Synchronization");
        ReplicationCalls.Answer restorePoint = replica(source, 7, 2);
        assertEquals(0, restorePoint.returnValue(), restorePoint::toString);
        byte[] restored = content(source);

        write(source, 1, 3, (byte) 'b'); // the source moves on …
        ReplicationCalls.Answer witness = replica(source, 7, 2);
        assertEquals(0, witness.returnValue(), witness::toString);
        byte[] witnessPoint = content(source);
        write(source, 0, 5, (byte) 'c'); // … and on
        assertFalse(Arrays.equals(restored, content(source)));

        target.engine().holdCopying(true); // restoring, observed through CIM
        ReplicationCalls.Answer restore = calls.modify(restorePoint.ref("Synchronization"), 15);
        assertEquals(4096, restore.returnValue(), restore::toString);
        CIMInstance restoring = calls.get(restorePoint.ref("Synchronization"));
        assertEquals(3, uint16(restoring, "CopyState")); // Unsynchronized
        assertEquals(8, uint16(restoring, "ProgressStatus")); // Restoring
        assertEquals(10, uint16(restoring, "SyncState")); // Restore In Progress
        assertEquals(5, calls.modify(witness.ref("Synchronization"), 15).returnValue(), "one restore of a volume at a time");
        target.engine().holdCopying(false);
        calls.awaitDone(restore);

        assertArrayEquals(restored, content(source), "the source is back at the restore point");
        CIMInstance mirrorNow = calls.get(mirrorSync);
        assertEquals(4, uint16(mirrorNow, "CopyState"));
        assertEquals(100, uint16(mirrorNow, "PercentSynced"));
        assertArrayEquals(content(source), content(mirror.ref("TargetElement")), "the synchronous mirror is Synchronized and equal");
        assertEquals(4, uint16(calls.get(witness.ref("Synchronization")), "CopyState"));
        assertArrayEquals(witnessPoint, content(witness.ref("TargetElement")), "the other snapshot still reads its point in time");
    }

    @Test
    void aMirrorWhoseFirstCopyNeverFinishedCannotRestoreItsSource() throws WBEMException {
        CIMObjectPath source = calls.createVolume("unfinished-source", DISK_SIZE, pool.id());
        write(source, 0, 1, (byte) 'u');
        byte[] before = content(source);
        target.engine().holdCopying(true);
        ReplicationCalls.Answer mirror = replica(source, 6, 3);
        assertEquals(4096, mirror.returnValue(), mirror::toString);
        CIMObjectPath sync = mirror.ref("Synchronization");
        assertEquals(0, calls.modify(sync, 12).returnValue()); // Fracture in the middle of the first copy
        CIMInstance fractured = calls.get(sync);
        assertEquals(6, uint16(fractured, "CopyState"));
        assertTrue(uint16(fractured, "PercentSynced") < 100, fractured::toString);

        assertEquals(5, calls.modify(sync, 15).returnValue(), "no restore from a copy that was never whole");
        assertEquals(6, uint16(calls.get(sync), "CopyState"));
        target.engine().holdCopying(false);
        assertArrayEquals(before, content(source), "the source keeps the data the mirror never had");

        calls.awaitDone(calls.modify(sync, 14)); // a finished resync makes the copy whole: now it may restore
        assertEquals(0, calls.modify(sync, 12).returnValue());
        write(source, 0, 4, (byte) 'v');
        calls.awaitDone(calls.modify(sync, 15));
        assertArrayEquals(before, content(source));
    }
}
