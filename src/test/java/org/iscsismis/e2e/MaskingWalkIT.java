package org.iscsismis.e2e;

import static org.iscsismis.e2e.ReplicationCalls.CONFIGURATION_SERVICE;
import static org.iscsismis.e2e.ReplicationCalls.ref;
import static org.iscsismis.e2e.ReplicationCalls.text;
import static org.iscsismis.e2e.ReplicationCalls.u16;
import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The SMI-S host-provisioning walk on the demo server, through the SBLIM client and libiscsi's initiators: the
 * default view is deleted (masking on), a hardware ID is created for a host's initiator, a new volume is exposed to it
 * at a chosen LUN; that initiator then sees exactly that LUN (its designator the volume's Name), a second initiator
 * sees no target at all; bad input is refused with the documented codes and changes nothing; HidePaths takes the LUN
 * away again.
 */
class MaskingWalkIT {

    static final String NS = ReplicationCalls.NS;
    static final String CCS = "MSISCSITARGET_ControllerConfigurationService";
    static final String HWID_SERVICE = "MSISCSITARGET_StorageHardwareIDManagementService";
    static final String SPC = "MSISCSITARGET_SCSIProtocolController";
    static final String HOST = "iqn.2026-12.org.iscsismis:walk-host";
    static final String STRANGER = "iqn.2026-12.org.iscsismis:walk-stranger";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static TestServer server;
    private static WBEMClient client;
    private static ReplicationCalls calls;

    @BeforeAll
    static void start() {
        server = TestServer.startWithDemo();
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

    private static String portal() {
        return "iscsi://127.0.0.1:" + server.server().portal().port();
    }

    private static Subprocess.Result ls(String initiator) {
        return Subprocess.run(List.of("iscsi-ls", "-s", "-i", initiator, portal()), TIMEOUT);
    }

    private static CIMArgument<String[]> strings(String name, String... values) {
        return new CIMArgument<>(name, CIMDataType.STRING_ARRAY_T, values);
    }

    private static CIMArgument<CIMObjectPath[]> controllers(CIMObjectPath... spc) {
        return new CIMArgument<>("ProtocolControllers", new CIMDataType(SPC, 0), spc);
    }

    /** {@code p}'s class and keys in a namespace this server does not have (the dispatcher lets such references through). */
    private static CIMObjectPath elsewhere(CIMObjectPath p) {
        return new CIMObjectPath(null, null, null, "root/elsewhere", p.getObjectName(), p.getKeys());
    }

    private static int controllerCount() throws WBEMException {
        return all(client.enumerateInstanceNames(classPath(NS, SPC))).size();
    }

    /**
     * CreateiSCSINode makes a target node live (a protocol controller with its iSCSI endpoint), ExposePaths fills it,
     * DeleteiSCSINode refuses while a session is logged in to it and removes it after.
     */
    @Test
    void createAndDeleteAnIscsiNodeLive() throws Exception {
        String service = "MSISCSITARGET_iSCSIConfigurationService";
        String host = "iqn.2026-12.org.iscsismis:walk-node-host";
        ReplicationCalls.Answer created = calls.invoke(service, "CreateiSCSINode", text("Alias", "walk-node"));
        assertEquals(0, created.returnValue(), created::toString);
        CIMObjectPath node = created.ref("iSCSINode");
        assertEquals(4097, calls.invoke(service, "CreateiSCSINode", text("Alias", "walk-node")).returnValue(), "alias in use");
        String name = (String) client.getInstance(node, false, false, null).getPropertyValue("Name");
        List<CIMObjectPath> endpoints = all(client.associatorNames(node, "MSISCSITARGET_SAPAvailableForElement", null, null, null));
        assertEquals(1, endpoints.size(), endpoints::toString);
        CIMInstance endpoint = client.getInstance(ReplicationCalls.inNamespace(endpoints.get(0)), false, false, null);
        assertEquals(7, ((Number) endpoint.getPropertyValue("ConnectionType")).intValue(), "iSCSI");
        assertEquals(3, ((Number) endpoint.getPropertyValue("Role")).intValue(), "Target");
        assertEquals(1, all(client.associatorNames(endpoint.getObjectPath(), "MSISCSITARGET_BindsTo", null, null, null)).size());

        CIMObjectPath volume = calls.createVolume("walk-node-volume", 8L << 20, "pool-1");
        String volumeName = (String) client.getInstance(volume, false, false, null).getPropertyValue("Name");
        assertEquals(0, calls.invoke(CCS, "ExposePaths", strings("LUNames", volumeName), strings("InitiatorPortIDs", host),
                controllers(node)).returnValue());
        try (HeldLogin session = new HeldLogin(server.server().portal().port(), host, name)) {
            assertEquals(0, session.status());
            assertEquals(4097, calls.invoke(service, "DeleteiSCSINode", ref("iSCSINode", node)).returnValue(), "sessions active");
            assertEquals(1, all(client.associatorNames(endpoint.getObjectPath(), "MSISCSITARGET_EndpointOfNetworkPipe", null, null,
                    null)).size(), "the session ends at the node's endpoint");
        }
        awaitNoSessionOf(host);
        assertEquals(0, calls.invoke(service, "DeleteiSCSINode", ref("iSCSINode", node)).returnValue());
        assertEquals(4096, calls.invoke(service, "DeleteiSCSINode", ref("iSCSINode", node)).returnValue());
    }

    /** Waits (bounded) until no iSCSISession of {@code initiator} is listed: the logout reaches CIM. */
    private static void awaitNoSessionOf(String initiator) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_iSCSISession"), false, false, false, null)).stream()
                .anyMatch(i -> initiator.equals(i.getPropertyValue("EndPointName")))) {
            assertTrue(System.nanoTime() < deadline, "the session of " + initiator + " is still listed after it logged out");
            Thread.onSpinWait();
        }
    }

    @Test
    void exposeAVolumeToAHostThenHideIt() throws Exception {
        CIMObjectPath defaultView = all(client.enumerateInstanceNames(classPath(NS, SPC))).stream()
                .filter(p -> "spc-0".equals(p.getKey("DeviceID").getValue())).findFirst().orElseThrow();
        assertEquals(0, calls.invoke(CCS, "DeleteProtocolController", ref("ProtocolController", defaultView)).returnValue(),
                "the default view goes: masking is on");
        assertFalse(ls(STRANGER).out().contains("Target:"), "with only the demo host's node, a stranger sees no target");

        ReplicationCalls.Answer created = calls.invoke(HWID_SERVICE, "CreateStorageHardwareID", text("ElementName", "walk host"),
                text("StorageID", HOST), u16("IDType", 5));
        assertEquals(0, created.returnValue(), created::toString);
        CIMObjectPath hardwareId = created.ref("HardwareID");
        assertEquals(HOST, client.getInstance(hardwareId, false, false, null).getPropertyValue("StorageID"));
        assertEquals(4096, calls.invoke(HWID_SERVICE, "CreateStorageHardwareID", text("StorageID", HOST), u16("IDType", 5))
                .returnValue(), "ID already created");
        assertEquals(4097, calls.invoke(HWID_SERVICE, "CreateStorageHardwareID", text("StorageID", "host.example"), u16("IDType", 4))
                .returnValue(), "IDType not supported");

        CIMObjectPath volume = calls.createVolume("walk-volume", 8L << 20, "pool-1");
        String name = (String) client.getInstance(volume, false, false, null).getPropertyValue("Name");
        ReplicationCalls.Answer exposed = calls.invoke(CCS, "ExposePaths", strings("LUNames", name),
                strings("InitiatorPortIDs", HOST), strings("DeviceNumbers", "3"));
        assertEquals(0, exposed.returnValue(), exposed::toString);
        CIMObjectPath spc = ((CIMObjectPath[]) exposed.out().get("ProtocolControllers"))[0];
        spc = ReplicationCalls.inNamespace(spc);
        String node = (String) client.getInstance(spc, false, false, null).getPropertyValue("Name");
        List<CIMObjectPath> units = all(client.associatorNames(spc, "MSISCSITARGET_ProtocolControllerForUnit", null, null, null));
        assertEquals(List.of(ReplicationCalls.diskId(volume)), units.stream().map(ReplicationCalls::diskId).toList());
        CIMObjectPath privilege = all(client.associatorNames(spc, "MSISCSITARGET_AuthorizedTarget", null, null, null)).get(0);
        List<CIMObjectPath> subjects = all(client.associatorNames(privilege, "MSISCSITARGET_AuthorizedSubject", null, null, null));
        assertEquals(1, subjects.size(), subjects::toString);
        assertEquals(HOST, client.getInstance(ReplicationCalls.inNamespace(subjects.get(0)), false, false, null)
                .getPropertyValue("StorageID"));

        Subprocess.Result host = ls(HOST);
        assertTrue(host.out().contains("Target:" + node + " Portal:"), host::toString);
        assertTrue(host.out().contains("Lun:3 "), host::toString);
        assertEquals(1, host.out().split("Lun:").length - 1, () -> "exactly one LUN: " + host);
        Subprocess.Result inq = IscsiClients.ok(List.of("iscsi-inq", "-i", HOST, "-e", "1", "-c", "131", portal() + "/" + node + "/3"));
        assertTrue(inq.out().contains("naa." + name), () -> "the designator is the volume's Name " + name + ": " + inq);
        Subprocess.Result stranger = ls(STRANGER);
        assertFalse(stranger.out().contains("Target:"), stranger::toString);
        try (HeldLogin session = new HeldLogin(server.server().portal().port(), HOST, node)) {
            assertEquals(0, session.status());
            List<CIMInstance> sessions = all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_iSCSISession"), false, false, false, null));
            CIMInstance mine = sessions.stream().filter(i -> HOST.equals(i.getPropertyValue("EndPointName"))).findFirst().orElseThrow();
            assertEquals(node, mine.getPropertyValue("Name"));
            assertEquals(3, ((Number) mine.getPropertyValue("SessionType")).intValue(), "Normal");
            assertEquals(1, all(client.associatorNames(mine.getObjectPath(), "MSISCSITARGET_NetworkPipeComposition", null, null, null)).size());
            assertEquals(1, all(client.associatorNames(mine.getObjectPath(), "MSISCSITARGET_ElementSettingData", null, null, null)).size());
        }
        awaitNoSessionOf(HOST);
        try (HeldLogin session = new HeldLogin(server.server().portal().port(), STRANGER, node)) {
            assertEquals(0x0202, session.status(), "Authorization Failure");
        }
        Subprocess.Result refused = Subprocess.run(List.of("iscsi-inq", "-i", STRANGER, portal() + "/" + node + "/3"), TIMEOUT);
        assertTrue(refused.exitCode() != 0, () -> "a stranger cannot log in to the host's node: " + refused);

        // bad input: documented codes, nothing changed
        int before = controllerCount();
        assertEquals(4097, calls.invoke(CCS, "ExposePaths", strings("LUNames", "6000000000000000000000000000000F"),
                strings("InitiatorPortIDs", HOST)).returnValue(), "a volume of no system here");
        CIMObjectPath other = calls.createVolume("walk-other", 8L << 20, "pool-1");
        String otherName = (String) client.getInstance(other, false, false, null).getPropertyValue("Name");
        assertEquals(4102, calls.invoke(CCS, "ExposePaths", strings("LUNames", otherName), strings("DeviceNumbers", "3"),
                controllers(spc)).returnValue(), "LUN 3 is in use on that controller");
        assertEquals(4098, calls.invoke(CCS, "ExposePaths", strings("LUNames", otherName),
                strings("InitiatorPortIDs", "not an iSCSI name")).returnValue(), "an initiator ID that cannot be one");
        assertEquals(4, calls.invoke(HWID_SERVICE, "DeleteStorageHardwareID", ref("HardwareID", hardwareId)).returnValue(),
                "the hardware ID is in use");
        CIMObjectPath spcElsewhere = elsewhere(spc);
        assertEquals(5, calls.invoke(CCS, "ExposePaths", strings("LUNames", otherName), controllers(spcElsewhere))
                .returnValue(), "the controller's keys, in another namespace");
        assertEquals(5, calls.invoke(CCS, "HidePaths", strings("LUNames", name), controllers(spcElsewhere)).returnValue());
        assertEquals(5, calls.invoke(CCS, "DeleteProtocolController", ref("ProtocolController", spcElsewhere)).returnValue());
        assertEquals(5, calls.invoke(HWID_SERVICE, "DeleteStorageHardwareID", ref("HardwareID", elsewhere(hardwareId)))
                .returnValue(), "the hardware ID's keys, in another namespace");
        assertEquals(before, controllerCount());
        assertEquals(1, all(client.associatorNames(spc, "MSISCSITARGET_ProtocolControllerForUnit", null, null, null)).size());
        assertTrue(ls(HOST).out().contains("Lun:3 "));

        ReplicationCalls.Answer hidden = calls.invoke(CCS, "HidePaths", strings("LUNames", name), controllers(spc));
        assertEquals(0, hidden.returnValue(), hidden::toString);
        assertEquals(before - 1, controllerCount(), "the controller went with its last LU (SPCAllowsNoLUs FALSE)");
        assertFalse(ls(HOST).out().contains("Target:" + node), "the LUN and its node are gone for the host");
        assertEquals(0, calls.invoke(HWID_SERVICE, "DeleteStorageHardwareID", ref("HardwareID", hardwareId)).returnValue());
        assertEquals(4096, calls.invoke(HWID_SERVICE, "DeleteStorageHardwareID", ref("HardwareID", hardwareId)).returnValue());
    }
}
