package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.interop.CimXmlAccess;
import org.iscsismis.interop.FunctionalProfile;
import org.iscsismis.interop.InteropSetup;
import org.iscsismis.interop.ProfileRegistration;
import org.iscsismis.interop.ServerIdentity;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.iscsi.provider.SystemElements;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interop namespace through the dispatcher, wired as the server wires it (the iSCSI target's own providers
 * left out: the conformance links point at its instances whether they are served or not).
 */
class InteropNamespaceTest {

    static final CimNamespace INTEROP = CimNamespace.of("root/interop");
    static final CimNamespace ISCSI = StorageElements.NAMESPACE;
    static final ServerIdentity IDENTITY = new ServerIdentity("iscsi-smis", "1.2.3-SNAPSHOT", "iscsi-smis project", "iscsi-smis");
    static CimRepository schema;

    CimRepository repository;
    Dispatcher dispatcher;

    @BeforeAll
    static void loadSchema() {
        schema = PackagedSchema.load();
        schema.addNamespaceAlias(CimNamespace.of("interop"), INTEROP);
    }

    @BeforeEach
    void setUp() {
        repository = schema;
        ProviderRegistry registry = new ProviderRegistry(repository);
        new InteropSetup(IDENTITY, new CimXmlAccess(IscsiSmisServer.FUNCTIONAL_PROFILES, true, 90),
                new RepositoryNamespaces(repository, registry), ServerProfiles.of(IDENTITY, true)).register(registry);
        dispatcher = new Dispatcher(repository, registry, Clock.systemUTC());
    }

    /** The schema is loaded once (it takes seconds): namespaces a test created go again. */
    @AfterEach
    void removeCreatedNamespaces() {
        for (CimNamespace ns : repository.namespaces()) {
            if (ns.toString().startsWith("test/")) {
                repository.classNames(ns, null, true).forEach(c -> repository.deleteClass(ns, c));
                repository.deleteNamespace(ns);
            }
        }
    }

    // ------------------------------------------------------------------ running requests

    List<Object> run(CimRequest request) {
        List<Object> out = new ArrayList<>();
        dispatcher.execute(request, new Collecting(out));
        return out;
    }

    List<CimInstance> instances(CimNamespace ns, String className) {
        return run(EnumerateInstancesRequest.of(ns, CimName.of(className))).stream().map(CimInstance.class::cast).toList();
    }

    List<ObjectPath> associatorNames(CimNamespace ns, ObjectPath source, String assocClass) {
        return run(AssociatorNamesRequest.builder(ns, source).assocClass(CimName.of(assocClass)).build()).stream()
                .map(ObjectPath.class::cast).toList();
    }

    CimStatus status(CimRequest request) {
        return assertThrows(CimException.class, () -> run(request)).status();
    }

    static String text(CimInstance i, String property) {
        CimValue v = i.value(property);
        return v == null || v.isNull() ? null : v.toText();
    }

    // ------------------------------------------------------------------ the object manager and its namespaces

