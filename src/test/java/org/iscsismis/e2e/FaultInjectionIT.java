package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.NS;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.replicationSettings;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * ISMIS_FaultInjectionService on the demo target, through the SBLIM client and wbemcli only: mirrors broken by
 * failing volumes or a cut link, their jobs in Exception, and recovery by CopyRecoveryMode. And the class is absent
 * from a server that does not enable it.
 */
class FaultInjectionIT {

    private static final String FAULTS = "ISMIS_FaultInjectionService";
    private static final long DISK_SIZE = 4L << 20;
    /** The demo's pool. */
    private static final String POOL = "pool-1";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.with(TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true")
            .with(ServerConfig.FAULTS_ENABLED, "true"));
    private static final WBEMClient client = server.client();
    private static final ReplicationCalls calls = server.calls();

    private static CIMObjectPath newVolume(String name) throws WBEMException {
        return calls.newVolume(POOL, DISK_SIZE, name);
    }

    private static long fault(String method, CIMArgument<?>... in) throws WBEMException {
        return calls.invoke(FAULTS, method, in).returnValue();
    }

    private static CIMArgument<UnsignedInteger32> millis(long ms) {
        return new CIMArgument<>("Milliseconds", CIMDataType.UINT32_T, new UnsignedInteger32(ms));
    }

    private static List<Integer> operationalStatus(CIMInstance job) {
        return ReplicationCalls.uint16s(job, "OperationalStatus");
    }

    private static CIMInstance onlyError(CIMObjectPath job) throws WBEMException {
        ReplicationCalls.Answer errors = calls.invokeOn(job, "GetErrors");
        assertEquals(0, errors.returnValue());
        CIMInstance[] list = (CIMInstance[]) errors.out().get("Errors");
        assertEquals(1, list.length, () -> Arrays.toString(list));
        return list[0];
    }

