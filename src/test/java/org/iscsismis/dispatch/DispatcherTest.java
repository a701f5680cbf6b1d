package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.iscsismis.repository.Fixtures.childPath;
import static org.iscsismis.repository.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CloseEnumerationRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.DeleteClassRequest;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.DeleteQualifierRequest;
import org.iscsismis.operation.EnumerateClassNamesRequest;
import org.iscsismis.operation.EnumerateClassesRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.EnumerateQualifiersRequest;
import org.iscsismis.operation.EnumerationCountRequest;
import org.iscsismis.operation.ExecQueryRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.GetPropertyRequest;
import org.iscsismis.operation.GetQualifierRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenQueryInstancesRequest;
import org.iscsismis.operation.PullInstancesRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.SetPropertyRequest;
import org.iscsismis.operation.SetQualifierRequest;
import org.iscsismis.operation.UnsupportedIntrinsicRequest;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DispatcherTest {

    private CimRepository repo;
    private Dispatcher dispatcher;
    private RecordingSink sink;

    @BeforeEach
    void setUp() {
        repo = Fixtures.repository();
        dispatcher = new Dispatcher(repo, Clock.systemUTC());
        sink = new RecordingSink();
        repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", "a").property("Extra", CimValue.ofUint32(1))
                .property("Level", CimValue.ofUint16(2)).build());
        repo.createInstance(NS, CimInstance.builder("T_GrandChild").property("Name", "g").build());
    }

    private void run(CimRequest r) {
        dispatcher.execute(r, sink);
    }

    private static List<String> names(List<CimProperty> props) {
        return props.stream().map(p -> p.name().toString()).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ error order

    static ObjectPath bogusInstance() {
        return ObjectPath.builder("T_Nope").key("Name", "a").build();
    }

    /** One request of every operation, built for namespace {@code ns}, naming class T_Nope where a class is named. */
    static Stream<CimRequest> everyOperation(CimNamespace ns) {
        CimName nope = CimName.of("T_Nope");
        return Stream.of(
                GetClassRequest.of(ns, nope),
                EnumerateClassesRequest.builder(ns).className(nope).build(),
                EnumerateClassNamesRequest.builder(ns).className(nope).build(),
                new CreateClassRequest(ns, CimClass.builder("T_New").build()),
                new ModifyClassRequest(ns, CimClass.builder(nope).build()),
                new DeleteClassRequest(ns, nope),
                new GetQualifierRequest(ns, CimName.of("Key")),
                new SetQualifierRequest(ns, CimQualifierType.of("Q", CimType.BOOLEAN, null, Set.of(CimScope.ANY), CimFlavor.DEFAULT)),
                new DeleteQualifierRequest(ns, CimName.of("Key")),
                new EnumerateQualifiersRequest(ns),
                GetInstanceRequest.of(ns, bogusInstance()),
                EnumerateInstancesRequest.of(ns, nope),
                new EnumerateInstanceNamesRequest(ns, nope),
                OpenEnumerateInstancesRequest.of(ns, nope),
                OpenEnumerateInstancePathsRequest.of(ns, nope),
                new CreateInstanceRequest(ns, CimInstance.builder(nope).property("Name", "a").build()),
                ModifyInstanceRequest.of(ns, CimInstance.builder(nope).path(bogusInstance()).build()),
                new DeleteInstanceRequest(ns, bogusInstance()),
                new GetPropertyRequest(ns, bogusInstance(), CimName.of("Name")),
                SetPropertyRequest.of(ns, bogusInstance(), CimName.of("Name")));
    }

    static Stream<CimRequest> unsupported(CimNamespace ns) {
        ObjectPath p = childPath("a");
        return Stream.of(
                new InvokeMethodRequest(ns, p, CimName.of("Do"), List.of()),
                new UnsupportedIntrinsicRequest(ns, "FrobnicateInstances"));
    }

    static Stream<CimRequest> everyRequestOnAnUnknownNamespace() {
        CimNamespace nope = CimNamespace.of("root/nope");
        ObjectPath p = childPath("a");
        return Stream.of(everyOperation(nope), unsupported(nope), Stream.of(new ExecQueryRequest(nope, "WQL", "SELECT * FROM T_Child"),
                OpenQueryInstancesRequest.of(nope, "WQL", "SELECT * FROM T_Child"), AssociatorsRequest.of(nope, p),
                AssociatorNamesRequest.of(nope, p), ReferencesRequest.of(nope, p), ReferenceNamesRequest.of(nope, p),
                OpenAssociatorInstancesRequest.of(nope, p), OpenReferenceInstancePathsRequest.of(nope, p),
                new PullInstancesRequest(nope, "ctx", 10), new CloseEnumerationRequest(nope, "ctx"),
                new EnumerationCountRequest(nope, "ctx")))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRequestOnAnUnknownNamespace")
    void unknownNamespaceComesFirst(CimRequest r) {
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> run(r), "root/nope");
        assertTrue(sink.calls.isEmpty());
    }

    static Stream<Arguments> unknownClass() {
        Function<CimRequest, CimStatus> expected = r -> r instanceof GetClassRequest || r instanceof ModifyClassRequest
                || r instanceof DeleteClassRequest ? CimStatus.NOT_FOUND : CimStatus.INVALID_CLASS;
        return everyOperation(NS).filter(r -> !(r instanceof CreateClassRequest || r.operationName().contains("Qualifier")))
                .map(r -> Arguments.of(r.operationName(), r, expected.apply(r)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownClass")
    void unknownClassIsInvalidClassOrNotFoundForClassOperations(String op, CimRequest r, CimStatus status) {
        assertCimError(status, () -> run(r), "T_Nope");
        assertTrue(sink.calls.isEmpty());
    }

    static Stream<CimRequest> unsupportedOperations() {
        return unsupported(NS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedOperations")
    void unimplementedOperationsAreNotSupported(CimRequest r) {
        assertCimError(CimStatus.NOT_SUPPORTED, () -> run(r), r.operationName());
    }

    @Test
    void unexpectedRuntimeExceptionsBecomeFailedButSinkIoFailuresPassThrough() {
        RecordingSink broken = new RecordingSink() {
            @Override
            public void cimClass(CimClass cimClass) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void className(CimName n) {
                throw new UncheckedIOException(new IOException("client went away"));
            }
        };
        CimException e = assertThrows(CimException.class, () -> dispatcher.execute(GetClassRequest.of(NS, name("T_Child")), broken));
        assertEquals(CimStatus.FAILED, e.status());
        assertTrue(e.description().startsWith("internal error: "), e.description());
        assertTrue(e.description().contains("boom"));
        assertTrue(e.getCause() instanceof IllegalStateException);
        assertThrows(UncheckedIOException.class, () -> dispatcher.execute(EnumerateClassNamesRequest.of(NS), broken));
    }

    // ------------------------------------------------------------------ classes

    static Stream<Arguments> getClassFilters() {
        return Stream.of(
                // localOnly, includeQualifiers, includeClassOrigin, propertyList, properties, methods, class qualifiers
                Arguments.of(true, true, false, null, List.of("Extra"), List.of(), List.of()),
                Arguments.of(false, true, false, null, List.of("Name", "Desc", "Level", "Extra"), List.of("Do"), List.of("Description")),
                Arguments.of(false, false, false, null, List.of("Name", "Desc", "Level", "Extra"), List.of("Do"), List.of()),
                Arguments.of(false, true, true, null, List.of("Name", "Desc", "Level", "Extra"), List.of("Do"), List.of("Description")),
                Arguments.of(false, true, false, List.of(), List.of(), List.of("Do"), List.of("Description")),
                Arguments.of(false, true, false, List.of("level", "Bogus", "EXTRA"), List.of("Level", "Extra"), List.of("Do"), List.of("Description")),
                Arguments.of(true, false, true, List.of("Name"), List.of(), List.of(), List.of()));
    }

    @ParameterizedTest(name = "localOnly={0} qualifiers={1} classOrigin={2} propertyList={3}")
    @MethodSource("getClassFilters")
    void getClassFilters(boolean localOnly, boolean includeQualifiers, boolean includeClassOrigin, List<String> propertyList,
                         List<String> properties, List<String> methods, List<String> classQualifiers) {
        run(GetClassRequest.builder(NS, name("t_child")).localOnly(localOnly).includeQualifiers(includeQualifiers)
                .includeClassOrigin(includeClassOrigin)
                .propertyList(propertyList == null ? null : propertyList.stream().map(CimName::of).collect(Collectors.toList()))
                .build());
        CimClass c = sink.only("cimClass", CimClass.class);
        assertEquals(name("T_Child"), c.name());
        assertEquals(name("T_Base"), c.superClassName());
        assertEquals(properties, names(c.properties()));
        assertEquals(methods, c.methods().stream().map(m -> m.name().toString()).collect(Collectors.toList()));
        assertEquals(classQualifiers, c.qualifiers().stream().map(q -> q.name().toString()).collect(Collectors.toList()));
        for (CimProperty p : c.properties()) {
            assertEquals(includeClassOrigin, p.classOrigin() != null, p.name() + " classOrigin");
            if (!includeQualifiers) {
                assertTrue(p.qualifiers().isEmpty());
            }
        }
        c.methods().forEach(m -> {
            assertEquals(includeClassOrigin, m.classOrigin() != null);
            assertEquals(includeQualifiers, !m.parameters().get(0).qualifiers().isEmpty(), "parameter qualifiers follow IncludeQualifiers");
        });
        if (includeQualifiers && properties.contains("Name")) {
            assertTrue(c.property("Name").isKey());
        }
        if (includeClassOrigin && properties.contains("Name")) {
            assertEquals(name("T_Base"), c.property("Name").classOrigin());
            assertTrue(c.property("Name").propagated());
        }
    }

    @Test
    void enumerateClassesAndNames() {
        run(EnumerateClassNamesRequest.of(NS));
        assertEquals(List.of(name("T_Base"), name("T_Other"), name("T_Event")), sink.all("className", CimName.class));
        sink.calls.clear();
        run(EnumerateClassNamesRequest.builder(NS).className(name("T_Base")).deepInheritance(true).build());
        assertEquals(List.of(name("T_Child"), name("T_GrandChild")), sink.all("className", CimName.class));
        sink.calls.clear();
        run(EnumerateClassesRequest.builder(NS).className(name("T_Base")).build());
        List<CimClass> shallow = sink.all("cimClass", CimClass.class);
        assertEquals(1, shallow.size());
        assertEquals(List.of("Extra"), names(shallow.get(0).properties()), "LocalOnly defaults to true");
        sink.calls.clear();
        run(EnumerateClassesRequest.builder(NS).deepInheritance(true).localOnly(false).includeQualifiers(false)
                .includeClassOrigin(true).build());
        List<CimClass> all = sink.all("cimClass", CimClass.class);
        assertEquals(5, all.size());
        CimClass gc = all.stream().filter(c -> c.name().equals(name("T_GrandChild"))).findFirst().orElseThrow();
        assertEquals(name("T_Base"), gc.property("Desc").classOrigin(), "an override keeps the first declaring class");
        assertTrue(gc.qualifiers().isEmpty());
    }

    @Test
    void classLifecycle() {
        run(new CreateClassRequest(NS, CimClass.builder("T_New").superClass("T_Child").property("N", CimType.STRING).build()));
        assertTrue(sink.calls.isEmpty(), "void operation");
        assertCimError(CimStatus.ALREADY_EXISTS, () -> run(new CreateClassRequest(NS, CimClass.builder("T_New").build())));
        assertCimError(CimStatus.INVALID_SUPERCLASS, () -> run(new CreateClassRequest(NS, CimClass.builder("T_New2").superClass("T_Nope").build())));
        run(new ModifyClassRequest(NS, CimClass.builder("T_New").superClass("T_Child").property("M", CimType.STRING).build()));
        assertNotNull(repo.getClass(NS, name("T_New")).property("M"));
        assertCimError(CimStatus.CLASS_HAS_CHILDREN, () -> run(new DeleteClassRequest(NS, name("T_Child"))));
        assertCimError(CimStatus.CLASS_HAS_INSTANCES, () -> run(new ModifyClassRequest(NS, Fixtures.GRANDCHILD)));
        run(new DeleteClassRequest(NS, name("t_new")));
        assertFalse(repo.hasClass(NS, name("T_New")));
    }

    // ------------------------------------------------------------------ qualifiers

    @Test
    void qualifierOperations() {
        run(new GetQualifierRequest(NS, name("key")));
        assertEquals(name("Key"), sink.only("qualifierDeclaration", CimQualifierType.class).name());
        sink.calls.clear();
        run(new EnumerateQualifiersRequest(NS));
        assertEquals(70, sink.all("qualifierDeclaration", CimQualifierType.class).size());
        sink.calls.clear();
        run(new SetQualifierRequest(NS, CimQualifierType.of("Mine", CimType.STRING, null, Set.of(CimScope.CLASS), CimFlavor.DEFAULT)));
        assertNotNull(repo.findQualifierType(NS, name("MINE")));
        run(new DeleteQualifierRequest(NS, name("mine")));
        assertCimError(CimStatus.NOT_FOUND, () -> run(new GetQualifierRequest(NS, name("Mine"))), "Mine");
        assertCimError(CimStatus.NOT_FOUND, () -> run(new DeleteQualifierRequest(NS, name("Mine"))), "Mine");
        assertCimError(CimStatus.FAILED, () -> run(new DeleteQualifierRequest(NS, name("Key"))), "Key");
        assertTrue(sink.calls.isEmpty());
    }

    // ------------------------------------------------------------------ instances

    private List<CimInstance> enumerate(EnumerateInstancesRequest r) {
        sink.calls.clear();
        run(r);
        return sink.all("namedInstance", CimInstance.class);
    }

    private static CimInstance byName(List<CimInstance> list, String name) {
        return list.stream().filter(i -> i.value("Name").asString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void enumerateInstancesReturnsSubclassInstancesWithLocalPaths() {
        List<CimInstance> all = enumerate(EnumerateInstancesRequest.of(NS, name("T_Base")));
        assertEquals(2, all.size());
        CimInstance a = byName(all, "a");
        assertEquals(ObjectPath.builder("T_Child").key("Name", "a").build(), a.path());
        assertNull(a.path().namespace());
        assertNull(a.path().host());
        assertEquals(List.of("Name", "Desc", "Level", "Extra"), names(a.properties()),
                "LocalOnly=true (the default) is ignored for instances");
        a.properties().forEach(p -> {
            assertNull(p.classOrigin());
            assertTrue(p.qualifiers().isEmpty());
        });
        assertEquals(name("T_GrandChild"), byName(all, "g").className());
    }

    static Stream<Arguments> instanceFilters() {
        return Stream.of(
                // deepInheritance, propertyList, expected properties of the T_Child instance when enumerating T_Base
                Arguments.of(true, null, List.of("Name", "Desc", "Level", "Extra")),
                Arguments.of(false, null, List.of("Name", "Desc", "Level")),
                Arguments.of(true, List.of(), List.of()),
                Arguments.of(true, List.of("extra", "Bogus"), List.of("Extra")),
                Arguments.of(false, List.of("Extra", "Level"), List.of("Level")));
    }

    @ParameterizedTest(name = "deep={0} propertyList={1}")
    @MethodSource("instanceFilters")
    void enumerateInstancesDeepInheritanceAndPropertyList(boolean deep, List<String> propertyList, List<String> expected) {
        List<CimInstance> all = enumerate(EnumerateInstancesRequest.builder(NS, name("T_Base")).deepInheritance(deep)
                .propertyList(propertyList == null ? null : propertyList.stream().map(CimName::of).collect(Collectors.toList())).build());
        CimInstance a = all.stream().filter(i -> i.className().equals(name("T_Child"))).findFirst().orElseThrow();
        assertEquals(expected, names(a.properties()));
        assertEquals(ObjectPath.builder("T_Child").key("Name", "a").build(), a.path(), "keys stay in the path");
    }

    @Test
    void enumerateInstancesClassOriginAndQualifiers() {
        List<CimInstance> all = enumerate(EnumerateInstancesRequest.builder(NS, name("T_Child"))
                .includeClassOrigin(true).includeQualifiers(true).localOnly(false).build());
        CimInstance g = byName(all, "g");
        assertEquals(name("T_Base"), g.property("Desc").classOrigin(), "an override keeps the first declaring class");
        assertEquals(name("T_Base"), g.property("Name").classOrigin());
        assertNotNull(g.property("Level").qualifier("Write"));
        assertTrue(g.property("Name").isKey());
    }

    @Test
    void getInstanceReturnsTheBareFilteredInstance() {
        run(GetInstanceRequest.builder(NS, childPath("a")).build());
        CimInstance a = sink.only("instance", CimInstance.class);
        assertNull(a.path());
        assertEquals(List.of("Name", "Desc", "Level", "Extra"), names(a.properties()));
        assertNull(a.property("Name").classOrigin());
        sink.calls.clear();
        run(GetInstanceRequest.builder(NS, childPath("a")).includeClassOrigin(true).includeQualifiers(true)
                .propertyList(List.of(name("Level"))).build());
        CimInstance filtered = sink.only("instance", CimInstance.class);
        assertEquals(List.of("Level"), names(filtered.properties()));
        assertEquals(name("T_Base"), filtered.property("Level").classOrigin());
        assertNotNull(filtered.property("Level").qualifier("Write"));
        assertCimError(CimStatus.NOT_FOUND, () -> run(GetInstanceRequest.of(NS, childPath("zz"))));
    }

    @Test
    void instanceNamesAndLifecycle() {
        run(new EnumerateInstanceNamesRequest(NS, name("T_Base")));
        assertEquals(Set.of(childPath("a"), ObjectPath.builder("T_GrandChild").key("Name", "g").build()),
                Set.copyOf(sink.all("instanceName", ObjectPath.class)));
        sink.calls.clear();

        run(new CreateInstanceRequest(NS, CimInstance.builder("t_child").property("name", "b").build()));
        ObjectPath created = sink.only("instanceName", ObjectPath.class);
        assertEquals(childPath("b"), created);
        assertNull(created.namespace());
        assertEquals(name("T_Child"), created.className());
        assertCimError(CimStatus.ALREADY_EXISTS, () -> run(new CreateInstanceRequest(NS, CimInstance.builder("T_Child").property("Name", "b").build())));
        assertCimError(CimStatus.INVALID_CLASS, () -> run(new CreateInstanceRequest(NS, CimInstance.builder("T_Base").property("Name", "c").build())));
        sink.calls.clear();

        run(ModifyInstanceRequest.builder(NS, CimInstance.builder("T_Child").path(childPath("b"))
                .property("Extra", CimValue.ofUint32(5)).property("Level", CimValue.ofUint16(6)).build())
                .propertyList(List.of(name("Extra"))).build());
        assertTrue(sink.calls.isEmpty());
        run(new GetPropertyRequest(NS, childPath("b"), name("Extra")));
        assertEquals(CimValue.ofUint32(5), sink.only("propertyValue", CimValue.class));
        sink.calls.clear();
        run(new GetPropertyRequest(NS, childPath("b"), name("Level")));
        assertTrue(sink.only("propertyValue", CimValue.class).isNull(), "not in the PropertyList: unchanged");
        sink.calls.clear();

        run(SetPropertyRequest.builder(NS, childPath("b"), name("Level")).newValue(CimValue.ofUint16(7)).build());
        assertEquals(CimValue.ofUint16(7), repo.getProperty(NS, childPath("b"), name("Level")));
        assertCimError(CimStatus.NO_SUCH_PROPERTY, () -> run(new GetPropertyRequest(NS, childPath("b"), name("Bogus"))), "Bogus");
        assertCimError(CimStatus.TYPE_MISMATCH, () -> run(SetPropertyRequest.builder(NS, childPath("b"), name("Level"))
                .newValue(CimValue.ofString("x")).build()), "Level");
        run(SetPropertyRequest.of(NS, childPath("b"), name("Level")));
        assertTrue(repo.getProperty(NS, childPath("b"), name("Level")).isNull(), "NewValue absent = NULL");

        run(new DeleteInstanceRequest(NS, childPath("b")));
        assertCimError(CimStatus.NOT_FOUND, () -> run(new DeleteInstanceRequest(NS, childPath("b"))));
        assertCimError(CimStatus.NOT_FOUND, () -> run(ModifyInstanceRequest.of(NS,
                CimInstance.builder("T_Child").path(childPath("b")).build())));
    }

    @Test
    void enumerationStreamsIntoTheSinkOneInstanceAtATime() {
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(i)).build());
        }
        int[] seen = {0};
        RecordingSink deleting = new RecordingSink() {
            @Override
            public void namedInstance(CimInstance instance) {
                if (seen[0]++ == 0) {
                    // the first result has reached the sink: remove everything else from the repository
                    for (int i = 0; i < n; i++) {
                        ObjectPath p = Fixtures.otherPath(i);
                        if (!p.equals(instance.path())) {
                            repo.deleteInstance(NS, p);
                        }
                    }
                }
            }
        };
        dispatcher.execute(EnumerateInstancesRequest.of(NS, name("T_Other")), deleting);
        assertTrue(seen[0] < 100, "the dispatcher handed out " + seen[0] + " instances deleted before they were reached");
    }

    @Test
    void clockIsKept() {
        Clock c = Clock.systemUTC();
        assertSame(c, new Dispatcher(repo, c).clock());
    }
}