    @Test
    void oneObjectManagerHostedByTheSystemWithItsAccessPointAndSoftware() {
        List<CimInstance> managers = instances(INTEROP, "CIM_ObjectManager");
        assertEquals(1, managers.size());
        CimInstance om = managers.get(0);
        assertEquals("MSFTSM_ObjectManager", om.className().toString());
        assertEquals("iscsi-smis:ObjectManager", text(om, "Name"));
        assertEquals("MSFTSM_ComputerSystem", text(om, "SystemCreationClassName"));
        assertTrue(text(om, "Description").contains("1.2.3-SNAPSHOT"), om::toString);
        ObjectPath omPath = InteropSetup.objectManagerPath(IDENTITY);

        List<ObjectPath> hosts = associatorNames(INTEROP, omPath, "CIM_HostedService");
        assertEquals(List.of("MSFTSM_ComputerSystem"), hosts.stream().map(p -> p.className().toString()).toList());
        assertEquals(INTEROP, hosts.get(0).namespace());

        CimInstance mechanism = instances(INTEROP, "CIM_ObjectManagerCommunicationMechanism").get(0);
        assertEquals("CIM_CIMXMLCommunicationMechanism", mechanism.className().toString());
        assertEquals(List.of("3"), mechanism.value("AuthenticationMechanismsSupported").toTexts());
        assertEquals(List.of("2", "3", "4", "5", "6", "7", "8", "10", "11", "12"), mechanism.value("FunctionalProfilesSupported").toTexts());
        assertEquals("90", text(mechanism, "PulledEnumerationMaximumOperationTimeout"));
        assertEquals("false", text(mechanism, "PulledEnumerationContinuationOnErrorSupported").toLowerCase(java.util.Locale.ROOT));
        assertEquals(List.of(mechanism.path().withNamespace(INTEROP)), associatorNames(INTEROP, omPath, "CIM_CommMechanismForManager"));

        CimInstance software = instances(INTEROP, "CIM_SoftwareIdentity").get(0);
        assertEquals(List.of("1", "2", "3"), List.of(text(software, "MajorVersion"), text(software, "MinorVersion"),
                text(software, "RevisionNumber")));
        assertEquals(List.of(omPath), associatorNames(INTEROP, software.path().withNamespace(INTEROP), "CIM_ElementSoftwareIdentity"));
    }

    @Test
    void everyNamespaceOnceUnderEitherName() {
        Set<String> expected = Set.of("root/cimv2", "root/interop", "root/cimv2/storage/iscsitarget");
        for (String name : List.of("root/interop", "ROOT/Interop")) {
            Set<String> listed = instances(CimNamespace.of(name), "CIM_Namespace").stream().map(i -> text(i, "Name"))
                    .collect(Collectors.toSet());
            assertEquals(expected, listed, name);
            assertEquals(3, instances(CimNamespace.of(name), "CIM_Namespace").size());
        }
        List<ObjectPath> viaManager = associatorNames(INTEROP, InteropSetup.objectManagerPath(IDENTITY), "CIM_NamespaceInManager");
        assertEquals(3, viaManager.size());
        viaManager.forEach(p -> assertEquals(INTEROP, p.namespace()));
        // another name is resolved where requests are parsed: one that reaches the dispatcher is refused
        assertEquals(CimStatus.INVALID_NAMESPACE, status(EnumerateInstancesRequest.of(CimNamespace.of("interop"), CimName.of("CIM_Namespace"))));
    }

    // ------------------------------------------------------------------ profiles

    @Test
    void theRegisteredProfilesWithTheirExactNames() {
        Map<String, String> profiles = new TreeMap<>();
        for (CimInstance p : instances(INTEROP, "CIM_RegisteredProfile")) {
            assertEquals("11", text(p, "RegisteredOrganization"));
            profiles.put(text(p, "RegisteredName"), p.className() + " " + text(p, "RegisteredVersion"));
        }
        assertEquals(Map.of(
                "Server", "MSFTSM_RegisteredProfile 1.5.0",
                "Array", "MSFTSM_RegisteredProfile 1.5.0",
                "Profile Registration", "MSFTSM_RegisteredSubProfile 1.5.0",
                "Block Services", "MSFTSM_RegisteredSubProfile 1.5.0",
                "Replication Services", "MSFTSM_RegisteredSubProfile 1.5.0",
                "Copy Services", "MSFTSM_RegisteredSubProfile 1.5.0",
                "Job Control", "MSFTSM_RegisteredSubProfile 1.5.0",
                "Masking and Mapping", "MSFTSM_RegisteredSubProfile 1.5.0",
                "iSCSI Target Ports", "MSFTSM_RegisteredSubProfile 1.5.0"), profiles);
    }

    ObjectPath profile(String name) {
        return instances(INTEROP, "CIM_RegisteredProfile").stream().filter(i -> name.equals(text(i, "RegisteredName")))
                .findFirst().orElseThrow().path().withNamespace(INTEROP);
    }

