package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The host-provisioning subset that the {@code wbemcli} program can express, on the demo server: CreateStorageHardwareID
 * and DeleteStorageHardwareID with {@code cm}, ExposePaths and HidePaths with {@code cmx} (wbemcli 1.6 cannot read a
 * reference-array output parameter, so {@code cm} reports a parse error after the call; {@code cmx} prints the response
 * as it came), each checked by what libiscsi's {@code iscsi-ls} sees as that initiator.
 */
class WbemcliMaskingIT {

    static final String NS = "root/cimv2/storage/iscsitarget";
    static final String HOST = "iqn.2026-12.org.iscsismis:wbemcli-host";
    static final String STRANGER = "iqn.2026-12.org.iscsismis:wbemcli-stranger";
    private static final Pattern RETURN_VALUE = Pattern.compile("<RETURNVALUE[^>]*><VALUE>(\\d+)</VALUE>");
    private static final Pattern SPC_ID = Pattern.compile("<KEYVALUE[^>]*>(spc-\\d+)</KEYVALUE>");

    @RegisterExtension
    static final ServerFixture server = ServerFixture.demo();
    private static final WBEMClient client = server.client();

    private static String base() {
        return "http://127.0.0.1:" + server.port() + "/" + NS + ":";
    }

    /** A service of the system, as wbemcli names an instance: URL, class, keys. */
    private static String service(String className, String name) {
        return base() + className + ".CreationClassName=\"" + className + "\",Name=\"" + name
                + "\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
    }

    /** A reference argument; its host is a name, as wbemcli takes the first dot of an address for the class's. */
    private static String spcReference(String deviceId) {
        return "localhost:" + server.port() + "/" + NS + ":MSISCSITARGET_SCSIProtocolController.CreationClassName="
                + "\"MSISCSITARGET_SCSIProtocolController\",DeviceID=\"" + deviceId
                + "\",SystemCreationClassName=\"MSFTSM_ComputerSystem\",SystemName=\"iscsi-smis\"";
    }

    private static Subprocess.Result ls(String initiator) {
        return Subprocess.run(List.of("iscsi-ls", "-s", "-i", initiator, "iscsi://127.0.0.1:" + server.server().portal().port()),
                Duration.ofSeconds(60));
    }

    private static int returnValue(Wbemcli.Result r) {
        Matcher m = RETURN_VALUE.matcher(r.out());
        assertTrue(m.find(), r::toString);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void createAnIdExposeAVolumeHideItAndDeleteTheId() throws Exception {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        String hwService = service("MSISCSITARGET_StorageHardwareIDManagementService", "StorageHardwareIDManagementService");
        Wbemcli.Result created = Wbemcli.run("cm", hwService,
                "CreateStorageHardwareID.StorageID=\"" + HOST + "\",IDType=5,ElementName=\"wbemcli host\"");
        assertEquals(0, created.exitCode(), created::toString);
        assertTrue(created.out().contains("CreateStorageHardwareID: 0"), created::toString);
        String hardwareId = "MSISCSITARGET_StorageHardwareID.InstanceID=\"iscsi-smis:5:" + HOST + "\"";
        assertTrue(created.out().contains("HardwareID (reference): " + NS + ":" + hardwareId), created::toString);
        Wbemcli.Result again = Wbemcli.run("cm", hwService, "CreateStorageHardwareID.StorageID=\"" + HOST + "\",IDType=5");
        assertTrue(again.out().contains("CreateStorageHardwareID: 4096"), () -> "ID already created: " + again);

        CIMInstance volume = all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_StorageVolume"), false, false, false, null))
                .get(0);
        String name = (String) volume.getPropertyValue("Name");
        String ccs = service("MSISCSITARGET_ControllerConfigurationService", "ControllerConfigurationService");
        Wbemcli.Result exposed = Wbemcli.run("cmx", ccs,
                "ExposePaths.LUNames=\"" + name + "\",InitiatorPortIDs=\"" + HOST + "\",DeviceNumbers=\"7\"");
        assertEquals(0, exposed.exitCode(), exposed::toString);
        assertEquals(0, returnValue(exposed), exposed::toString);
        Matcher spc = SPC_ID.matcher(exposed.out());
        assertTrue(spc.find(), () -> "the new protocol controller is returned: " + exposed);
        String node = server.server().portal().targetName() + ":" + spc.group(1);

        Subprocess.Result host = ls(HOST);
        assertTrue(host.out().contains("Target:" + node + " Portal:"), host::toString);
        String hostView = host.out().substring(host.out().indexOf("Target:" + node));
        assertTrue(hostView.matches("(?s)Target:\\S+ Portal:\\S+\\nLun:7 .*"), () -> "LUN 7 on the host's node: " + host);
        Subprocess.Result stranger = ls(STRANGER);
        assertFalse(stranger.out().contains("Target:" + node + " "), stranger::toString);

        Wbemcli.Result hidden = Wbemcli.run("cmx", ccs,
                "HidePaths.LUNames=\"" + name + "\",ProtocolControllers=" + spcReference(spc.group(1)));
        assertEquals(0, returnValue(hidden), hidden::toString);
        Subprocess.Result after = ls(HOST);
        assertEquals(0, after.exitCode(), after::toString);
        assertFalse(after.out().contains("Target:" + node + " "), () -> "its last LU hidden, the node is gone: " + after);
        assertEquals(5, returnValue(Wbemcli.run("cmx", ccs,
                "HidePaths.LUNames=\"" + name + "\",ProtocolControllers=" + spcReference(spc.group(1)))), "no such controller now");

        Wbemcli.Result deleted = Wbemcli.run("cm", hwService,
                "DeleteStorageHardwareID.HardwareID=localhost:" + server.port() + "/" + NS + ":" + hardwareId);
        assertTrue(deleted.out().contains("DeleteStorageHardwareID: 0"), deleted::toString);
        Wbemcli.Result gone = Wbemcli.run("cm", hwService,
                "DeleteStorageHardwareID.HardwareID=localhost:" + server.port() + "/" + NS + ":" + hardwareId);
        assertTrue(gone.out().contains("DeleteStorageHardwareID: 4096"), () -> "no such hardware ID: " + gone);
    }

    /**
     * Only IDType 5 iSCSI Name can be enforced (a login carries the initiator's name, nothing else); every other type of
     * the value map (1 Other, 2 PortWWN, 3 NodeWWN, 4 Hostname, 6 SwitchWWN) answers 4097, the documented "Hardware
     * implementation does not support specified IDType", and creates nothing.
     */
    @Test
    void everyOtherIdTypeIsRefusedWithTheDocumentedCode() throws Exception {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        String hwService = service("MSISCSITARGET_StorageHardwareIDManagementService", "StorageHardwareIDManagementService");
        int before = all(client.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_StorageHardwareID"))).size();
        for (int idType : new int[] {1, 2, 3, 4, 6}) {
            Wbemcli.Result r = Wbemcli.run("cm", hwService,
                    "CreateStorageHardwareID.StorageID=\"host-" + idType + ".example\",IDType=" + idType + ",OtherIDType=\"MAC\"");
            assertTrue(r.out().contains("CreateStorageHardwareID: 4097"), () -> "IDType " + idType + ": " + r);
        }
        assertEquals(before, all(client.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_StorageHardwareID"))).size());
    }
}
