package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.NS;
import static org.iscsismis.e2e.ReplicationCalls.REPLICATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iscsismis.e2e.DataDirectoryRuns.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * What the packaged server keeps in its data directory for listeners and initiators: an indication subscription
 * (with its filter and listener destination) and the masking a client set up (the default view deleted, a target
 * node, a hardware ID, a volume exposed at a chosen LUN). The server is killed with SIGKILL and started again on the
 * same directory: the subscription is listed and delivers the next pair change under a new SequenceContext, the node
 * is there, and libiscsi's initiator sees exactly the LUNs it saw before while a second initiator still sees nothing.
 */
class SubscriptionsAndMaskingKeptIT {

    private static final String HOST = "iqn.2026-12.org.iscsismis:kept-host";
    private static final String STRANGER = "iqn.2026-12.org.iscsismis:kept-stranger";
    private static final String SPC = "MSISCSITARGET_SCSIProtocolController";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ISCSI_PORT = Pattern.compile("on port (\\d+)");
    private static final String WATCH = "SELECT * FROM CIM_InstIndication WHERE SourceInstance ISA MSISCSITARGET_StorageSynchronized";
    private final DataDirectoryRuns runs = new DataDirectoryRuns("kept");

    @AfterEach
    void deleteDataDir() {
        runs.close();
    }

    @Test
    void aSubscriptionANodeAndItsLunsSurviveASigkill() throws Exception {
        CIMObjectPath node;
        String nodeName;
        List<String> hostSaw;
        Object firstContext;
        try (IndicationListeners listener = new IndicationListeners()) {
            try (ServerProcess server = runs.start()) {
                Session s = DataDirectoryRuns.session(server);
                new Subscriptions(s.client()).subscribe("kept-watch", "WQL", WATCH, listener.url(), NS);
                assertEquals(Boolean.TRUE, capabilities(s.client()).getPropertyValue("SubscriptionsPersisted"));
                clone(s, "disk-2");
                firstContext = listener.await(l -> !l.isEmpty(), "a pair change before the restart").get(0)
                        .getPropertyValue("SequenceContext");

                CIMObjectPath defaultView = ReplicationCalls.inNamespace(all(s.client().enumerateInstanceNames(classPath(NS, SPC)))
                        .stream().filter(p -> "spc-0".equals(p.getKey("DeviceID").getValue())).findFirst().orElseThrow());
                assertEquals(0, s.calls().invoke(MaskingWalkIT.CCS, "DeleteProtocolController",
                        ref("ProtocolController", defaultView)).returnValue());
                ReplicationCalls.Answer created = s.calls().invoke("MSISCSITARGET_iSCSIConfigurationService", "CreateiSCSINode",
                        text("Alias", "kept-node"));
                assertEquals(0, created.returnValue(), created::toString);
                node = ReplicationCalls.inNamespace(created.ref("iSCSINode"));
                nodeName = (String) s.client().getInstance(node, false, false, null).getPropertyValue("Name");
                assertEquals(0, s.calls().invoke(MaskingWalkIT.HWID_SERVICE, "CreateStorageHardwareID", text("StorageID", HOST),
                        u16("IDType", 5)).returnValue());
                String volume = volumeName(s, s.calls().createVolume("kept-volume", 8L << 20, "pool-1"));
                ReplicationCalls.Answer exposed = s.calls().invoke(MaskingWalkIT.CCS, "ExposePaths", strings("LUNames", volume),
                        strings("InitiatorPortIDs", HOST), strings("DeviceNumbers", "5"), controllers(node));
                assertEquals(0, exposed.returnValue(), exposed::toString);

                hostSaw = luns(ls(server, HOST));
                List<String> saw = hostSaw;
                assertEquals(2, saw.size(), saw::toString);
                assertEquals("Target:" + nodeName, saw.get(0));
                assertTrue(saw.get(1).startsWith("Lun:5 "), saw::toString);
                assertFalse(ls(server, STRANGER).contains("Target:"), "masking is on: a stranger sees no target");
                s.client().close();
                server.kill();
            }
            listener.clear();
            try (ServerProcess server = runs.start()) {
                Session s = DataDirectoryRuns.session(server);
                List<CIMInstance> subscriptions = all(s.client().enumerateInstances(Subscriptions.path("CIM_IndicationSubscription"),
                        false, false, false, null));
                assertEquals(1, subscriptions.size(), subscriptions::toString);
                assertTrue(String.valueOf(subscriptions.get(0).getPropertyValue("Filter")).contains("kept-watch"),
                        subscriptions::toString);
                assertEquals(Boolean.TRUE, capabilities(s.client()).getPropertyValue("SubscriptionsPersisted"));

                assertEquals(nodeName, s.client().getInstance(node, false, false, null).getPropertyValue("Name"));
                assertFalse(all(s.client().enumerateInstanceNames(classPath(NS, SPC))).stream()
                        .anyMatch(p -> "spc-0".equals(p.getKey("DeviceID").getValue())), "the default view stays deleted");
                assertEquals(hostSaw, luns(ls(server, HOST)), "the host sees exactly the LUNs it saw before");
                String stranger = ls(server, STRANGER);
                assertFalse(stranger.contains("Target:"), stranger);

                clone(s, "disk-1");
                CIMInstance first = listener.await(l -> !l.isEmpty(), "a pair change after the restart").get(0);
                assertNotEquals(firstContext, first.getPropertyValue("SequenceContext"),
                        "a listener can tell the numbering started again");
                assertEquals(0L, ((Number) first.getPropertyValue("SequenceNumber")).longValue());
                assertEquals("kept-watch", first.getPropertyValue("IndicationFilterName"));
                s.client().close();
                server.kill();
            }
        }
    }

