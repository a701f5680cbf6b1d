package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The model around the pairs on a server started with the demo (one pool, six volumes, three pairs): the target
 * system, capabilities, settings and the associations that link them, walked and queried through the SBLIM client
 * and wbemcli.
 */
class IscsiModelIT {

    static final String NS = "root/cimv2/storage/iscsitarget";
    static final String SYSTEM = "MSFTSM_ComputerSystem";
    static final String RSC = "MSISCSITARGET_ReplicationServiceCapabilities";
    static final String SERVICE_KEYS = "[CreationClassName, Name, SystemCreationClassName, SystemName]";
    /** Each class of the model and how many instances the demo has. */
    static final Map<String, Integer> COUNTS = new TreeMap<>(Map.ofEntries(
            Map.entry(SYSTEM, 1), Map.entry(RSC, 1),
            Map.entry("MSISCSITARGET_StorageReplicationCapabilities", 1),
            Map.entry("MSISCSITARGET_StorageConfigurationCapabilities", 1),
            Map.entry("MSISCSITARGET_StorageCapabilities", 1), Map.entry("MSISCSITARGET_StorageSetting", 1),
            Map.entry("MSISCSITARGET_HostedService", 5), Map.entry("MSISCSITARGET_HostedStoragePool", 1),
            Map.entry("MSISCSITARGET_AllocatedFromStoragePool", 6), Map.entry("MSISCSITARGET_SystemDevice", 8),
            Map.entry("MSISCSITARGET_ElementCapabilities", 7),
            Map.entry("MSISCSITARGET_StorageSettingsAssociatedToCapabilities", 1)));

    @RegisterExtension
    static final ServerFixture server = ServerFixture.demo();
    private static final WBEMClient client = server.client();

    static CIMObjectPath systemPath() throws WBEMException {
        List<CIMObjectPath> systems = all(client.enumerateInstanceNames(classPath(NS, SYSTEM)));
        assertEquals(1, systems.size());
        return systems.get(0);
    }

    static CIMObjectPath rscPath() throws WBEMException {
        return all(client.enumerateInstanceNames(classPath(NS, RSC))).get(0);
    }

    static boolean isService(CIMObjectPath p) {
        return p.getObjectName().endsWith("Service");
    }

    /** A service reference names one of the five service classes with the four CIM_Service keys of our system. */
    static void assertServicePath(CIMObjectPath p) {
        assertTrue(List.of("MSISCSITARGET_ReplicationService", "MSISCSITARGET_StorageConfigurationService",
                        "MSISCSITARGET_ControllerConfigurationService", "MSISCSITARGET_StorageHardwareIDManagementService",
                        "MSISCSITARGET_iSCSIConfigurationService")
                .contains(p.getObjectName()), p::toString);
        TreeSet<String> keys = new TreeSet<>();
        Arrays.stream(p.getKeys()).forEach(k -> keys.add(k.getName()));
        assertEquals(SERVICE_KEYS, keys.toString());
        assertEquals(p.getObjectName(), p.getKey("CreationClassName").getValue());
        assertEquals(SYSTEM, p.getKey("SystemCreationClassName").getValue());
        assertEquals("iscsi-smis", p.getKey("SystemName").getValue());
    }

    @Test
    void everyClassEnumeratesAndEachPathResolves() throws WBEMException {
        for (Map.Entry<String, Integer> e : COUNTS.entrySet()) {
            List<CIMInstance> instances = all(client.enumerateInstances(classPath(NS, e.getKey()), true, false, false, null));
            assertEquals(e.getValue(), instances.size(), e::getKey);
            for (CIMInstance i : instances) {
                assertEquals(e.getKey(), i.getClassName());
                assertEquals(i.getObjectPath().getKeys().length, client.getInstance(i.getObjectPath(), false, false, null)
                        .getObjectPath().getKeys().length);
                for (CIMProperty<?> p : i.getProperties()) {
                    if (p.getValue() instanceof CIMObjectPath ref) { // every reference resolves
                        if (isService(ref)) {
                            assertServicePath(ref);
                        }
                        assertEquals(ref.getObjectName(), client.getInstance(ref, false, false, null).getClassName());
                    }
                }
            }
        }
    }

    @Test
    void theSystemLooksLikeAnArray() throws WBEMException {
        CIMInstance system = client.getInstance(systemPath(), false, false, null);
        assertEquals("iscsi-smis", system.getPropertyValue("Name"));
        assertEquals(List.of(new UnsignedInteger16(3), new UnsignedInteger16(15)),
                Arrays.asList((UnsignedInteger16[]) system.getPropertyValue("Dedicated")));
        assertEquals(new UnsignedInteger32(0), client.invokeMethod(systemPath(), "RescanExtents", new CIMArgument<?>[0],
                new CIMArgument<?>[0]));
    }

