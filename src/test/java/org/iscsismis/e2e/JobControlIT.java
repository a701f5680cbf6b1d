package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.NS;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.provider.Alert;
import org.iscsismis.provider.job.MutableClock;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Job Control of the replication jobs through the SBLIM client: OperationalStatus per JobState, each
 * RequestStateChange code and what it does to the pair's copy, errors, DeleteOnCompletion and TimeBeforeRemoval on
 * the server's stepped clock, and the job's associations from both ends. Copies are held by the engine (an
 * in-process switch) so that they are still running when the test acts on their job.
 */
class JobControlIT {

    private static final long DISK_SIZE = 4L << 20;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T05:06:07Z"));
    @RegisterExtension
    static final ServerFixture server = ServerFixture.with(TestServer.testDefaults(), clock);
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();
    private static IscsiTarget target;
    private static DiskPool pool;

    @BeforeAll
    static void start() {
        target = server.server().target();
        pool = target.disks().createPool("jobs-pool", 1L << 30);
    }

    @AfterEach
    void releaseCopying() {
        target.engine().holdCopying(false);
    }

    private static CIMObjectPath volume(String name) throws WBEMException {
        return calls.newVolume(pool.id(), DISK_SIZE, name);
    }

    /** A replica of a new volume whose copy the engine holds: 4096 with a Running job. */
    private static ReplicationCalls.Answer heldCopy(String name, int syncType) throws WBEMException {
        CIMObjectPath source = volume(name);
        target.engine().holdCopying(true);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", syncType),
                ref("SourceElement", source), text("ElementName", name + "-copy"));
        assertEquals(4096, created.returnValue(), created::toString);
        calls.await(created.ref("Job"), j -> uint16(j, "JobState") == 4);
        return created;
    }

    private static long requestState(CIMObjectPath job, int state) throws WBEMException {
        return calls.invokeOn(job, "RequestStateChange", u16("RequestedState", state)).returnValue();
    }

    private static List<Integer> operationalStatus(CIMInstance job) {
        return ReplicationCalls.uint16s(job, "OperationalStatus");
    }

    private static ReplicationCalls.Answer modify(CIMObjectPath sync, int operation) throws WBEMException {
        return calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", operation), ref("Synchronization", sync));
    }

    @Test
    void suspendAndStartOfACloneJobSuspendAndResumeTheCopy() throws WBEMException {
        ReplicationCalls.Answer created = heldCopy("clone-rsc", 8);
        CIMObjectPath job = created.ref("Job");
        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(List.of(2), operationalStatus(calls.get(job)), "Running: OK");
        assertEquals(4097, requestState(job, 2), "Start of a running job: Invalid State Transition");

        assertEquals(0, requestState(job, 3));
        CIMInstance suspended = calls.get(job);
        assertEquals(5, uint16(suspended, "JobState"));
        assertEquals(List.of(2, 10), operationalStatus(suspended), "OK, Stopped");
        assertEquals(9, uint16(calls.get(sync), "CopyState"), "the clone's copy is Suspended");
        assertEquals(4097, requestState(job, 3), "already suspended");

        assertEquals(0, requestState(job, 2));
        assertEquals(4, uint16(calls.get(job), "JobState"));
        assertEquals(3, uint16(calls.get(sync), "CopyState"), "Unsynchronized again");

        target.engine().holdCopying(false);
        CIMInstance done = calls.await(job, j -> uint16(j, "JobState") == 7);
        assertEquals(List.of(2, 17), operationalStatus(done), "OK, Completed");
        assertEquals(0, ((Number) done.getPropertyValue("ErrorCode")).intValue());
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        ReplicationCalls.Answer errors = calls.invokeOn(job, "GetErrors");
        assertEquals(0, errors.returnValue());
        assertNull(errors.out().get("Errors"), "a completed job has no errors");
    }

    @Test
    void aCopySuspendedAndResumedDirectlyCarriesItsJobAlong() throws WBEMException {
        ReplicationCalls.Answer created = heldCopy("mirror-direct", 6);
        CIMObjectPath job = created.ref("Job");
        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(0, modify(sync, 22).returnValue(), "Suspend");
        calls.await(job, j -> uint16(j, "JobState") == 5);
        ReplicationCalls.Answer resumed = modify(sync, 16);
        assertEquals(4096, resumed.returnValue(), resumed::toString);
        calls.await(job, j -> uint16(j, "JobState") == 4);
        target.engine().holdCopying(false);
        calls.awaitDone(resumed);
        calls.await(job, j -> uint16(j, "JobState") == 7);
    }

    @Test
    void terminateAbortsTheCopyAndAResyncStartsOver() throws WBEMException {
        ReplicationCalls.Answer created = heldCopy("mirror-terminate", 6);
        CIMObjectPath job = created.ref("Job");
        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(0, requestState(job, 4));
        CIMInstance terminated = calls.get(job);
        assertEquals(8, uint16(terminated, "JobState"));
        assertEquals(List.of(10), operationalStatus(terminated), "Stopped");
        assertEquals(12, uint16(calls.get(sync), "CopyState"), "the copy was aborted");
        assertEquals(4097, requestState(job, 4), "already terminated");
        assertEquals(4097, requestState(job, 5), "a finished job cannot be killed");
        CIMInstance error = (CIMInstance) calls.invokeOn(job, "GetError").out().get("Error");
        assertEquals("ISMIS-JOB-STOPPED", error.getPropertyValue("MessageID"));
        assertEquals(Alert.OWNING_ENTITY, error.getPropertyValue("OwningEntity"), "the MessageID's owner, as in alerts");

        target.engine().holdCopying(false);
        calls.awaitDone(modify(sync, 14));
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
        assertEquals(8, uint16(calls.get(job), "JobState"), "a terminated job stays terminated");
    }

    @Test
    void killStopsFollowingAndLeavesTheCopyRunning() throws WBEMException {
        ReplicationCalls.Answer created = heldCopy("clone-kill", 8);
        CIMObjectPath job = created.ref("Job");
        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(0, requestState(job, 5));
        CIMInstance killed = calls.get(job);
        assertEquals(9, uint16(killed, "JobState"));
        assertEquals(List.of(10, 14), operationalStatus(killed), "Stopped, Aborted");
        assertEquals(3, uint16(calls.get(sync), "CopyState"), "the copy goes on");
        target.engine().holdCopying(false);
        calls.await(sync, s -> uint16(s, "CopyState") == 4);
        assertEquals(9, uint16(calls.get(job), "JobState"));
    }

    @Test
    void aRestoreCannotBeSuspendedButCanBeTerminated() throws WBEMException {
        CIMObjectPath source = volume("restore-src");
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source));
        calls.awaitDone(created);
        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(0, modify(sync, 12).returnValue(), "Fracture");
        target.engine().holdCopying(true);
        ReplicationCalls.Answer restore = modify(sync, 15);
        assertEquals(4096, restore.returnValue(), restore::toString);
        CIMObjectPath job = restore.ref("Job");
        assertEquals(1, requestState(job, 3), "Suspend: Not Supported for a restore");
        assertEquals(1, requestState(job, 2), "Start likewise");
        assertEquals(1, requestState(job, 6), "Service: Not Supported");
        assertEquals(5, requestState(job, 99), "not in the value map");
        assertEquals(4, uint16(calls.get(job), "JobState"), "unchanged");
        assertEquals(0, requestState(job, 4));
        assertEquals(12, uint16(calls.get(sync), "CopyState"), "the restore was aborted");
    }

    @Test
    void aFinishedJobGoesTimeBeforeRemovalAfterItEndedOnTheServersClock() throws WBEMException {
        ReplicationCalls.Answer created = heldCopy("removal", 6);
        CIMObjectPath job = created.ref("Job");
        CIMInstance modified = new CIMInstance(job, new CIMProperty<?>[] {new CIMProperty<>("TimeBeforeRemoval",
                CIMDataType.DATETIME_T, new CIMDateTimeInterval(0, 0, 1, 0, 0))});
        client.modifyInstance(modified, new String[] {"TimeBeforeRemoval"});
        target.engine().holdCopying(false);
        calls.await(job, j -> uint16(j, "JobState") == 7);

        clock.advance(Duration.ofSeconds(59));
        assertEquals(7, uint16(calls.get(job), "JobState"), "still there 59 s after the end");
        CIMObjectPath volume = created.ref("TargetElement");
        assertTrue(affectingJobs(volume).contains(key(job)));
        clock.advance(Duration.ofSeconds(1));
        assertCimError(6, () -> calls.get(job));
        assertFalse(all(client.enumerateInstanceNames(SblimClients.classPath(NS, "CIM_ConcreteJob"))).stream()
                .map(JobControlIT::key).toList().contains(key(job)));
        assertFalse(affectingJobs(volume).contains(key(job)), "its associations went with it");

        // a job a client keeps stays until it is deleted
        ReplicationCalls.Answer kept = heldCopy("kept", 6);
        CIMObjectPath keptJob = kept.ref("Job");
        client.modifyInstance(new CIMInstance(keptJob, new CIMProperty<?>[] {
                new CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T, false)}), new String[] {"DeleteOnCompletion"});
        assertCimError(1, () -> client.deleteInstance(keptJob));
        target.engine().holdCopying(false);
        calls.await(keptJob, j -> uint16(j, "JobState") == 7);
        clock.advance(Duration.ofDays(3));
        assertEquals(Boolean.FALSE, calls.get(keptJob).getPropertyValue("DeleteOnCompletion"));
        client.deleteInstance(keptJob);
        assertCimError(6, () -> calls.get(keptJob));
    }

    @Test
    void theJobIsLinkedToItsServiceAndVolumesFromBothEnds() throws WBEMException {
        ReplicationCalls.Answer created = heldCopy("assoc", 8);
        CIMObjectPath job = created.ref("Job");
        CIMObjectPath service = calls.service(REPLICATION_SERVICE);
        CIMObjectPath replica = created.ref("TargetElement");

        Set<String> affected = all(client.associatorNames(job, "CIM_AffectedJobElement", null, null, null)).stream()
                .map(p -> p.getObjectName() + ":" + diskId(p)).collect(Collectors.toSet());
        assertEquals(2, affected.size(), affected::toString);
        assertTrue(affected.contains("MSISCSITARGET_StorageVolume:" + diskId(replica)), affected::toString);
        List<CIMObjectPath> owners = all(client.associatorNames(job, "CIM_OwningJobElement", null, null, null));
        assertEquals(List.of(REPLICATION_SERVICE), owners.stream().map(CIMObjectPath::getObjectName).toList());

        assertTrue(affectingJobs(replica).contains(key(job)), "from the volume to the job");
        List<CIMInstance> refs = all(client.referenceInstances(replica, "CIM_AffectedJobElement", null, false, null));
        assertTrue(refs.stream().anyMatch(r -> key((CIMObjectPath) r.getPropertyValue("AffectingElement")).equals(key(job))), refs::toString);
        assertEquals("MSISCSITARGET_AffectedJobElement", refs.get(0).getObjectPath().getObjectName());

        List<CIMObjectPath> owned = all(client.associatorNames(service, "CIM_OwningJobElement", "CIM_ConcreteJob", null, null));
        assertTrue(owned.stream().map(JobControlIT::key).toList().contains(key(job)), "from the service to the job");
        List<CIMObjectPath> ownerRefs = all(client.referenceNames(service, "CIM_OwningJobElement", null));
        assertTrue(ownerRefs.stream().anyMatch(r -> key((CIMObjectPath) r.getKey("OwnedElement").getValue()).equals(key(job))),
                ownerRefs::toString);
    }

    @Test
    void eachVolumeOfACopyJobSaysWhatTheJobDoesToItAndPercentCompleteMeasuresTheCopy() throws WBEMException {
        CIMObjectPath source = volume("effects");
        VirtualDisk disk = target.disks().disk(diskId(source));
        byte[] data = new byte[disk.chunkSize()];
        Arrays.fill(data, (byte) 'e');
        for (int c = 0; c < 4; c++) { // 4 of 64 chunks hold data; the rest are holes, already equal on both sides
            disk.write((long) c * 16 * disk.chunkSize(), data);
        }
        target.engine().holdCopying(true);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), text("ElementName", "effects-copy"));
        assertEquals(4096, created.returnValue(), created::toString);
        CIMObjectPath job = created.ref("Job");
        CIMObjectPath replica = created.ref("TargetElement");
        assertEquals(Map.of(diskId(source), List.of(3), diskId(replica), List.of(5)), effects(job),
                "the source: Performance Impact; the new target: Create");
        assertTrue(uint16(calls.get(created.ref("Synchronization")), "PercentSynced") >= 90, "holes count as in step for the pair");
        assertEquals(0, uint16(calls.get(job), "PercentComplete"), "the job measures its copy: nothing copied yet");
        target.engine().holdCopying(false);
        assertEquals(100, uint16(calls.await(job, j -> uint16(j, "JobState") == 7), "PercentComplete"));

        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(0, modify(sync, 12).returnValue(), "Fracture");
        disk.write(0, new byte[disk.chunkSize()]);
        target.engine().holdCopying(true);
        ReplicationCalls.Answer resync = modify(sync, 14);
        assertEquals(4096, resync.returnValue(), resync::toString);
        assertEquals(Map.of(diskId(source), List.of(3), diskId(replica), List.of(4)), effects(resync.ref("Job")),
                "an existing target's content is replaced: Element Integrity");
        assertEquals(0, uint16(calls.get(resync.ref("Job")), "PercentComplete"));
        target.engine().holdCopying(false);
        calls.awaitDone(resync);

        assertEquals(0, modify(sync, 12).returnValue(), "Fracture");
        target.engine().holdCopying(true);
        ReplicationCalls.Answer restore = modify(sync, 15);
        assertEquals(4096, restore.returnValue(), restore::toString);
        assertEquals(Map.of(diskId(source), List.of(4), diskId(replica), List.of(3)), effects(restore.ref("Job")),
                "a restore replaces the source's content");
        target.engine().holdCopying(false);
        calls.awaitDone(restore);
    }

    /** ElementEffects of each volume a job affects, by disk id. */
    private static Map<String, List<Integer>> effects(CIMObjectPath job) throws WBEMException {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (CIMInstance link : all(client.referenceInstances(job, "CIM_AffectedJobElement", null, false, null))) {
            out.put(diskId((CIMObjectPath) link.getPropertyValue("AffectedElement")), ReplicationCalls.uint16s(link, "ElementEffects"));
        }
        return out;
    }

    private static List<String> affectingJobs(CIMObjectPath volume) throws WBEMException {
        return all(client.associatorNames(volume, "CIM_AffectedJobElement", null, null, null)).stream()
                .map(JobControlIT::key).toList();
    }

    /** A job's InstanceID (paths from the server may or may not carry host and namespace). */
    private static String key(CIMObjectPath job) {
        return String.valueOf(job.getKey("InstanceID") == null ? job : job.getKey("InstanceID").getValue());
    }
}