    /** A clone of a demo volume: a new StorageSynchronized, so an indication for the subscription. */
    private static void clone(Session s, String diskId) throws WBEMException {
        ReplicationCalls.Answer clone = s.calls().invoke(REPLICATION_SERVICE, "CreateElementReplica", u16("SyncType", 8),
                ref("SourceElement", ReplicationCalls.volume(diskId)));
        assertTrue(clone.returnValue() == 0 || clone.returnValue() == 4096, clone::toString);
    }

    private static CIMInstance capabilities(WBEMClient client) throws WBEMException {
        return all(client.enumerateInstances(Subscriptions.path("CIM_IndicationServiceCapabilities"), false, false, false, null)).get(0);
    }

    private static String volumeName(Session s, CIMObjectPath volume) throws WBEMException {
        return (String) s.client().getInstance(volume, false, false, null).getPropertyValue("Name");
    }

    private static String ls(ServerProcess server, String initiator) throws InterruptedException {
        Matcher port = ISCSI_PORT.matcher(server.awaitLine("iscsi-smis listening on "));
        assertTrue(port.find(), "the banner names the iSCSI port");
        Subprocess.Result r = Subprocess.run(List.of("iscsi-ls", "-s", "-i", initiator, "iscsi://127.0.0.1:" + port.group(1)), TIMEOUT);
        return r.out();
    }

    /** The targets and LUNs of iscsi-ls output, without the portal (its port changes with every start). */
    private static List<String> luns(String out) {
        return out.lines().map(String::trim).filter(l -> l.startsWith("Target:") || l.startsWith("Lun:"))
                .map(l -> l.startsWith("Target:") ? l.split(" ")[0] : l).toList();
    }

    private static CIMArgument<String[]> strings(String name, String... values) {
        return new CIMArgument<>(name, CIMDataType.STRING_ARRAY_T, values);
    }

    private static CIMArgument<CIMObjectPath[]> controllers(CIMObjectPath... spc) {
        return new CIMArgument<>("ProtocolControllers", new CIMDataType(SPC, 0), spc);
    }
}
