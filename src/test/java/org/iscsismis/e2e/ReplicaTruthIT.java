package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.pool;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.iscsismis.iscsi.disk.DiskIoException;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.replication.InvalidTransitionException;
import org.iscsismis.replication.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * What replicas claim over CIM is what their bytes show, every state change made through the SBLIM client: Restore
 * From Replica (ModifyReplicaSynchronization 15) on a volume that has other replicas too reaches them all, and the
 * state-derived values of MSISCSITARGET_StorageSynchronized follow the state, not the way there. No client can write
 * a volume's bytes over the wire yet, so the bytes are written and compared through the in-process server's disks.
 * GetSupportedCopyStates' HostAccessible is exactly where a host may write the target; a lagging asynchronous mirror
 * switched to synchronous (Reset To Sync) is Unsynchronized until its target equals the source; a snapshot is detached
 * neither through CIM nor by a direct engine caller.
 */
class ReplicaTruthIT {

    private static final long DISK_SIZE = 2L << 20;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static IscsiTarget target;
    private static DiskPool pool;

    @BeforeAll
    static void start() {
        target = server.server().target();
        pool = target.disks().createPool("restore-pool", 1L << 30);
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
        // one restore of a volume at a time: the volume is In Use (6), and the second replica is left as it was
        CIMInstance witnessBefore = calls.get(witness.ref("Synchronization"));
        assertEquals(6, calls.modify(witness.ref("Synchronization"), 15).returnValue(), "one restore of a volume at a time");
        assertEquals(List.of(witnessBefore.getProperties()), List.of(calls.get(witness.ref("Synchronization")).getProperties()));
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
    void stateDerivedValuesFollowTheStateNotTheWayThere() throws WBEMException {
        CIMObjectPath source = calls.createVolume("states-source", DISK_SIZE, pool.id());
        write(source, 0, 1, (byte) 's'); // every chunk: one in step is one whose bytes agree
        target.engine().holdCopying(true);
        ReplicationCalls.Answer clone = replica(source, 8, 2);
        assertEquals(4096, clone.returnValue(), clone::toString);
        CIMObjectPath cloneSync = clone.ref("Synchronization");
        write(source, 0, 3, (byte) 't'); // preserved first: those chunks of the point in time are on the clone now
        int part = uint16(calls.get(cloneSync), "PercentSynced");
        assertEquals(11 * 100 / 32, part, "11 of 32 chunks");
        assertEquals(0, calls.modify(cloneSync, 22).returnValue()); // Suspend
        CIMInstance suspended = calls.get(cloneSync);
        assertEquals(part, uint16(suspended, "PercentSynced"), "a suspended copy keeps its extent");
        assertEquals(11, uint16(suspended, "SyncState")); // Idle: a clone is never Quiesced
        ReplicationCalls.Answer resume = calls.modify(cloneSync, 16);
        assertEquals(part, uint16(calls.get(cloneSync), "PercentSynced"), "and so does the resumed one");
        target.engine().holdCopying(false);
        calls.awaitDone(resume);
        CIMInstance finished = calls.get(cloneSync);
        assertEquals(100, uint16(finished, "PercentSynced"));
        assertEquals(14, uint16(finished, "SyncState")); // Frozen
        assertNull(finished.getPropertyValue("ReadOnly"), "a finished clone is the host's to write");

        ReplicationCalls.Answer snapshot = replica(source, 7, 2);
        CIMObjectPath snapSync = snapshot.ref("Synchronization");
        CIMInstance active = calls.get(snapSync);
        assertEquals(11, uint16(active, "SyncState")); // Idle
        assertNotNull(active.getPropertyValue("WhenSynced"));
        assertEquals(0, calls.modify(snapSync, 7).returnValue()); // Deactivate
        CIMInstance inactive = calls.get(snapSync);
        assertEquals(8, uint16(inactive, "CopyState"));
        assertEquals(2, uint16(inactive, "SyncState"), "a deactivated snapshot is told apart from an active one");
        assertNull(inactive.getPropertyValue("WhenSynced"), "the discarded point in time is not kept");
        assertNull(inactive.getPropertyValue("WhenSynchronized"));

        target.engine().holdCopying(true);
        ReplicationCalls.Answer mirror = replica(source, 6, 2);
        CIMObjectPath mirrorSync = mirror.ref("Synchronization");
        assertEquals(0, calls.modify(mirrorSync, 2).returnValue()); // Abort the first copy
        CIMInstance aborted = calls.get(mirrorSync);
        assertEquals(12, uint16(aborted, "CopyState"));
        assertEquals(13, uint16(aborted, "SyncState"), "an aborted Sync mirror is Fractured, not Idle");
        assertTrue(uint16(aborted, "PercentSynced") < 100, aborted::toString);
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

    private static byte[] chunk(CIMObjectPath volume, byte mark) {
        byte[] data = new byte[disk(volume).chunkSize()];
        Arrays.fill(data, mark);
        return data;
    }

    /** GetSupportedCopyStates' HostAccessible for one CopyState of a ReplicationType. */
    private static boolean hostAccessible(int replicationType, int copyState) throws WBEMException {
        CIMObjectPath capabilities = ReplicationCalls.inNamespace(
                all(client.enumerateInstanceNames(classPath(ReplicationCalls.NS, "MSISCSITARGET_ReplicationServiceCapabilities"))).get(0));
        ReplicationCalls.Answer a = calls.invokeOn(capabilities, "GetSupportedCopyStates", u16("ReplicationType", replicationType));
        assertEquals(0, a.returnValue(), a::toString);
        List<Integer> states = Arrays.stream((Object[]) a.out().get("SupportedCopyStates")).map(o -> ((Number) o).intValue()).toList();
        Boolean[] accessible = (Boolean[]) a.out().get("HostAccessible");
        assertEquals(states.size(), accessible.length, "a parallel array");
        int i = states.indexOf(copyState);
        assertTrue(i >= 0, () -> copyState + " is not among " + states);
        return accessible[i];
    }

    /** Whether a host write to the volume lands (true) or is refused (false, nothing written). */
    private static boolean hostWrites(CIMObjectPath volume) {
        byte[] before = content(volume);
        try {
            disk(volume).write(0, chunk(volume, (byte) 'h'));
            return true;
        } catch (DiskIoException refused) {
            assertArrayEquals(before, content(volume), "a refused write changes nothing");
            return false;
        }
    }

    @Test
    void hostAccessibleIsWhereHostsMayWriteTheTarget() throws WBEMException {
        CIMObjectPath source = calls.createVolume("access-source", DISK_SIZE, pool.id());
        disk(source).write(0, chunk(source, (byte) 's'));
        ReplicationCalls.Answer mirror = replica(source, 6, 2);
        calls.awaitDone(mirror);
        CIMObjectPath sync = mirror.ref("Synchronization");
        CIMObjectPath mirrorTarget = (CIMObjectPath) calls.get(sync).getPropertyValue("SyncedElement");
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        assertFalse(hostAccessible(2, 4), "a Synchronized mirror's target is the engine's");
        assertFalse(hostWrites(mirrorTarget));

        assertEquals(0, calls.modify(sync, 12).returnValue()); // Fracture
        assertEquals(6, uint16(calls.get(sync), "CopyState"));
        assertTrue(hostAccessible(2, 6), "a Fractured mirror's target is the host's");
        assertTrue(hostWrites(mirrorTarget));

        ReplicationCalls.Answer clone = replica(source, 8, 2);
        calls.awaitDone(clone);
        CIMObjectPath cloneTarget = (CIMObjectPath) calls.get(clone.ref("Synchronization")).getPropertyValue("SyncedElement");
        assertTrue(hostAccessible(10, 4), "a finished clone stands alone");
        assertTrue(hostWrites(cloneTarget));

        ReplicationCalls.Answer snapshot = replica(source, 7, 2);
        CIMObjectPath snapshotTarget = (CIMObjectPath) calls.get(snapshot.ref("Synchronization")).getPropertyValue("SyncedElement");
        assertFalse(hostAccessible(6, 4), "an active snapshot holds its point in time");
        assertFalse(hostWrites(snapshotTarget));
    }

    @Test
    void aLaggingMirrorMadeSynchronousIsUnsynchronizedUntilItCatchesUp() throws WBEMException {
        CIMObjectPath source = calls.createVolume("catch-up-source", DISK_SIZE, pool.id());
        disk(source).write(0, chunk(source, (byte) 'a'));
        ReplicationCalls.Answer mirror = replica(source, 6, 3); // asynchronous
        calls.awaitDone(mirror);
        CIMObjectPath sync = mirror.ref("Synchronization");
        CIMObjectPath mirrorTarget = (CIMObjectPath) calls.get(sync).getPropertyValue("SyncedElement");

        target.engine().holdCopying(true);
        disk(source).write(0, chunk(source, (byte) 'b')); // queued: the asynchronous target lags
        assertFalse(Arrays.equals(content(source), content(mirrorTarget)));
        CIMInstance lagging = calls.get(sync);
        assertEquals(4, uint16(lagging, "CopyState"), "an asynchronous mirror is Synchronized with a lag");
        assertEquals(3, uint16(lagging, "Mode"));

        ReplicationCalls.Answer reset = calls.modify(sync, 17); // Reset To Sync
        assertEquals(4096, reset.returnValue(), reset::toString);
        CIMInstance catchingUp = calls.get(sync);
        assertEquals(2, uint16(catchingUp, "Mode"));
        assertEquals(3, uint16(catchingUp, "CopyState"), "not Synchronized while the bytes differ");
        assertEquals(6, uint16(catchingUp, "ProgressStatus")); // Synchronizing
        assertEquals(Boolean.FALSE, catchingUp.getPropertyValue("SyncMaintained"));
        assertEquals(4, uint16(catchingUp, "RequestedCopyState"));
        assertTrue(uint16(catchingUp, "PercentSynced") < 100);

        target.engine().holdCopying(false);
        calls.awaitDone(reset);
        CIMInstance caughtUp = calls.get(sync);
        assertEquals(4, uint16(caughtUp, "CopyState"));
        assertEquals(Boolean.TRUE, caughtUp.getPropertyValue("SyncMaintained"));
        assertArrayEquals(content(source), content(mirrorTarget));

        // synchronous now, with nothing lagging: a second Reset To Sync changes nothing and answers at once
        assertEquals(0, calls.modify(sync, 17).returnValue());
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        disk(source).write(0, chunk(source, (byte) 'c'));
        assertArrayEquals(content(source), content(mirrorTarget), "each write reaches the target before it returns");
    }

    @Test
    void aSnapshotIsDetachedNeitherThroughCimNorByTheEngine() throws WBEMException {
        CIMObjectPath source = calls.createVolume("detach-source", DISK_SIZE, pool.id());
        ReplicationCalls.Answer snapshot = replica(source, 7, 2);
        CIMObjectPath sync = snapshot.ref("Synchronization");
        assertEquals(0, calls.modify(sync, 7).returnValue()); // Deactivate
        assertEquals(8, uint16(calls.get(sync), "CopyState"));
        assertEquals(1, calls.modify(sync, 8).returnValue(), "Detach of a snapshot: not supported (feature 16)");
        assertEquals(1, calls.modify(sync, 9).returnValue(), "Dissolve of a snapshot");
        String targetDisk = diskId((CIMObjectPath) calls.get(sync).getPropertyValue("SyncedElement"));
        String pairId = target.engine().pairs().stream().filter(p -> p.targetDiskId().equals(targetDisk))
                .findFirst().orElseThrow().id();
        assertThrows(InvalidTransitionException.class, () -> target.engine().modify(pairId, Operation.DETACH));
        assertThrows(InvalidTransitionException.class, () -> target.engine().modify(pairId, Operation.DISSOLVE));
        assertEquals(8, uint16(calls.get(sync), "CopyState"), "still there, still Inactive");
        assertEquals(0, calls.modify(sync, 19).returnValue()); // Return To ResourcePool removes it
    }
}