    @Test
    void subprofilesHangOffTheirScopingProfile() {
        Set<String> underArray = associatorNames(INTEROP, profile("Array"), "CIM_SubProfileRequiresProfile").stream()
                .map(p -> p.key("InstanceID").toText()).collect(Collectors.toSet());
        assertEquals(Set.of("SNIA:Block Services:1.5.0", "SNIA:Replication Services:1.5.0", "SNIA:Copy Services:1.5.0",
                "SNIA:Job Control:1.5.0", "SNIA:Masking and Mapping:1.5.0",
                "SNIA:iSCSI Target Ports:1.5.0"), underArray);
        assertEquals(List.of(profile("Server")), associatorNames(INTEROP, profile("Profile Registration"), "CIM_SubProfileRequiresProfile"));
        List<CimInstance> used = run(ReferencesRequest.builder(INTEROP, profile("Replication Services"))
                .resultClass(CimName.of("MSFTSM_ReferencedProfile")).build()).stream().map(CimInstance.class::cast).toList();
        assertEquals(1, used.size());
        assertEquals(profile("Job Control"), used.get(0).value("Antecedent").asReference());
    }

    @Test
    void conformanceLinksCrossIntoTheIscsiNamespaceAndBack() {
        assertEquals(List.of(SystemElements.systemPath(ISCSI)), associatorNames(INTEROP, profile("Array"), "CIM_ElementConformsToProfile"));
        assertEquals(List.of(SystemElements.replicationServicePath(ISCSI)),
                associatorNames(INTEROP, profile("Replication Services"), "CIM_ElementConformsToProfile"));
        assertEquals(List.of(InteropSetup.objectManagerPath(IDENTITY)),
                associatorNames(INTEROP, profile("Server"), "CIM_ElementConformsToProfile"));
        // the way back, asked in the iSCSI namespace
        assertEquals(List.of(profile("Array")), associatorNames(ISCSI, SystemElements.systemPath(ISCSI), "CIM_ElementConformsToProfile"));
        Set<ObjectPath> fromReplication = Set.copyOf(associatorNames(ISCSI, SystemElements.replicationServicePath(ISCSI),
                "CIM_ElementConformsToProfile"));
        assertEquals(Set.of(profile("Replication Services"), profile("Job Control")), fromReplication);
    }