    @Test
    void walkFromTheSystemToThePairs() throws WBEMException {
        CIMObjectPath system = systemPath();
        List<CIMObjectPath> services = all(client.associatorNames(system, "MSISCSITARGET_HostedService", null, "Antecedent", "Dependent"));
        assertEquals(5, services.size());
        services.forEach(IscsiModelIT::assertServicePath);
        for (CIMObjectPath service : services) {
            assertEquals(service.getObjectName(), client.getInstance(service, false, false, null).getClassName());
        }

        List<CIMInstance> pools = all(client.associatorInstances(system, "MSISCSITARGET_HostedStoragePool", null, null, null, false, null));
        assertEquals(1, pools.size());
        assertEquals("demo-pool", pools.get(0).getPropertyValue("ElementName"));
        List<CIMObjectPath> devices = all(client.associatorNames(system, "MSISCSITARGET_SystemDevice", "MSISCSITARGET_StorageVolume", null, null));
        assertEquals(6, devices.size());

        CIMObjectPath pool = pools.get(0).getObjectPath();
        List<CIMInstance> allocations = all(client.referenceInstances(pool, "MSISCSITARGET_AllocatedFromStoragePool", "Antecedent", false, null));
        assertEquals(6, allocations.size());
        long consumed = 0;
        List<CIMObjectPath> volumes = new ArrayList<>();
        for (CIMInstance a : allocations) {
            consumed += ((Number) a.getPropertyValue("SpaceConsumed")).longValue();
            volumes.add((CIMObjectPath) a.getPropertyValue("Dependent"));
        }
        assertTrue(consumed > 0, "the demo disks hold data");
        // each volume leads back to its pool and its system, and some of them to the pairs
        int pairEnds = 0;
        for (CIMObjectPath v : volumes) {
            assertEquals(1, all(client.associatorNames(v, "MSISCSITARGET_AllocatedFromStoragePool", null, "Dependent", null)).size());
            assertEquals(1, all(client.associatorNames(v, "CIM_SystemDevice", SYSTEM, null, null)).size());
            pairEnds += all(client.referenceNames(v, "MSISCSITARGET_StorageSynchronized", null)).size();
        }
        assertEquals(6, pairEnds, "three pairs, two ends each");
        assertEquals(0, all(client.associatorNames(volumes.get(0), "MSISCSITARGET_AllocatedFromStoragePool", null, "Antecedent", null)).size());
    }

    @Test
    void aPoolHasItsCapabilitiesAndDefaultSetting() throws WBEMException {
        CIMObjectPath pool = all(client.enumerateInstanceNames(classPath(NS, "MSISCSITARGET_StoragePool"))).get(0);
        List<CIMInstance> caps = all(client.associatorInstances(pool, "CIM_ElementCapabilities", null, "ManagedElement", "Capabilities", false, null));
        assertEquals(1, caps.size());
        assertEquals("MSISCSITARGET_StorageCapabilities", caps.get(0).getClassName());
        List<CIMInstance> links = all(client.referenceInstances(caps.get(0).getObjectPath(),
                "MSISCSITARGET_StorageSettingsAssociatedToCapabilities", null, false, null));
        assertEquals(1, links.size());
        assertEquals(Boolean.TRUE, links.get(0).getPropertyValue("DefaultSetting"));
        CIMInstance setting = client.getInstance((CIMObjectPath) links.get(0).getPropertyValue("Dependent"), false, false, null);
        assertEquals("MSISCSITARGET_StorageSetting", setting.getClassName());
    }

