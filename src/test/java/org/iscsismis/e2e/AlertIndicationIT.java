package org.iscsismis.e2e;

import static org.iscsismis.e2e.IndicationIT.number;
import static org.iscsismis.e2e.ReplicationCalls.NS;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.diskId;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Alerts from faults injected through CIM (ISMIS_FaultInjectionService), received by the SBLIM client's WBEMListener:
 * a volume that fails writes raises a Disk Failure alert about that volume and its mirror a Loss of Redundancy alert
 * as it goes Broken; clearing the fault raises Previous Alert Cleared for both, and the mirror recovers. A cut link
 * raises a Communications Alert as the mirror goes Partitioned, and restoring it Previous Alert Cleared; latency added to
 * a volume raises a Quality of Service Alert, and clearing it Previous Alert Cleared.
 */
class AlertIndicationIT {

    private static final String FAULTS = "ISMIS_FaultInjectionService";
    private static TestServer server;
    private static WBEMClient client;
    private static ReplicationCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true")
                .with(ServerConfig.FAULTS_ENABLED, "true"));
        client = SblimClients.connect(server.url());
        calls = new ReplicationCalls(client);
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
    void unsubscribe() throws Exception {
        for (CIMObjectPath s : SblimClients.all(client.enumerateInstanceNames(Subscriptions.path("CIM_IndicationSubscription")))) {
            client.deleteInstance(Subscriptions.withNamespace(s));
        }
    }

    private static Map<String, CIMInstance> byMessageId(List<CIMInstance> alerts) {
        return alerts.stream().collect(Collectors.toMap(a -> (String) a.getPropertyValue("MessageID"), Function.identity()));
    }

    /** The CopyStates indicated for the pair whose target is {@code replicaId}, in order. */
    private static List<Integer> copyStates(List<CIMInstance> modifications, String replicaId) {
        return modifications.stream().map(IndicationIT::source)
                .filter(p -> diskId((CIMObjectPath) p.getPropertyValue("SyncedElement")).equals(replicaId))
                .map(p -> number(p, "CopyState")).toList();
    }

    /** The alert's properties as CIM_AlertIndication defines them, for a Device Alert raised by this server's system. */
    private static void assertAlert(CIMInstance a, int severity, int cause, String elementClass, String elementKey) {
        assertAlert(a, 5, severity, cause, elementClass, elementKey);
    }

    /** The same, for an alert of {@code alertType} (2 Communications, 3 Quality of Service, 5 Device). */
    private static void assertAlert(CIMInstance a, int alertType, int severity, int cause, String elementClass, String elementKey) {
        assertEquals("CIM_AlertIndication", a.getClassName());
        assertEquals(alertType, number(a, "AlertType"), a::toString);
        assertEquals(severity, number(a, "PerceivedSeverity"), a::toString);
        assertEquals(cause, number(a, "ProbableCause"), a::toString);
        assertEquals(2, number(a, "AlertingElementFormat"), "CIMObjectPath");
        String element = (String) a.getPropertyValue("AlertingManagedElement");
        assertTrue(element.startsWith(NS + ":" + elementClass + ".") && element.contains(elementKey), element);
        assertEquals("MSFTSM_ComputerSystem", a.getPropertyValue("SystemCreationClassName"));
        assertEquals("iscsi-smis", a.getPropertyValue("SystemName"));
        assertEquals("iscsi-smis", a.getPropertyValue("OwningEntity"));
        assertEquals(a.getPropertyValue("Description"), a.getPropertyValue("Message"));
        assertTrue(a.getPropertyValue("IndicationIdentifier") != null && a.getPropertyValue("IndicationTime") != null, a::toString);
    }

    /**
     * A synchronous mirror of a new volume named {@code name}, created once {@code alerts} is subscribed to every alert
     * and {@code pairs} to the pairs' modifications (but to Synchronized).
     */
    private static ReplicationCalls.Answer watchedMirror(IndicationListeners alerts, IndicationListeners pairs, String name)
            throws Exception {
        Subscriptions subscriptions = new Subscriptions(client);
        subscriptions.subscribe(name + "-alerts", "WQL", "SELECT * FROM CIM_AlertIndication", alerts.url(), NS);
        subscriptions.subscribe(name + "-changes", "DMTF:CQL", "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA "
                + "MSISCSITARGET_StorageSynchronized AND SourceInstance.CopyState <> 3", pairs.url(), NS);
        CIMObjectPath volume = calls.newVolume("pool-1", 4L << 20, name);
        ReplicationCalls.Answer created = calls.invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 6),
                u16("Mode", 2), ref("SourceElement", volume), text("ElementName", name + "-mirror"));
        calls.awaitDone(created);
        return created;
    }

    @Test
    void aVolumeFaultAndItsClearingRaiseAlertsBesideTheMirrorGoingBrokenAndRecovering() throws Exception {
        try (IndicationListeners alerts = new IndicationListeners(); IndicationListeners pairs = new IndicationListeners()) {
            ReplicationCalls.Answer created = watchedMirror(alerts, pairs, "alerted");
            CIMObjectPath replica = created.ref("TargetElement");
            String replicaId = diskId(replica);

            ReplicationCalls.Answer failed = calls.invoke(FAULTS, "FailWrites", ref("Volume", replica));
            assertEquals(0, failed.returnValue(), failed::toString);
            Map<String, CIMInstance> raised = byMessageId(alerts.await(l -> l.size() >= 2, "the volume's and the pair's alerts"));
            assertEquals(2, raised.size(), raised::toString);
            CIMInstance diskFault = raised.get("ISMIS-ALERT-VOLUME-FAULT");
            assertAlert(diskFault, 5, 86, "MSISCSITARGET_StorageVolume", "DeviceID=\"" + replicaId + "\"");
            assertArrayEquals(new Object[] {replicaId}, (Object[]) diskFault.getPropertyValue("MessageArguments"));
            CIMInstance broken = raised.get("ISMIS-ALERT-PAIR-BROKEN");
            assertAlert(broken, 5, 88, "MSISCSITARGET_StorageSynchronized", replicaId);
            pairs.await(l -> copyStates(l, replicaId).contains(5), "the mirror going Broken (5)");

            assertEquals(0, calls.invoke(FAULTS, "ClearVolumeFault", ref("Volume", replica)).returnValue());
            List<CIMInstance> all = alerts.await(l -> l.size() >= 4, "the two recoveries");
            assertEquals(4, all.size(), all::toString);
            Map<String, CIMInstance> cleared = byMessageId(all.subList(2, 4));
            assertAlert(cleared.get("ISMIS-ALERT-VOLUME-RECOVERED"), 2, 59, "MSISCSITARGET_StorageVolume", "DeviceID=\"" + replicaId + "\"");
            assertAlert(cleared.get("ISMIS-ALERT-PAIR-RECOVERED"), 2, 59, "MSISCSITARGET_StorageSynchronized", replicaId);
            pairs.await(l -> copyStates(l, replicaId).lastIndexOf(4) > copyStates(l, replicaId).indexOf(5),
                    "the mirror Synchronized (4) again");
        }
    }

    @Test
    void aCutLinkAndItsRestoringRaiseAlertsAsTheMirrorIsPartitionedAndRejoins() throws Exception {
        try (IndicationListeners alerts = new IndicationListeners(); IndicationListeners pairs = new IndicationListeners()) {
            ReplicationCalls.Answer created = watchedMirror(alerts, pairs, "linked");
            CIMObjectPath volume = (CIMObjectPath) calls.get(created.ref("Synchronization")).getPropertyValue("SystemElement");
            CIMObjectPath sync = created.ref("Synchronization");
            String replicaId = diskId(created.ref("TargetElement"));

            assertEquals(0, calls.invoke(FAULTS, "CutLink", ref("Synchronization", sync)).returnValue());
            CIMInstance cut = alerts.await(l -> !l.isEmpty(), "the cut link's alert").get(0);
            assertEquals("ISMIS-ALERT-PAIR-PARTITIONED", cut.getPropertyValue("MessageID"));
            assertAlert(cut, 2, 5, 7, "MSISCSITARGET_StorageSynchronized", replicaId);
            assertArrayEquals(new Object[] {diskId(volume), replicaId}, (Object[]) cut.getPropertyValue("MessageArguments"));
            pairs.await(l -> copyStates(l, replicaId).contains(16), "the mirror Partitioned (16)");

            assertEquals(0, calls.invoke(FAULTS, "RestoreLink", ref("Synchronization", sync)).returnValue());
            List<CIMInstance> all = alerts.await(l -> l.size() >= 2, "the restored link's alert");
            assertEquals(2, all.size(), all::toString);
            assertEquals("ISMIS-ALERT-PAIR-LINK-RESTORED", all.get(1).getPropertyValue("MessageID"));
            assertAlert(all.get(1), 2, 2, 59, "MSISCSITARGET_StorageSynchronized", replicaId);
            pairs.await(l -> copyStates(l, replicaId).lastIndexOf(4) > copyStates(l, replicaId).indexOf(16),
                    "the mirror Synchronized (4) again");
        }
    }

    @Test
    void addedLatencyAndItsClearingRaiseQualityOfServiceAlerts() throws Exception {
        try (IndicationListeners alerts = new IndicationListeners()) {
            Subscriptions subscriptions = new Subscriptions(client);
            subscriptions.subscribe("latency-alerts", "WQL", "SELECT * FROM CIM_AlertIndication", alerts.url(), NS);
            CIMObjectPath volume = calls.newVolume("pool-1", 4L << 20, "slowed");
            String volumeId = diskId(volume);

            assertEquals(0, calls.invoke(FAULTS, "AddLatency", ref("Volume", volume), ReplicationCalls.u64("Milliseconds", 250))
                    .returnValue());
            CIMInstance slow = alerts.await(l -> !l.isEmpty(), "the latency alert").get(0);
            assertEquals("ISMIS-ALERT-VOLUME-LATENCY", slow.getPropertyValue("MessageID"));
            assertAlert(slow, 3, 3, 45, "MSISCSITARGET_StorageVolume", "DeviceID=\"" + volumeId + "\"");
            assertArrayEquals(new Object[] {volumeId, "250"}, (Object[]) slow.getPropertyValue("MessageArguments"));

            assertEquals(0, calls.invoke(FAULTS, "ClearVolumeFault", ref("Volume", volume), u16("Fault", 5)).returnValue());
            List<CIMInstance> all = alerts.await(l -> l.size() >= 2, "the cleared latency's alert");
            assertEquals(2, all.size(), all::toString);
            assertEquals("ISMIS-ALERT-VOLUME-LATENCY-CLEARED", all.get(1).getPropertyValue("MessageID"));
            assertAlert(all.get(1), 3, 2, 59, "MSISCSITARGET_StorageVolume", "DeviceID=\"" + volumeId + "\"");
        }
    }

    @Test
    void aFaultServiceCallThatFailsRaisesNoAlert() throws Exception {
        try (IndicationListeners alerts = new IndicationListeners()) {
            Subscriptions subscriptions = new Subscriptions(client);
            subscriptions.subscribe("alerts-bad", "WQL", "SELECT * FROM CIM_AlertIndication", alerts.url(), NS);
            assertEquals(5, calls.invoke(FAULTS, "FailReads", ref("Volume", ReplicationCalls.volume("disk-999"))).returnValue());
            CIMObjectPath volume = calls.newVolume("pool-1", 4L << 20, "offline");
            assertEquals(0, calls.invoke(FAULTS, "TakeOffline", ref("Volume", volume)).returnValue());
            // the offline alert is the first this listener receives: the refused call raised none before it
            List<CIMInstance> got = alerts.await(l -> !l.isEmpty(), "the offline volume's alert");
            assertEquals("ISMIS-ALERT-VOLUME-FAULT", got.get(0).getPropertyValue("MessageID"));
            assertTrue(((String) got.get(0).getPropertyValue("Description")).contains("is offline"), got::toString);
            assertEquals(0, calls.invoke(FAULTS, "ClearVolumeFault", ref("Volume", volume)).returnValue());
        }
    }
}
