package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.iscsismis.testing.TestServer;
import java.net.URI;
import org.iscsismis.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.provider.ValueSource;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Discovery the way a conformance tool does it, knowing nothing but the server's URL: find the interop namespace,
 * list the namespaces, read the registered profiles, and follow ElementConformsToProfile into the iSCSI namespace,
 * on to the replication pairs. Witnesses: the SBLIM Java client and wbemcli, once over HTTP and once over HTTPS
 * (the SBLIM client trusting the server's certificate, wbemcli with -noverify).
 */
@ParameterizedClass
@ValueSource(strings = {"http", "https"})
class DiscoveryIT {

    static final String ISCSI_NS = "root/cimv2/storage/iscsitarget";
    static final String ECTP = "CIM_ElementConformsToProfile";
    private static TestServer server;
    private static WBEMClient client;
    private static String scheme;

    /** The scheme of this run (read by the class set-up, which sets {@link #scheme} for the static helpers). */
    @Parameter
    String over;

    /** The interop namespace as a tool finds it: the first candidate that answers CIM_RegisteredProfile. */
    private static String interop;

    @BeforeParameterizedClassInvocation
    static void start(String over) throws WBEMException {
        scheme = over;
        boolean tls = scheme.equals("https");
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true");
        server = TestServer.start(tls ? TestServer.withHttps(config) : config);
        client = tls ? SblimClients.connect(server.httpsUrl(), "", "", server.certificate()) : SblimClients.connect(server.url());
        interop = null;
        for (String candidate : List.of("root/interop", "interop")) {
            if (!all(client.enumerateInstanceNames(classPath(candidate, "CIM_RegisteredProfile"))).isEmpty()) {
                interop = candidate;
                break;
            }
        }
        assertEquals("root/interop", interop);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static String text(CIMInstance i, String name) {
        Object v = i.getPropertyValue(name);
        return v == null ? null : v.toString();
    }

    static Map<String, CIMInstance> profilesByName() throws WBEMException {
        Map<String, CIMInstance> out = new TreeMap<>();
        for (CIMInstance p : all(client.enumerateInstances(classPath(interop, "CIM_RegisteredProfile"), true, false, false, null))) {
            out.put(text(p, "RegisteredName"), p);
        }
        return out;
    }

    static List<CIMObjectPath> conformingElements(String profile) throws WBEMException {
        CIMObjectPath path = profilesByName().get(profile).getObjectPath();
        return all(client.associatorNames(withNamespace(path, interop), ECTP, null, null, null));
    }

    static CIMObjectPath withNamespace(CIMObjectPath p, String ns) {
        return new CIMObjectPath(null, null, null, ns, p.getObjectName(), p.getKeys());
    }

    static CIMObjectPath objectManager() throws WBEMException {
        List<CIMObjectPath> managers = all(client.enumerateInstanceNames(classPath(interop, "CIM_ObjectManager")));
        assertEquals(1, managers.size(), managers::toString);
        return withNamespace(managers.get(0), interop);
    }

    /** One interop namespace: other names clients try are not answered unless configured (InteropDiscoveryIT). */
    @Test
    void onlyRootInteropIsTheInteropNamespace() throws WBEMException {
        assertTrue(all(client.enumerateInstanceNames(classPath("root/interop", "CIM_RegisteredProfile"))).size() >= 6);
        assertCimError(3, () -> all(client.enumerateInstanceNames(classPath("interop", "CIM_RegisteredProfile"))));
        assertCimError(3, () -> all(client.enumerateInstanceNames(classPath("root/PG_InterOp", "CIM_RegisteredProfile"))));
    }

    @Test
    void theObjectManagerListsEveryNamespaceOnce() throws WBEMException {
        List<CIMInstance> namespaces = all(client.associatorInstances(objectManager(), "CIM_NamespaceInManager", "CIM_Namespace", null, null,
                false, null));
        List<String> names = namespaces.stream().map(i -> text(i, "Name")).sorted().toList();
        assertEquals(List.of("root/cimv2", "root/cimv2/storage/iscsitarget", "root/interop"), names);
        List<CIMInstance> mechanisms = all(client.associatorInstances(objectManager(), "CIM_CommMechanismForManager", null, null, null,
                false, null));
        // one access point per endpoint that really runs: plain HTTP, and HTTPS when it is on
        assertEquals(scheme.equals("https") ? List.of("CIM-XML over HTTP", "CIM-XML over HTTPS") : List.of("CIM-XML over HTTP"),
                mechanisms.stream().map(m -> text(m, "ElementName")).sorted().toList());
        for (CIMInstance m : mechanisms) {
            assertEquals("CIM_CIMXMLCommunicationMechanism", m.getClassName());
            assertEquals("2", text(m, "CommunicationMechanism"));
            URI url = text(m, "ElementName").endsWith("HTTPS") ? server.httpsUrl() : server.url();
            assertTrue(text(m, "Description").contains(url.resolve("/cimom").toString()), () -> text(m, "Description"));
        }
        CIMInstance om = client.getInstance(objectManager(), false, false, null);
        assertEquals("iscsi-smis", text(om, "ElementName"));
    }

    @Test
    void theRegisteredProfiles() throws WBEMException {
        Map<String, CIMInstance> profiles = profilesByName();
        assertEquals(Set.of("Server", "Profile Registration", "Indication", "Array", "Block Services", "Replication Services",
                "Copy Services", "Job Control", "Masking and Mapping", "iSCSI Target Ports"), profiles.keySet());
        for (CIMInstance p : profiles.values()) {
            assertEquals("11", text(p, "RegisteredOrganization"), p::toString);
            assertEquals("1.5.0", text(p, "RegisteredVersion"), p::toString);
        }
        List<CIMObjectPath> underArray = all(client.associatorNames(withNamespace(profiles.get("Array").getObjectPath(), interop),
                "CIM_ReferencedProfile", null, null, null));
        assertEquals(Set.of("Block Services", "Replication Services", "Copy Services", "Job Control", "Masking and Mapping",
                "iSCSI Target Ports"), underArray.stream()
                .map(p -> p.getKey("InstanceID").getValue().toString().split(":")[1]).collect(Collectors.toSet()));
    }

    /** Every link is a well-formed reference into the right namespace, to the class the profile's central instance has. */
    @Test
    void conformanceLinksPointAtTheCentralInstances() throws WBEMException {
        Map<String, String> expectedClass = Map.of(
                "Server", "MSFTSM_ObjectManager",
                "Profile Registration", "MSFTSM_ObjectManager",
                "Indication", "CIM_IndicationService",
                "Array", "MSFTSM_ComputerSystem",
                "Block Services", "MSISCSITARGET_StorageConfigurationService",
                "Replication Services", "MSISCSITARGET_ReplicationService",
                "Copy Services", "MSISCSITARGET_StorageConfigurationService",
                "Masking and Mapping", "MSISCSITARGET_ControllerConfigurationService",
                "iSCSI Target Ports", "MSISCSITARGET_iSCSIConfigurationService");
        for (Map.Entry<String, String> e : expectedClass.entrySet()) {
            List<CIMObjectPath> elements = conformingElements(e.getKey());
            assertEquals(1, elements.size(), e.getKey() + ": " + elements);
            CIMObjectPath element = elements.get(0);
            assertEquals(e.getValue(), element.getObjectName(), e.getKey());
            String expectedNs = e.getValue().equals("MSFTSM_ObjectManager") || e.getValue().equals("CIM_IndicationService")
                    ? "root/interop" : ISCSI_NS;
            assertEquals(expectedNs, element.getNamespace(), e.getKey());
            assertFalse(element.getKeys().length == 0, e.getKey());
            assertTrue(client.getClass(classPath(expectedNs, e.getValue()), false, false, false, null) != null);
        }
        assertEquals(Set.of("MSISCSITARGET_ReplicationService", "MSISCSITARGET_StorageConfigurationService"),
                conformingElements("Job Control").stream().map(CIMObjectPath::getObjectName).collect(Collectors.toSet()));
        CIMObjectPath system = conformingElements("Array").get(0);
        assertEquals("iscsi-smis", system.getKey("Name").getValue());
    }

    @Test
    void fromTheReplicationServiceToThePairs() throws WBEMException {
        CIMObjectPath service = conformingElements("Replication Services").get(0);
        String ns = service.getNamespace();
        assertEquals(ISCSI_NS, ns);
        List<CIMInstance> pairs = all(client.enumerateInstances(classPath(ns, "CIM_StorageSynchronized"), true, false, false, null));
        assertEquals(3, pairs.size());
        for (CIMInstance pair : pairs) {
            assertEquals("MSISCSITARGET_StorageSynchronized", pair.getClassName());
            CIMObjectPath source = (CIMObjectPath) pair.getPropertyValue("SystemElement");
            assertNotNull(client.getInstance(source, false, false, null));
            List<CIMObjectPath> fromSource = all(client.referenceNames(source, "CIM_StorageSynchronized", "SystemElement"));
            assertTrue(fromSource.stream().anyMatch(p -> p.getKey("SyncedElement").getValue().equals(pair.getPropertyValue("SyncedElement"))),
                    fromSource::toString);
        }
    }

    @Test
    void theWayBackFromTheIscsiNamespace() throws WBEMException {
        CIMObjectPath system = conformingElements("Array").get(0);
        List<CIMObjectPath> profiles = all(client.associatorNames(withNamespace(system, ISCSI_NS), ECTP, null, null, null));
        assertEquals(1, profiles.size(), profiles::toString);
        assertEquals("root/interop", profiles.get(0).getNamespace());
        assertEquals("SNIA:Array:1.5.0", profiles.get(0).getKey("InstanceID").getValue());
    }

    /** GetInstance on every central instance, across namespaces. */
    @Test
    void everyCentralInstanceExists() throws WBEMException {
        for (String profile : profilesByName().keySet()) {
            for (CIMObjectPath element : conformingElements(profile)) {
                assertNotNull(client.getInstance(element, false, false, null), profile + " → " + element);
            }
        }
    }

    @Test
    void aNamespaceCreatedAndDeletedThroughCimNamespace() throws WBEMException {
        CIMObjectPath where = classPath(interop, "CIM_Namespace");
        CIMInstance request = new CIMInstance(where, new CIMProperty<?>[] {
                new CIMProperty<>("Name", CIMDataType.STRING_T, "test/discovery")});
        CIMObjectPath created = client.createInstance(request);
        assertEquals("MSFTSM_Namespace", created.getObjectName());
        assertTrue(all(client.enumerateClassNames(classPath("test/discovery", null), true)).isEmpty());
        assertTrue(namespaceNames().contains("test/discovery"));
        assertCimError(11, () -> client.createInstance(request));

        client.deleteInstance(withNamespace(created, interop));
        assertFalse(namespaceNames().contains("test/discovery"));
        assertCimError(3, () -> all(client.enumerateClassNames(classPath("test/discovery", null), true)));
        CIMObjectPath builtIn = all(client.enumerateInstanceNames(where)).stream()
                .filter(p -> "root/cimv2".equals(p.getKey("Name").getValue())).findFirst().orElseThrow();
        assertCimError(7, () -> client.deleteInstance(withNamespace(builtIn, interop)));
    }

    private static Set<String> namespaceNames() throws WBEMException {
        return all(client.enumerateInstanceNames(classPath(interop, "CIM_Namespace"))).stream()
                .map(p -> p.getKey("Name").getValue().toString()).collect(Collectors.toSet());
    }

    @Test
    void wbemcliWalksTheSameWay() {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        boolean tls = scheme.equals("https");
        String base = (tls ? server.httpsUrl() : server.url()) + "/";
        Wbemcli.Result profiles = wbemcli("ein", base + "root/interop:CIM_RegisteredProfile");
        assertEquals(0, profiles.exitCode(), profiles::toString);
        for (String name : List.of("Server", "Profile Registration", "Array", "Block Services", "Replication Services", "Job Control")) {
            assertTrue(profiles.out().contains("InstanceID=\"SNIA:" + name + ":1.5.0\""), () -> name + " in\n" + profiles);
        }
        Wbemcli.Result service = wbemcli("ain", "-ac", ECTP,
                base + "root/interop:MSFTSM_RegisteredSubProfile.InstanceID=\"SNIA:Replication Services:1.5.0\"");
        assertEquals(0, service.exitCode(), service::toString);
        assertTrue(service.out().contains("/root/cimv2/storage/iscsitarget:MSISCSITARGET_ReplicationService."), service::toString);
        Wbemcli.Result manager = wbemcli("ai", "-ac", ECTP,
                base + "root/interop:MSFTSM_RegisteredProfile.InstanceID=\"SNIA:Server:1.5.0\"");
        assertEquals(0, manager.exitCode(), manager::toString);
        assertTrue(manager.out().contains("ElementName=\"iscsi-smis\""), manager::toString);
        Wbemcli.Result back = wbemcli("ain", "-ac", ECTP,
                base + ISCSI_NS + ":MSFTSM_ComputerSystem.CreationClassName=\"MSFTSM_ComputerSystem\",Name=\"iscsi-smis\"");
        assertEquals(0, back.exitCode(), back::toString);
        assertTrue(back.out().contains("/root/interop:MSFTSM_RegisteredProfile.InstanceID=\"SNIA:Array:1.5.0\""), back::toString);
    }

    /** wbemcli OPERATION ARGS..., with -noverify over HTTPS (the certificate is self-signed). */
    private static Wbemcli.Result wbemcli(String operation, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(operation));
        if (scheme.equals("https")) {
            command.add("-noverify");
        }
        command.addAll(List.of(args));
        return Wbemcli.run(command.toArray(String[]::new));
    }
}