    static CIMArgument<UnsignedInteger16> u16(String name, int value) {
        return new CIMArgument<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    /** Invokes a method of the replication service capabilities; returns the return value, OUT parameters in {@code out}. */
    static long invoke(String method, CIMArgument<?>[] out, CIMArgument<?>... in) throws WBEMException {
        return ((UnsignedInteger32) client.invokeMethod(rscPath(), method, in, out)).longValue();
    }

    static Object out(CIMArgument<?>[] out, String name) {
        return Arrays.stream(out).filter(a -> a != null && a.getName().equalsIgnoreCase(name)).findFirst().orElseThrow().getValue();
    }

    static List<Integer> ints(Object array) {
        return Arrays.stream((UnsignedInteger16[]) array).map(UnsignedInteger16::intValue).toList();
    }

    @Test
    void theGetSupportedMethodsAnswerWhatTheEngineDoes() throws WBEMException {
        CIMObjectPath system = systemPath();
        CIMInstance rsc = client.getInstance(rscPath(), false, false, null);
        assertEquals(List.of(2, 3, 6, 10), ints(rsc.getPropertyValue("SupportedReplicationTypes")));

        CIMArgument<?>[] out = new CIMArgument<?>[4];
        assertEquals(0, invoke("GetSupportedOperations", out, u16("ReplicationType", 2), u16("CopyState", 4)));
        assertEquals(List.of(8, 9, 12, 17, 18, 21, 22), ints(out(out, "SupportedOperations"))); // from Synchronized
        out = new CIMArgument<?>[2];
        assertEquals(0, invoke("GetSupportedCopyStates", out, u16("ReplicationType", 6)));
        assertEquals(List.of(2, 3, 4, 5, 8, 12, 16), ints(out(out, "SupportedCopyStates")));
        out = new CIMArgument<?>[1];
        assertEquals(0, invoke("GetSupportedWaitForCopyStates", out, u16("ReplicationType", 10), u16("MethodName", 2)));
        assertEquals(List.of(2, 3, 4), ints(out(out, "SupportedCopyStates")));
        assertEquals(0, invoke("GetSupportedFeatures", out, u16("ReplicationType", 3)));
        assertTrue(ints(out(out, "Features")).contains(24), "Adjustable CopyPriority");
        assertEquals(0, invoke("GetSupportedMaximum", out, u16("ReplicationType", 2), u16("Component", 9)));
        assertEquals(1L, ((Number) out(out, "MaxValue")).longValue());
        assertEquals(0, invoke("ConvertSyncTypeToReplicationType", out, u16("SyncType", 8), u16("Mode", 2), u16("LocalOrRemote", 2)));
        assertEquals(10, ((Number) out(out, "SupportedReplicationTypes")).intValue());
        assertEquals(0, invoke("GetDefaultReplicationSettingData", out, u16("ReplicationType", 6)));
        assertEquals("CIM_ReplicationSettingData", ((CIMInstance) out(out, "DefaultInstance")).getClassName());
        assertEquals(1, invoke("GetSupportedGroupOperations", new CIMArgument<?>[4], u16("ReplicationType", 2)));
        assertEquals(1, invoke("GetSupportedOperations", new CIMArgument<?>[4], u16("ReplicationType", 4))); // remote
        assertEquals(5, invoke("GetSupportedOperations", new CIMArgument<?>[4], u16("ReplicationType", 99)));

        // a mirror source can take more replicas, never be a target
        CIMObjectPath source = (CIMObjectPath) all(client.enumerateInstances(classPath(NS, "MSISCSITARGET_StorageSynchronized"),
                true, false, false, null)).get(0).getPropertyValue("SystemElement");
        out = new CIMArgument<?>[3];
        assertEquals(0, invoke("GetSynchronizationSupported", out, u16("MethodName", 2),
                new CIMArgument<>("LocalElement", new CIMDataType("CIM_ManagedElement"), source)));
        assertEquals(List.of(2, 2, 2, 2), ints(out(out, "LocalElementRole")));
        assertEquals(List.of(6, 6, 7, 8), ints(out(out, "SyncTypes")));
        out = new CIMArgument<?>[1];
        assertEquals(0, invoke("GetSupportedReplicationTypesForSystem", out,
                new CIMArgument<>("System", new CIMDataType(SYSTEM), system)));
    }

    @Test
    void wbemcliWalksAndAsks() {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        String base = "http://127.0.0.1:" + server.port() + "/" + NS + ":";
        String system = base + SYSTEM + ".CreationClassName=\"" + SYSTEM + "\",Name=\"iscsi-smis\"";
        Wbemcli.Result pools = Wbemcli.run("ain", "-ac", "MSISCSITARGET_HostedStoragePool", system);
        assertEquals(0, pools.exitCode(), pools::toString);
        assertTrue(pools.out().contains("MSISCSITARGET_StoragePool.InstanceID=\"iscsi-smis:pool-1\""), pools::toString);
        Wbemcli.Result rescan = Wbemcli.run("cm", system, "RescanExtents");
        assertTrue(rescan.out().contains("RescanExtents: 0"), rescan::toString);
        Wbemcli.Result ops = Wbemcli.run("cm", base + RSC + ".InstanceID=\"iscsi-smis:ReplicationServiceCapabilities\"",
                "GetSupportedOperations.ReplicationType=6");
        assertTrue(ops.out().contains("GetSupportedOperations: 0"), ops::toString);
        // a snapshot's target must remain associated (feature 16): no Detach (8) or Dissolve (9)
        assertTrue(ops.out().contains("SupportedOperations (uint16): 2,4,7,14,15,19,"), ops::toString);
    }
}