    @Test
    void aProfileNamingAnUnregisteredOneIsRefusedAtStartUp() {
        List<ProfileRegistration> broken = List.of(ProfileRegistration.subprofile("Job Control", 11, "1.5.0", "Array", List.of()));
        ProviderRegistry registry = new ProviderRegistry(schema);
        InteropSetup setup = new InteropSetup(IDENTITY, new CimXmlAccess(Set.of(FunctionalProfile.BASIC_READ), false),
                new RepositoryNamespaces(repository, registry), broken);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> setup.register(registry));
        assertTrue(e.getMessage().contains("Array"), e::getMessage);
    }

    // ------------------------------------------------------------------ namespace management

    static CimInstance newNamespace(String className, String name) {
        return CimInstance.builder(className).property("Name", name).build();
    }

    ObjectPath namespacePath(String name) {
        return instances(INTEROP, "CIM_Namespace").stream().filter(i -> name.equals(text(i, "Name"))).findFirst()
                .orElseThrow().path();
    }

    @Test
    void createAndDeleteARepositoryOnlyNamespace() {
        List<Object> created = run(new CreateInstanceRequest(INTEROP, newNamespace("CIM_Namespace", "test/scratch")));
        ObjectPath path = (ObjectPath) created.get(0);
        assertEquals("MSFTSM_Namespace", path.className().toString());
        assertEquals("test/scratch", path.key("Name").toText());
        assertTrue(repository.hasNamespace(CimNamespace.of("test/scratch")));
        assertFalse(repository.qualifierTypes(CimNamespace.of("test/scratch")).isEmpty());
        assertEquals(4, instances(INTEROP, "CIM_Namespace").size());
        assertEquals("test/scratch", text(run(GetInstanceRequest.of(INTEROP, path)).stream().map(CimInstance.class::cast)
                .findFirst().orElseThrow(), "Name"));

        assertEquals(CimStatus.ALREADY_EXISTS, status(new CreateInstanceRequest(INTEROP, newNamespace("MSFTSM_Namespace", "Test/Scratch"))));
        run(new DeleteInstanceRequest(INTEROP, path));
        assertFalse(repository.hasNamespace(CimNamespace.of("test/scratch")));
        assertEquals(CimStatus.NOT_FOUND, status(new DeleteInstanceRequest(INTEROP, path)));
        assertEquals(CimStatus.INVALID_NAMESPACE, status(new EnumerateInstanceNamesRequest(CimNamespace.of("test/scratch"),
                CimName.of("CIM_ManagedElement"))));
    }

    @Test
    void badNamesAndTakenNamesAreRefused() {
        assertEquals(CimStatus.ALREADY_EXISTS, status(new CreateInstanceRequest(INTEROP, newNamespace("CIM_Namespace", "interop"))));
        assertEquals(CimStatus.ALREADY_EXISTS, status(new CreateInstanceRequest(INTEROP, newNamespace("CIM_Namespace", "root/cimv2"))));
        assertEquals(CimStatus.INVALID_PARAMETER, status(new CreateInstanceRequest(INTEROP, newNamespace("CIM_Namespace", "a//b"))));
        assertEquals(CimStatus.INVALID_PARAMETER, status(new CreateInstanceRequest(INTEROP,
                CimInstance.builder("CIM_Namespace").property("Description", "no name").build())));
        assertEquals(CimStatus.INVALID_PARAMETER, status(new CreateInstanceRequest(INTEROP,
                CimInstance.builder("CIM_Namespace").property("Name", "x").property("ObjectManagerName", "someone else").build())));
        assertEquals(3, instances(INTEROP, "CIM_Namespace").size());
    }

    @Test
    void builtInNamespacesAndNonEmptyOnesStay() {
        assertEquals(CimStatus.NOT_SUPPORTED, status(new DeleteInstanceRequest(INTEROP, namespacePath("root/cimv2"))));
        assertEquals(CimStatus.NOT_SUPPORTED, status(new DeleteInstanceRequest(INTEROP, namespacePath("root/interop"))));
        assertEquals(CimStatus.NOT_SUPPORTED, status(new DeleteInstanceRequest(INTEROP, namespacePath("root/cimv2/storage/iscsitarget"))));

        run(new CreateInstanceRequest(INTEROP, newNamespace("CIM_Namespace", "test/full")));
        CimNamespace full = CimNamespace.of("test/full");
        run(new CreateClassRequest(full, CimClass.builder("Test_Thing").build()));
        assertEquals(CimStatus.NAMESPACE_NOT_EMPTY, status(new DeleteInstanceRequest(INTEROP, namespacePath("test/full"))));
        assertTrue(repository.hasNamespace(full));
        assertEquals(Set.of("root/cimv2", "root/interop", "root/cimv2/storage/iscsitarget", "test/full"),
                instances(INTEROP, "CIM_Namespace").stream().map(i -> text(i, "Name")).collect(Collectors.toSet()));
    }

    /** Collects the results of one operation. */
    private record Collecting(List<Object> out) implements ResponseSink {
        @Override public void className(CimName name) { out.add(name); }
        @Override public void cimClass(CimClass cimClass) { out.add(cimClass); }
        @Override public void instance(CimInstance instance) { out.add(instance); }
        @Override public void namedInstance(CimInstance instance) { out.add(instance); }
        @Override public void instanceName(ObjectPath path) { out.add(path); }
        @Override public void objectWithPath(CimInstance instance) { out.add(instance); }
        @Override public void objectWithPath(CimClass cimClass, ObjectPath classPath) { out.add(cimClass); }
        @Override public void objectPath(ObjectPath path) { out.add(path); }
        @Override public void qualifierDeclaration(CimQualifierType declaration) { out.add(declaration); }
        @Override public void propertyValue(CimValue value) { out.add(value); }
        @Override public void methodResult(CimValue returnValue, List<ParamValue> outParameters) { out.add(returnValue); }
        @Override public void pullResult(String enumerationContext, boolean endOfSequence) { }
        @Override public void enumerationCount(Long count) { }
    }
}