    /**
     * A new mirror of a demo volume that holds data ({@code disk-1} db-data: 16 chunks written, {@code disk-2} logs:
     * 8), its first copy slowed by latency on the source so that it is still copying when the test acts.
     */
    private static ReplicationCalls.Answer slowMirror(String sourceDisk, String name) throws WBEMException {
        CIMObjectPath source = ReplicationCalls.volume(sourceDisk);
        assertEquals(0, fault("AddLatency", ref("Volume", source), millis(500)));
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                u16("Mode", 2), ref("SourceElement", source), text("ElementName", name));
        assertEquals(4096, created.returnValue(), created::toString);
        CIMInstance copying = calls.get(created.ref("Synchronization"));
        assertEquals(3, uint16(copying, "CopyState"), "Unsynchronized while the copy runs");
        return created;
    }

    @Test
    void aMirrorBrokenMidCopyFailsItsJobAndResyncsByItselfOnceCleared() throws WBEMException {
        ReplicationCalls.Answer created = slowMirror("disk-1", "db-data-mirror-2");
        CIMObjectPath sync = created.ref("Synchronization");
        CIMObjectPath job = created.ref("Job");
        CIMObjectPath replica = created.ref("TargetElement");
        CIMObjectPath source = (CIMObjectPath) calls.get(sync).getPropertyValue("SystemElement");
        assertEquals(4, uint16(calls.get(job), "JobState"), "Running");

        assertEquals(0, fault("FailWrites", ref("Volume", replica)));
        CIMInstance broken = calls.await(sync, s -> uint16(s, "CopyState") == 5);
        assertEquals(18, uint16(broken, "ProgressStatus"), "Requires resync");
        assertEquals(2, uint16(broken, "CopyRecoveryMode"), "Automatic");

        CIMInstance failed = calls.await(job, j -> uint16(j, "JobState") == 10);
        assertEquals(List.of(6, 17), operationalStatus(failed), "Error, Completed");
        String description = (String) failed.getPropertyValue("ErrorDescription");
        assertTrue(description.contains("Broken (5)") && description.contains("disk " + diskId(replica))
                && description.contains("write"), description); // the copy or the fault's announcement names it first
        CIMInstance error = onlyError(job);
        assertEquals(5, uint16(error, "ErrorType"), "Hardware Error");
        assertEquals(86, uint16(error, "ProbableCause"), "Disk Failure");
        assertTrue(Arrays.toString((String[]) error.getPropertyValue("RecommendedActions")).contains("Automatic"));

        assertEquals(0, fault("ClearVolumeFault", ref("Volume", ReplicationCalls.inNamespace(source)), u16("Fault", 5)));
        assertEquals(0, fault("ClearVolumeFault", ref("Volume", replica)));
        CIMInstance recovered = calls.await(sync, s -> uint16(s, "CopyState") == 4);
        assertEquals(100, uint16(recovered, "PercentSynced"));
        assertEquals(10, uint16(calls.get(job), "JobState"), "the job that saw the failure stays in Exception");
    }

    @Test
    void aManualMirrorWaitsSuspendedUntilResumedThroughWbemcli() throws WBEMException {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        CIMObjectPath source = newVolume("manual");
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                ref("SourceElement", source), replicationSettings(Map.of("CopyRecoveryMode", 3)));
        calls.awaitDone(created);
        CIMObjectPath sync = created.ref("Synchronization");
        assertEquals(4, uint16(calls.get(sync), "CopyState"));

        String host = "127.0.0.1:" + server.port();
        String service = "http://" + host + "/" + NS + ":" + FAULTS + ".CreationClassName=\"" + FAULTS
                + "\",Name=\"FaultInjectionService\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
        String volume = host + "/" + NS + ":MSISCSITARGET_StorageVolume.CreationClassName=\"MSISCSITARGET_StorageVolume\",DeviceID=\""
                + diskId(source) + "\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
        Wbemcli.Result offline = Wbemcli.run("cm", service, "TakeOffline.Volume=" + volume);
        assertEquals(0, offline.exitCode(), offline::toString);
        assertTrue(offline.out().contains("TakeOffline: 0"), offline::toString);
        CIMInstance broken = calls.get(sync);
        assertEquals(5, uint16(broken, "CopyState"), "Broken at once: the source went offline");
        assertEquals(3, uint16(broken, "CopyRecoveryMode"), "Manual");

        Wbemcli.Result cleared = Wbemcli.run("cm", service, "ClearVolumeFault.Fault=4,Volume=" + volume);
        assertTrue(cleared.out().contains("ClearVolumeFault: 0"), cleared::toString);
        assertEquals(9, uint16(calls.get(sync), "CopyState"), "Manual: Suspended until the client resumes");
        ReplicationCalls.Answer resumed = calls.invoke(REPLICATION_SERVICE, "ModifyReplicaSynchronization", u16("Operation", 16),
                ref("Synchronization", sync));
        calls.awaitDone(resumed);
        assertEquals(4, uint16(calls.get(sync), "CopyState"));
    }

    @Test
    void aCutLinkPartitionsTheMirrorAndItsJobUntilRestored() throws WBEMException {
        ReplicationCalls.Answer created = slowMirror("disk-2", "logs-mirror");
        CIMObjectPath sync = created.ref("Synchronization");
        CIMObjectPath source = (CIMObjectPath) calls.get(sync).getPropertyValue("SystemElement");
        assertEquals(0, fault("CutLink", ref("Synchronization", sync)));
        CIMInstance partitioned = calls.get(sync);
        assertEquals(16, uint16(partitioned, "CopyState"), "Partitioned");
        assertEquals(18, uint16(partitioned, "ProgressStatus"), "Requires resync");
        CIMInstance failed = calls.await(created.ref("Job"), j -> uint16(j, "JobState") == 10);
        assertEquals(List.of(6, 17), operationalStatus(failed));
        CIMInstance error = onlyError(created.ref("Job"));
        assertEquals(2, uint16(error, "ErrorType"), "Communications Error");
        assertEquals(7, uint16(error, "ProbableCause"), "Communications Subsystem Failure");

        assertEquals(0, fault("ClearVolumeFault", ref("Volume", ReplicationCalls.inNamespace(source))));
        assertEquals(0, fault("RestoreLink", ref("Synchronization", sync)));
        calls.await(sync, s -> uint16(s, "CopyState") == 4);
    }

    /** OperationalStatus, HealthState and StatusDescriptions of a volume, as wbemcli prints them. */
    private static List<String> volumeStatus(CIMObjectPath volume) {
        String url = "http://127.0.0.1:" + server.port() + "/" + NS + ":MSISCSITARGET_StorageVolume.CreationClassName="
                + "\"MSISCSITARGET_StorageVolume\",DeviceID=\"" + diskId(volume)
                + "\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
        Wbemcli.Result r = Wbemcli.run("gi", "-nl", url);
        assertEquals(0, r.exitCode(), r::toString);
        return r.out().lines().filter(l -> l.matches("-(OperationalStatus|HealthState|StatusDescriptions)=.*")).sorted().toList();
    }

    @Test
    void aFaultedVolumeTellsItsFaultUntilCleared() throws WBEMException {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        CIMObjectPath volume = newVolume("health");
        assertEquals(List.of("-HealthState=5", "-OperationalStatus=2", "-StatusDescriptions=\"OK\""), volumeStatus(volume));

        assertEquals(0, fault("FailReads", ref("Volume", volume)));
        assertEquals(List.of("-HealthState=20", "-OperationalStatus=6", "-StatusDescriptions=\"Reads fail\""), volumeStatus(volume));
        assertEquals(0, fault("FailWrites", ref("Volume", volume)));
        assertEquals(List.of("-HealthState=20", "-OperationalStatus=6", "-StatusDescriptions=\"Reads and writes fail\""),
                volumeStatus(volume));
        assertEquals(0, fault("ClearVolumeFault", ref("Volume", volume), u16("Fault", 2)));
        assertEquals(List.of("-HealthState=20", "-OperationalStatus=6", "-StatusDescriptions=\"Writes fail\""), volumeStatus(volume));
        assertEquals(0, fault("TakeOffline", ref("Volume", volume)));
        assertEquals(0, fault("AddLatency", ref("Volume", volume), millis(40)));
        CIMInstance offline = calls.get(volume);
        assertEquals(List.of(13, 3), ReplicationCalls.uint16s(offline, "OperationalStatus"), "Lost Communication, Degraded");
        assertEquals(20, uint16(offline, "HealthState"), "Major failure");
        assertEquals(List.of("Offline: every read and write fails", "Every I/O waits 40 ms"),
                List.of((String[]) offline.getPropertyValue("StatusDescriptions")));
        assertEquals(0, fault("ClearVolumeFault", ref("Volume", volume), u16("Fault", 4)));
        assertEquals(0, fault("ClearVolumeFault", ref("Volume", volume), u16("Fault", 3)));
        assertEquals(List.of("-HealthState=10", "-OperationalStatus=3", "-StatusDescriptions=\"Every I/O waits 40 ms\""),
                volumeStatus(volume));
        assertEquals(0, fault("ClearVolumeFault", ref("Volume", volume)));
        assertEquals(List.of("-HealthState=5", "-OperationalStatus=2", "-StatusDescriptions=\"OK\""), volumeStatus(volume));
    }

    @Test
    void theSystemHostsTheFaultInjectionService() throws WBEMException {
        CIMObjectPath system = ReplicationCalls.inNamespace(all(client.enumerateInstanceNames(classPath(NS, "MSFTSM_ComputerSystem"))).get(0));
        List<String> hosted = all(client.associatorNames(system, "MSISCSITARGET_HostedService", null, null, null)).stream()
                .map(CIMObjectPath::getObjectName).sorted().toList();
        assertEquals(List.of(FAULTS, "MSISCSITARGET_ControllerConfigurationService", "MSISCSITARGET_ReplicationService",
                "MSISCSITARGET_StorageConfigurationService", "MSISCSITARGET_StorageHardwareIDManagementService",
                "MSISCSITARGET_iSCSIConfigurationService"), hosted);
        CIMObjectPath service = calls.service(FAULTS);
        List<CIMObjectPath> hosts = all(client.associatorNames(service, "MSISCSITARGET_HostedService", null, null, null));
        assertEquals(List.of("MSFTSM_ComputerSystem"), hosts.stream().map(CIMObjectPath::getObjectName).toList());
    }

    @Test
    void badArgumentsAnswerInvalidParameterAndChangeNothing() throws WBEMException {
        CIMObjectPath volume = newVolume("bad-args");
        assertEquals(5, fault("FailReads", ref("Volume", ReplicationCalls.volume("disk-999"))), "no such volume");
        assertEquals(5, fault("AddLatency", ref("Volume", volume), millis(0)));
        assertEquals(5, fault("AddLatency", ref("Volume", volume), millis(5001)));
        assertEquals(5, fault("ClearVolumeFault", ref("Volume", volume), u16("Fault", 9)));
        CIMObjectPath notAPair = new CIMObjectPath(null, null, null, NS, "MSISCSITARGET_StorageSynchronized",
                ReplicationCalls.volume("disk-998").getKeys());
        assertEquals(5, fault("CutLink", ref("Synchronization", notAPair)));
        assertEquals(5, fault("FailReads"), "no Volume");
        assertEquals(1, all(client.enumerateInstanceNames(classPath(NS, FAULTS))).size(), "one service instance");
    }

    @Test
    void theClassIsAbsentUnlessEnabled() throws WBEMException {
        try (TestServer plain = TestServer.start()) {
            WBEMClient other = SblimClients.connect(plain.url());
            try {
                assertCimError(6, () -> other.getClass(classPath(NS, FAULTS), false, false, false, null));
                assertCimError(5, () -> all(other.enumerateInstanceNames(classPath(NS, FAULTS))));
                assertTrue(all(other.enumerateClassNames(classPath(NS, "CIM_Service"), true)).stream()
                        .noneMatch(c -> c.getObjectName().equals(FAULTS)));
                assertTrue(all(other.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_HostedService"))).stream()
                        .noneMatch(p -> p.toString().contains(FAULTS)), "hosted by the system only where it exists");
            } finally {
                other.close();
            }
        }
        assertEquals(FAULTS, client.getClass(classPath(NS, FAULTS), false, false, false, null).getName());
    }
}
