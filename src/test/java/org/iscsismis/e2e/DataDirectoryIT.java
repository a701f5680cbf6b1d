package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.ReplicationCalls.uint16;
import static org.iscsismis.e2e.ReplicationCalls.uint16s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.iscsismis.e2e.DataDirectoryRuns.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the packaged server keeps in its data directory beyond the target (pools, disks and pairs are
 * {@link CrashRecoveryIT}'s): jobs, and the namespaces, classes and instances clients create. Each test kills the server with SIGKILL and starts it again on the same directory.
 */
class DataDirectoryIT {

    private static final String FAULTS = "ISMIS_FaultInjectionService";
    private final DataDirectoryRuns runs = new DataDirectoryRuns("data");

    @AfterEach
    void deleteDataDir() {
        runs.close();
    }
    @Test
    void aJobRunningAtASigkillComesBackInterruptedAndNumberingGoesOn() throws Exception {
        runningJobAcrossARestart(ServerProcess::kill);
    }

    @Test
    void aJobRunningAtASigtermComesBackInterruptedToo() throws Exception {
        runningJobAcrossARestart(server -> assertEquals(0, server.terminate(), server::output));
    }

    /** How the test stops the first server. */
    private interface Stop {
        void stop(ServerProcess server) throws Exception;
    }

    private void runningJobAcrossARestart(Stop stop) throws Exception {
        CIMObjectPath job;
        CIMObjectPath target;
        try (ServerProcess server = runs.start("--enable-fault-injection")) {
            Session s = DataDirectoryRuns.session(server);
            CIMObjectPath source = ReplicationCalls.volume("disk-1"); // the demo's db-data: 16 chunks written
            slow(s, source);
            ReplicationCalls.Answer clone = s.calls().invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 8),
                    ref("SourceElement", source));
            assertEquals(4096, clone.returnValue(), clone::toString);
            job = clone.ref("Job");
            target = clone.ref("TargetElement");
            assertEquals(4, uint16(s.calls().get(job), "JobState"), "Running while the slowed copy goes on");
            s.client().close();
            stop.stop(server);
        }
        try (ServerProcess server = runs.start("--enable-fault-injection")) {
            Session s = DataDirectoryRuns.session(server);
            CIMInstance interrupted = s.calls().get(job);
            assertEquals(10, uint16(interrupted, "JobState"), () -> "Exception: " + interrupted);
            assertEquals(List.of(6, 17), uint16s(interrupted, "OperationalStatus"), "Error, Completed");
            assertEquals(1, uint16(interrupted, "ErrorCode"), "CIM_ERR_FAILED");
            String description = (String) interrupted.getPropertyValue("ErrorDescription");
            assertTrue(description.startsWith("Interrupted by a restart of the server"), description);

            List<CIMObjectPath> affected = SblimClients.all(s.client().associatorNames(job, "CIM_AffectedJobElement",
                    null, null, null));
            assertTrue(affected.stream().anyMatch(p -> sameKeys(p, target)),
                    () -> "the clone's target volume is still an affected element of the job: " + affected);

            slow(s, ReplicationCalls.volume("disk-2")); // a copy that takes a while, so it is a job
            ReplicationCalls.Answer next = s.calls().invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 8),
                    ref("SourceElement", ReplicationCalls.volume("disk-2")));
            assertEquals(4096, next.returnValue(), next::toString);
            String before = (String) job.getKeyValue("InstanceID");
            String after = (String) next.ref("Job").getKeyValue("InstanceID");
            assertNotEquals(before, after);
            assertTrue(number(after) > number(before), () -> after + " is numbered after " + before);
            s.client().close();
            server.kill();
        }
    }

    @Test
    void classesInstancesAndNamespacesClientsCreateSurviveASigkill() throws Exception {
        CIMObjectPath gadgetClass = SblimClients.classPath("root/cimv2", "ACME_Gadget");
        CIMObjectPath gadget = new CIMObjectPath(null, null, null, "root/cimv2", "ACME_Gadget",
                new CIMProperty<?>[] {new CIMProperty<>("Id", CIMDataType.STRING_T, "g-1", true, false, null)});
        try (ServerProcess server = runs.start("--enable-fault-injection")) {
            Session s = DataDirectoryRuns.session(server);
            s.client().createInstance(new CIMInstance(SblimClients.classPath("root/interop", "CIM_Namespace"),
                    new CIMProperty<?>[] {new CIMProperty<>("Name", CIMDataType.STRING_T, "acme/lab")}));
            s.client().createClass(new CIMClass(gadgetClass, null, new CIMQualifier<?>[0], new CIMClassProperty<?>[] {
                new CIMClassProperty<>("Id", CIMDataType.STRING_T, null, new CIMQualifier<?>[] {
                    new CIMQualifier<>("Key", CIMDataType.BOOLEAN_T, Boolean.TRUE, CIMFlavor.DISABLEOVERRIDE)}, true, false, null),
                new CIMClassProperty<>("Weight", CIMDataType.UINT32_T, null, new CIMQualifier<?>[0], false, false, null)},
                    new CIMMethod<?>[0], false, true));
            s.client().createInstance(new CIMInstance(gadget, new CIMProperty<?>[] {
                new CIMProperty<>("Id", CIMDataType.STRING_T, "g-1", true, false, null),
                new CIMProperty<>("Weight", CIMDataType.UINT32_T, new UnsignedInteger32(42))}));
            s.client().close();
            server.kill();
        }
        try (ServerProcess server = runs.start("--enable-fault-injection")) {
            Session s = DataDirectoryRuns.session(server);
            List<String> namespaces = SblimClients.all(s.client().enumerateInstances(SblimClients.classPath("root/interop",
                    "CIM_Namespace"), true, false, false, null)).stream().map(i -> (String) i.getPropertyValue("Name")).toList();
            assertTrue(namespaces.contains("acme/lab"), namespaces::toString);
            CIMClass cls = s.client().getClass(gadgetClass, false, true, false, null);
            assertEquals("ACME_Gadget", cls.getName());
            assertTrue(cls.getProperty("Weight") != null && cls.getProperty("Id").isKey(), cls::toString);
            CIMInstance read = s.client().getInstance(gadget, false, false, null);
            assertEquals(new UnsignedInteger32(42), read.getPropertyValue("Weight"));
            s.client().close();
            server.kill();
        }
    }

    /** Slows the volume's I/O with the fault-injection service, so a copy from it is still running when the test acts. */
    private static void slow(Session s, CIMObjectPath volume) throws WBEMException {
        long added = s.calls().invoke(FAULTS, "AddLatency", ref("Volume", volume), new CIMArgument<>("Milliseconds",
                CIMDataType.UINT32_T, new UnsignedInteger32(500))).returnValue();
        assertEquals(0, added);
    }

    private static boolean sameKeys(CIMObjectPath a, CIMObjectPath b) {
        return a.getObjectName().equalsIgnoreCase(b.getObjectName())
                && a.getKeyValue("DeviceID").equals(b.getKeyValue("DeviceID"));
    }

    private static long number(String instanceId) {
        return Long.parseLong(instanceId.substring(instanceId.lastIndexOf(':') + 1));
    }
}
