package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.CONFIGURATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.cliVolume;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.pool;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.replicationSettings;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.u64;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.ReplicationCalls.volume;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The replication and storage configuration services' methods, end to end through the SBLIM client: replicas
 * created and changed by method, their jobs followed through CIM, the disks compared through the server's engine.
 */
class ReplicationMethodsIT {

    private static final long DISK_SIZE = 4L << 20;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static IscsiTarget target;
    private static DiskPool pool;

    @BeforeAll
    static void start() {
        target = server.server().target();
        pool = target.disks().createPool("methods-pool", 1L << 30);
    }

    @AfterEach
    void releaseCopying() {
        target.engine().holdCopying(false);
    }

    /** A new volume made by CreateOrModifyElementFromStoragePool, with recognisable data in a few chunks. */
    private static CIMObjectPath sourceVolume(String name, byte mark) throws WBEMException {
        ReplicationCalls.Answer a = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                text("ElementName", name), u16("ElementType", 2), u64("Size", DISK_SIZE), ref("InPool", pool(pool.id())));
        assertEquals(0, a.returnValue(), a::toString);
        CIMObjectPath v = a.ref("TheElement");
        VirtualDisk disk = disk(v);
        for (int i = 0; i < 8; i++) {
            write(disk, i * 7L * disk.chunkSize(), (byte) (mark + i));
        }
        return v;
    }

    private static VirtualDisk disk(CIMObjectPath volume) {
        return target.disks().disk(diskId(volume));
    }

    private static void write(VirtualDisk disk, long offset, byte value) {
        byte[] data = new byte[disk.chunkSize()];
        Arrays.fill(data, value);
        disk.write(offset, data);
    }

    private static byte[] content(CIMObjectPath volume) {
        VirtualDisk d = disk(volume);
        return d.read(0, (int) d.sizeBytes());
    }

    private static ReplicationCalls.Answer modify(CIMObjectPath sync, int operation) throws WBEMException {
        return calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", operation), ref("Synchronization", sync));
    }

    @Test
    void eachServiceHasOneInstanceAndAnswersOneForMethodsItDoesNotImplement() throws WBEMException {
        CIMInstance replication = calls.get(calls.service(REPLICATION_SERVICE));
        assertEquals("ReplicationService", replication.getPropertyValue("Name"));
        assertEquals("iscsi-smis", replication.getPropertyValue("SystemName"));
        assertEquals(2, uint16(replication, "EnabledState"));
        CIMInstance configuration = calls.get(calls.service(CONFIGURATION_SERVICE));
        assertEquals("StorageConfigurationService", configuration.getPropertyValue("Name"));
        assertEquals(1, calls.invoke(REPLICATION_SERVICE, "CreateGroup").returnValue());
        assertEquals(1, calls.invoke(CONFIGURATION_SERVICE, "DeleteStoragePool", ref("Pool", pool(pool.id()))).returnValue());

        CIMObjectPath other = new CIMObjectPath(null, null, null, ReplicationCalls.NS, REPLICATION_SERVICE, new CIMProperty<?>[] {
                new CIMProperty<>("CreationClassName", CIMDataType.STRING_T, REPLICATION_SERVICE, true, false, null),
                new CIMProperty<>("Name", CIMDataType.STRING_T, "Other", true, false, null),
                new CIMProperty<>("SystemCreationClassName", CIMDataType.STRING_T, "MSFTSM_ComputerSystem", true, false, null),
                new CIMProperty<>("SystemName", CIMDataType.STRING_T, "iscsi-smis", true, false, null)});
        assertCimError(6, () -> client.getInstance(other, false, false, null));
        assertCimError(6, () -> client.invokeMethod(other, "CreateGroup", new CIMArgument<?>[0],
                new CIMArgument<?>[1]));
    }

    @Test
    void aMirrorCreatedByMethodSynchronizesThenFracturesAndResyncs() throws WBEMException {
        CIMObjectPath source = sourceVolume("mirror-source", (byte) 'M');
        target.engine().holdCopying(true);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                u16("Mode", 2), ref("SourceElement", source), ref("TargetPool", pool(pool.id())),
                text("ElementName", "mirror-target"), u16("WaitForCopyState", 4));
        assertEquals(4096, created.returnValue(), created::toString);
        CIMObjectPath sync = created.ref("Synchronization");
        CIMObjectPath replica = created.ref("TargetElement");
        assertEquals("mirror-target", calls.get(replica).getPropertyValue("ElementName"));
        CIMInstance copying = calls.get(sync);
        assertEquals(3, uint16(copying, "CopyState")); // Unsynchronized
        CIMInstance running = calls.await(created.ref("Job"), j -> uint16(j, "JobState") == 4); // Running while the copy is held
        assertTrue(uint16(running, "PercentComplete") < 100, running::toString);

        target.engine().holdCopying(false);
        calls.awaitDone(created);
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        assertArrayEquals(content(source), content(replica));

        ReplicationCalls.Answer fractured = modify(sync, 12);
        assertEquals(0, fractured.returnValue(), fractured::toString);
        assertEquals(6, uint16(calls.get(sync), "CopyState"));
        write(disk(source), 3L * disk(source).chunkSize(), (byte) 'x');
        assertFalse(Arrays.equals(content(source), content(replica)));

        target.engine().holdCopying(true);
        ReplicationCalls.Answer resync = modify(sync, 14);
        assertEquals(4096, resync.returnValue(), resync::toString);
        target.engine().holdCopying(false);
        calls.awaitDone(resync);
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        assertArrayEquals(content(source), content(replica));
    }

    @Test
    void aSplitMirrorIsRestoredFromItsReplica() throws WBEMException {
        CIMObjectPath source = sourceVolume("restore-source", (byte) 'R');
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), u16("Mode", 3));
        calls.awaitDone(created);
        CIMObjectPath sync = created.ref("Synchronization");
        CIMObjectPath replica = created.ref("TargetElement");
        assertEquals(3, uint16(calls.get(sync), "Mode")); // Asynchronous

        calls.awaitDone(modify(sync, 21)); // Split: drain, then stop following
        assertEquals(7, uint16(calls.get(sync), "CopyState"));
        write(disk(replica), 5L * disk(replica).chunkSize(), (byte) 'r'); // a split target is writable
        assertFalse(Arrays.equals(content(source), content(replica)));

        calls.awaitDone(modify(sync, 15)); // Restore from Replica
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        assertArrayEquals(content(replica), content(source));
    }

    @Test
    void aCloneCompletesThroughItsJob() throws WBEMException {
        CIMObjectPath source = sourceVolume("clone-source", (byte) 'C');
        byte[] before = content(source);
        target.engine().holdCopying(true);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 8),
                ref("SourceElement", source), text("ElementName", "clone-target"));
        assertEquals(4096, created.returnValue(), created::toString);
        CIMObjectPath job = created.ref("Job");
        CIMInstance held = calls.get(job);
        assertTrue(uint16(held, "PercentComplete") < 100, held::toString);
        write(disk(source), 0, (byte) 'y'); // after the point in time: must not reach the clone

        target.engine().holdCopying(false);
        CIMInstance done = calls.await(job, j -> uint16(j, "JobState") == 7);
        assertEquals(100, uint16(done, "PercentComplete"));
        List<CIMObjectPath> affected = SblimClients.all(client.associatorNames(job, "MSISCSITARGET_AffectedJobElement", null, null, null));
        assertTrue(affected.stream().anyMatch(p -> diskId(p).equals(diskId(created.ref("TargetElement")))), affected::toString);
        assertTrue(affected.stream().anyMatch(p -> diskId(p).equals(diskId(source))), affected::toString);
        CIMInstance pair = calls.get(created.ref("Synchronization"));
        assertEquals(4, uint16(pair, "CopyState"));
        assertEquals(100, uint16(pair, "PercentSynced"));
        assertArrayEquals(before, content(created.ref("TargetElement")));
    }

    @Test
    void aSnapshotIsImmediateAndReadsPointInTimeData() throws WBEMException {
        CIMObjectPath source = sourceVolume("snap-source", (byte) 'S');
        byte[] before = content(source);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 7),
                ref("SourceElement", source), ref("TargetPool", pool(pool.id())));
        assertEquals(0, created.returnValue(), created::toString);
        assertNull(created.out().get("Job"));
        assertEquals(4, uint16(calls.get(created.ref("Synchronization")), "CopyState"));

        write(disk(source), 0, (byte) 'z');
        write(disk(source), 7L * disk(source).chunkSize(), (byte) 'z');
        assertArrayEquals(before, content(created.ref("TargetElement")));
        assertFalse(Arrays.equals(before, content(source)));

        // a snapshot has no Fracture at all: Not Supported; Return To ResourcePool deletes its target
        assertEquals(1, modify(created.ref("Synchronization"), 12).returnValue());
        assertEquals(0, modify(created.ref("Synchronization"), 19).returnValue());
        assertCimError(6, () -> calls.get(created.ref("TargetElement")));
    }

    @Test
    void anOperationTheStateDoesNotAllowChangesNothing() throws WBEMException {
        CIMObjectPath source = sourceVolume("state-source", (byte) 'T');
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source));
        calls.awaitDone(created);
        CIMObjectPath sync = created.ref("Synchronization");
        CIMInstance before = calls.get(sync);
        assertEquals(4, uint16(before, "CopyState"));

        assertEquals(5, modify(sync, 16).returnValue(), "Resume of a synchronized mirror");
        assertEquals(5, modify(sync, 15).returnValue(), "Restore of a synchronized mirror");
        assertEquals(1, modify(sync, 10).returnValue(), "Failover is not supported");
        assertEquals(1, modify(sync, 7).returnValue(), "a mirror has no Deactivate");
        assertEquals(5, modify(sync, 99).returnValue(), "not in the value map");
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", 12),
                ref("Synchronization", sync), u16("WaitForCopyState", 4)).returnValue(), "Fracture never waits for Synchronized");
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", 12)).returnValue());
        assertEquals(Arrays.asList(before.getProperties()), Arrays.asList(calls.get(sync).getProperties()));
    }

    @Test
    void badCreateArgumentsAreRefusedAndCreateNothing() throws WBEMException {
        CIMObjectPath source = sourceVolume("args-source", (byte) 'A');
        CIMObjectPath small = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                u64("Size", DISK_SIZE / 2), ref("InPool", pool(pool.id()))).ref("TheElement");
        int pairs = target.engine().pairs().size();
        int disks = target.disks().disks().size();

        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 5), ref("SourceElement", source)).returnValue());
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6)).returnValue());
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", volume("disk-999"))).returnValue(), "no such volume");
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), ref("TargetElement", small)).returnValue(), "sizes differ");
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), ref("TargetElement", small), ref("TargetPool", pool(pool.id()))).returnValue());
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 7),
                ref("SourceElement", source), u16("WaitForCopyState", 3)).returnValue(), "a snapshot is never Unsynchronized");
        assertEquals(5, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), ref("TargetPool", pool("pool-999"))).returnValue());
        assertEquals(pairs, target.engine().pairs().size());
        assertEquals(disks, target.disks().disks().size());

        ReplicationCalls.Answer snap = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 7), ref("SourceElement", source));
        assertEquals(0, snap.returnValue());
        assertEquals(6, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), ref("TargetElement", snap.ref("TargetElement"))).returnValue(), "target in use");
        assertEquals(6, calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", snap.ref("TargetElement"))).returnValue(), "no cascades");
        assertEquals(pairs + 1, target.engine().pairs().size());
    }

    @Test
    void aTargetFailingMidCopyShowsBrokenAndRecoversByResync() throws WBEMException {
        CIMObjectPath source = sourceVolume("fault-source", (byte) 'F');
        target.engine().holdCopying(true);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), replicationSettings(Map.of("CopyRecoveryMode", 3)));
        assertEquals(4096, created.returnValue(), created::toString);
        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(3, uint16(calls.get(sync), "CopyRecoveryMode")); // Manual
        VirtualDisk replica = disk(created.ref("TargetElement"));
        replica.faults().failWrites(true);
        target.engine().holdCopying(false);

        CIMInstance broken = calls.await(sync, i -> uint16(i, "CopyState") == 5);
        assertEquals(5, uint16(broken, "CopyState")); // Broken
        CIMInstance failedJob = calls.await(created.ref("Job"), j -> uint16(j, "JobState") >= 7);
        assertEquals(10, uint16(failedJob, "JobState"), failedJob::toString); // Exception
        assertEquals(5, modify(sync, 12).returnValue(), "a broken mirror cannot be fractured");

        replica.faults().clear();
        calls.await(sync, i -> uint16(i, "CopyState") == 9); // Manual recovery: Suspended, waiting for the client
        calls.awaitDone(modify(sync, 14));
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        assertArrayEquals(content(source), content(created.ref("TargetElement")));
    }

    @Test
    void volumesAreCreatedAndReturnedToThePool() throws WBEMException {
        ReplicationCalls.Answer made = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                text("ElementName", "scratch"), u16("ElementType", 2), u64("Size", 8L << 20), ref("InPool", pool(pool.id())));
        assertEquals(0, made.returnValue(), made::toString);
        assertEquals(8L << 20, ((Number) made.out().get("Size")).longValue());
        CIMObjectPath scratch = made.ref("TheElement");
        CIMInstance volume = calls.get(scratch);
        assertEquals("scratch", volume.getPropertyValue("ElementName"));
        assertEquals((8L << 20) / 512, ((Number) volume.getPropertyValue("NumberOfBlocks")).longValue());

        ReplicationCalls.Answer odd = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                u64("Size", 1000), ref("InPool", pool(pool.id())));
        assertEquals(4097, odd.returnValue(), "Size Not Supported");
        assertEquals(1024L, ((Number) odd.out().get("Size")).longValue());
        ReplicationCalls.Answer grow = calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                ref("TheElement", scratch), u64("Size", 16L << 20));
        assertEquals(4097, grow.returnValue(), "the disks cannot be resized");
        assertEquals(8L << 20, ((Number) grow.out().get("Size")).longValue());
        assertEquals(1, calls.invoke(CONFIGURATION_SERVICE, "CreateOrModifyElementFromStoragePool",
                u16("ElementType", 4), u64("Size", 4096), ref("InPool", pool(pool.id()))).returnValue(), "no logical disks");
        ReplicationCalls.Answer range = calls.invokeOn(pool(pool.id()), "GetSupportedSizeRange", u16("ElementType", 3));
        assertEquals(0, range.returnValue(), range::toString);
        assertEquals(512L, ((Number) range.out().get("VolumeSizeDivisor")).longValue());
        assertEquals(pool.capacityBytes(), ((Number) range.out().get("MaximumVolumeSize")).longValue());
        assertEquals(3, calls.invokeOn(pool(pool.id()), "GetSupportedSizeRange", u16("ElementType", 4)).returnValue());
        assertEquals(2, calls.invokeOn(pool(pool.id()), "GetSupportedSizes", u16("ElementType", 3)).returnValue());

        ReplicationCalls.Answer snap = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 7), ref("SourceElement", scratch));
        assertEquals(6, calls.invoke(CONFIGURATION_SERVICE, "ReturnToStoragePool", ref("TheElement", scratch)).returnValue(), "in a pair");
        assertEquals(0, modify(snap.ref("Synchronization"), 19).returnValue());
        assertEquals(0, calls.invoke(CONFIGURATION_SERVICE, "ReturnToStoragePool", ref("TheElement", scratch)).returnValue());
        assertCimError(6, () -> calls.get(scratch));
        assertEquals(5, calls.invoke(CONFIGURATION_SERVICE, "ReturnToStoragePool", ref("TheElement", scratch)).returnValue());
    }

    @Test
    void theCopyServicesMethodsRunOnTheSameEngine() throws WBEMException {
        CIMObjectPath source = sourceVolume("legacy-source", (byte) 'L');
        ReplicationCalls.Answer created = calls.invoke(CONFIGURATION_SERVICE, "CreateReplica", ref("SourceElement", source),
                u16("CopyType", 3), text("ElementName", "legacy-mirror"));
        calls.awaitDone(created);
        CIMObjectPath replica = created.ref("TargetElement");
        assertNotNull(replica);
        assertArrayEquals(content(source), content(replica));
        CIMObjectPath sync = target.engine().pairs().stream().filter(p -> p.targetDiskId().equals(diskId(replica)))
                .findFirst().map(p -> syncPath(source, replica)).orElseThrow();
        assertEquals(2, uint16(calls.get(sync), "Mode")); // Synchronous

        assertEquals(0, calls.invoke(CONFIGURATION_SERVICE, "AttachOrModifyReplica", ref("SourceElement", source),
                ref("TargetElement", replica), u16("CopyType", 2)).returnValue());
        assertEquals(3, uint16(calls.get(sync), "Mode")); // Asynchronous now
        assertEquals(0, calls.invoke(CONFIGURATION_SERVICE, "ModifySynchronization", u16("Operation", 3),
                ref("Synchronization", sync)).returnValue());
        assertEquals(6, uint16(calls.get(sync), "CopyState")); // Fractured
        assertEquals(1, calls.invoke(CONFIGURATION_SERVICE, "ModifySynchronization", u16("Operation", 6),
                ref("Synchronization", sync)).returnValue(), "Prepare");
        assertEquals(0, calls.invoke(CONFIGURATION_SERVICE, "ModifySynchronization", u16("Operation", 2),
                ref("Synchronization", sync)).returnValue(), "Detach");
        assertCimError(6, () -> calls.get(sync));
    }

    @Test
    void wbemcliCreatesAMirrorAndFracturesIt() throws WBEMException {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        CIMObjectPath source = sourceVolume("cli-source", (byte) 'W');
        String host = "127.0.0.1:" + server.port();
        String ns = ReplicationCalls.NS;
        String service = "http://" + host + "/" + ns + ":" + REPLICATION_SERVICE + ".CreationClassName=\"" + REPLICATION_SERVICE
                + "\",Name=\"ReplicationService\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
        Wbemcli.Result created = Wbemcli.run("cm", service, "CreateElementReplica.ElementName=\"cli-mirror\",SyncType=6,Mode=2,"
                + "WaitForCopyState=4,SourceElement=" + host + "/" + cliVolume(diskId(source)));
        assertEquals(0, created.exitCode(), created::toString);
        assertTrue(created.out().contains("CreateElementReplica: 4096") || created.out().contains("CreateElementReplica: 0"), created::toString);
        assertTrue(created.out().contains("Synchronization (reference)"), created::toString);
        Matcher made = Pattern.compile("TargetElement \\(reference\\): [^ ]*DeviceID=\"(disk-[0-9]+)\"")
                .matcher(created.out());
        assertTrue(made.find(), created::toString);
        VirtualDisk replica = target.disks().disk(made.group(1));
        assertEquals("cli-mirror", replica.name());
        CIMObjectPath sync = syncPath(source, volume(replica.id()));
        calls.await(sync, i -> uint16(i, "CopyState") == 4);

        String syncArg = host + "/" + ns + ":MSISCSITARGET_StorageSynchronized.SystemElement=" + cliVolume(diskId(source))
                + ",SyncedElement=" + cliVolume(replica.id());
        Wbemcli.Result fractured = Wbemcli.run("cm", service, "ModifyReplicaSynchronization.Operation=12,Synchronization=" + syncArg);
        assertEquals(0, fractured.exitCode(), fractured::toString);
        assertTrue(fractured.out().contains("ModifyReplicaSynchronization: 0"), fractured::toString);
        assertEquals(6, uint16(calls.get(sync), "CopyState"));
        Wbemcli.Result refused = Wbemcli.run("cm", service, "ModifyReplicaSynchronization.Operation=16,Synchronization=" + syncArg);
        assertTrue(refused.out().contains("ModifyReplicaSynchronization: 5"), refused::toString);
        assertEquals(6, uint16(calls.get(sync), "CopyState"));
    }

    private static CIMObjectPath syncPath(CIMObjectPath source, CIMObjectPath replica) {
        return new CIMObjectPath(null, null, null, ReplicationCalls.NS, "MSISCSITARGET_StorageSynchronized", new CIMProperty<?>[] {
                new CIMProperty<>("SystemElement", new CIMDataType("MSISCSITARGET_StorageVolume"), source, true, false, null),
                new CIMProperty<>("SyncedElement", new CIMDataType("MSISCSITARGET_StorageVolume"), replica, true, false, null)});
    }
}
