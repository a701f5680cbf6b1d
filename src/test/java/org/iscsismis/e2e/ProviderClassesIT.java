package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Every one of the 66 classes of Microsoft's iSCSI Target provider is served by a provider: its class is there, an
 * enumeration answers, and the model cannot be fabricated through the repository — CreateInstance, ModifyInstance and
 * DeleteInstance answer CIM_ERR_NOT_SUPPORTED unless the class supports them (listed in {@link #WRITABLE}).
 */
class ProviderClassesIT {

    static final String NS = "root/cimv2/storage/iscsitarget";
    static final String INTEROP = "root/interop";

    /** The 66 classes, numbered as the class reference indexes them. */
    static final List<String> CLASSES = List.of(
            "MSISCSITARGET_StorageSynchronized", "MSISCSITARGET_StorageVolume", "MSISCSITARGET_StoragePool",
            "MSISCSITARGET_ReplicationService", "MSISCSITARGET_StorageConfigurationService",
            "MSISCSITARGET_ReplicationServiceCapabilities", "MSISCSITARGET_StorageReplicationCapabilities",
            "MSISCSITARGET_StorageConfigurationCapabilities", "MSISCSITARGET_StorageCapabilities", "MSISCSITARGET_StorageSetting",
            "MSISCSITARGET_StorageSettingsAssociatedToCapabilities", "MSISCSITARGET_ConcreteJob", "MSISCSITARGET_AffectedJobElement",
            "MSFTSM_ComputerSystem", "MSFTSM_System", "MSISCSITARGET_SCSIProtocolController",
            "MSISCSITARGET_ProtocolControllerForUnit", "MSISCSITARGET_ControllerConfigurationService",
            "MSISCSITARGET_ProtocolControllerMaskingCapabilities", "MSISCSITARGET_StorageHardwareID",
            "MSISCSITARGET_StorageHardwareIDManagementService", "MSISCSITARGET_AuthorizedPrivilege",
            "MSISCSITARGET_AuthorizedSubject", "MSISCSITARGET_AuthorizedTarget", "MSISCSITARGET_StorageClientSettingData",
            "MSISCSITARGET_iSCSIProtocolEndpoint", "MSISCSITARGET_TCPProtocolEndpoint", "MSISCSITARGET_iSCSIConfigurationService",
            "MSISCSITARGET_iSCSIConfigurationCapabilities", "MSISCSITARGET_iSCSICapabilities", "MSISCSITARGET_iSCSISession",
            "MSISCSITARGET_iSCSIConnection", "MSISCSITARGET_iSCSISessionSettings", "MSISCSITARGET_HostedService",
            "MSISCSITARGET_HostedStoragePool", "MSISCSITARGET_AllocatedFromStoragePool", "MSISCSITARGET_SystemDevice",
            "MSISCSITARGET_ElementCapabilities", "MSISCSITARGET_ElementSettingData", "MSISCSITARGET_HostedAccessPoint",
            "MSISCSITARGET_DeviceSAPImplementation", "MSISCSITARGET_SAPAvailableForElement", "MSISCSITARGET_BindsTo",
            "MSISCSITARGET_ConcreteDependency", "MSISCSITARGET_EndpointOfNetworkPipe", "MSISCSITARGET_NetworkPipeComposition",
            "MSFTSM_CommMechanismForManager", "MSFTSM_ElementConformsToProfile", "MSFTSM_ElementConformsToProfileEx",
            "MSFTSM_ElementSoftwareIdentity", "MSFTSM_HostedAccessPoint", "MSFTSM_HostedService", "MSFTSM_Namespace",
            "MSFTSM_NamespaceInManager", "MSFTSM_ObjectManager", "MSFTSM_ReferencedProfile", "MSFTSM_RegisteredProfile",
            "MSFTSM_RegisteredSubProfile", "MSFTSM_SoftwareIdentity", "MSFTSM_SubProfileRequiresProfile",
            "MSFTSM_WSManCommunicationMechanism", "MSFTSMNET_DeviceSAPImplementation", "MSFTSMNET_EthernetPort",
            "MSFTSMNET_HostedAccessPoint", "MSFTSMNET_IPProtocolEndpoint", "MSFTSMNET_SystemDevice");

    /** The classes the reference places in the interop namespace. */
    static final Set<String> IN_INTEROP = Set.of("MSFTSM_ElementConformsToProfile", "MSFTSM_ReferencedProfile",
            "MSFTSM_RegisteredProfile", "MSFTSM_RegisteredSubProfile", "MSFTSM_SoftwareIdentity", "MSFTSM_SubProfileRequiresProfile");

    /** Intrinsic writes some classes do support: a pair is deleted with DeleteInstance (docs/model.md). */
    static final Set<String> WRITABLE = Set.of("MSISCSITARGET_StorageSynchronized", "MSISCSITARGET_ConcreteJob");

    private static TestServer server;
    private static WBEMClient client;

    @BeforeAll
    static void start() {
        server = TestServer.startWithDemo();
        client = SblimClients.connect(server.url());
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

    static Stream<String> classes() {
        return CLASSES.stream();
    }

    static String namespaceOf(String className) {
        return IN_INTEROP.contains(className) ? INTEROP : NS;
    }

    @ParameterizedTest
    @MethodSource("classes")
    void theClassIsServedAndCannotBeFabricated(String className) throws WBEMException {
        assertEquals(66, CLASSES.size());
        String ns = namespaceOf(className);
        CIMClass cls = client.getClass(classPath(ns, className), false, true, false, null);
        assertNotNull(cls, className);
        List<CIMInstance> instances = all(client.enumerateInstances(classPath(ns, className), false, false, false, null));
        if (WRITABLE.contains(className)) {
            return;
        }
        CIMObjectPath fabricated = fabricatedPath(cls, ns);
        CIMInstance made = new CIMInstance(fabricated, keyProperties(cls));
        assertNotSupported(() -> client.createInstance(made), "CreateInstance of " + className);
        CIMInstance existing = instances.isEmpty() ? made : instances.get(0);
        assertNotSupported(() -> client.modifyInstance(existing, null), "ModifyInstance of " + className);
        assertNotSupported(() -> client.deleteInstance(existing.getObjectPath()), "DeleteInstance of " + className);
        assertEquals(instances.size(), all(client.enumerateInstances(classPath(ns, className), false, false, false, null)).size(),
                "nothing changed for " + className);
    }

    /** The classes of Masking and Mapping, hardware IDs, iSCSI ports, nodes, sessions and network (16-33, 62-66). */
    static Stream<String> maskingAndIscsiClasses() {
        return Stream.concat(CLASSES.subList(15, 33).stream(), CLASSES.subList(61, 66).stream());
    }

    /**
     * The methods implemented and what each answers when called without arguments (nothing changes): 5 Invalid
     * Parameter, or for DeleteiSCSINode 4096 SCSIProtocolController Non-Existent.
     */
    static final java.util.Map<String, Long> IMPLEMENTED = java.util.Map.of("ExposePaths", 5L, "HidePaths", 5L,
            "DeleteProtocolController", 5L, "CreateStorageHardwareID", 5L, "DeleteStorageHardwareID", 5L,
            "CreateiSCSINode", 5L, "DeleteiSCSINode", 4096L);

    /**
     * Every extrinsic method of an instance of these classes answers a return code: 5 for an implemented one called
     * without its arguments (or 4096 for DeleteiSCSINode), 1 (Not Supported) for the rest — never a CIM error.
     */
    @ParameterizedTest
    @MethodSource("maskingAndIscsiClasses")
    void everyMethodAnswersItsCode(String className) throws WBEMException {
        CIMClass cls = client.getClass(classPath(NS, className), false, true, false, null);
        List<CIMObjectPath> instances = all(client.enumerateInstanceNames(classPath(NS, className)));
        if (instances.isEmpty()) {
            return; // nothing to call a method on (docs/model.md lists the classes without instances yet)
        }
        CIMObjectPath target = ReplicationCalls.inNamespace(instances.get(0));
        for (int i = 0; i < cls.getMethodCount(); i++) {
            String method = cls.getMethod(i).getName();
            Object rv = client.invokeMethod(target, method, new CIMArgument<?>[0],
                    new CIMArgument<?>[8]);
            assertEquals(IMPLEMENTED.getOrDefault(method, 1L), ((Number) rv).longValue(), className + "." + method);
        }
    }

    private interface Call {
        void run() throws WBEMException;
    }

    private static void assertNotSupported(Call call, String what) {
        WBEMException e = assertThrows(WBEMException.class, call::run, what + " must be refused");
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED, e.getID(), () -> what + ": " + e);
    }

    /** A path with every key set to a value no real instance has. */
    private static CIMObjectPath fabricatedPath(CIMClass cls, String ns) {
        CIMProperty<?>[] keys = keyProperties(cls);
        return new CIMObjectPath(null, null, null, ns, cls.getName(), keys);
    }

    private static CIMProperty<?>[] keyProperties(CIMClass cls) {
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (int i = 0; i < cls.getPropertyCount(); i++) {
            var p = cls.getProperty(i);
            if (!p.isKey()) {
                continue;
            }
            if (p.getDataType().getType() == CIMDataType.REFERENCE) {
                CIMObjectPath ref = new CIMObjectPath(null, null, null, NS, "MSFTSM_ComputerSystem",
                        new CIMProperty<?>[] {new CIMProperty<>("Name", CIMDataType.STRING_T, "fabricated", true, false, null)});
                keys.add(new CIMProperty<>(p.getName(), p.getDataType(), ref, true, false, null));
            } else if (p.getName().equalsIgnoreCase("CreationClassName")) {
                keys.add(new CIMProperty<>(p.getName(), CIMDataType.STRING_T, cls.getName(), true, false, null));
            } else if (p.getDataType().getType() == CIMDataType.STRING) {
                keys.add(new CIMProperty<>(p.getName(), CIMDataType.STRING_T, "fabricated", true, false, null));
            }
        }
        return keys.toArray(new CIMProperty<?>[0]);
    }
}
