package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.ExecQueryRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenQueryInstancesRequest;
import org.iscsismis.operation.PullInstancesRequest;
import org.iscsismis.query.CompiledQuery;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ExecQuery, OpenQueryInstances and FilterQuery through the dispatcher on the repository fixture schema. */
class QueryOperationsTest {

    private CimRepository repo;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        repo = Fixtures.repository();
        dispatcher = new Dispatcher(repo, Clock.systemUTC());
        for (int i = 0; i < 7; i++) {
            repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", "c" + i).property("Extra", CimValue.ofUint32(i))
                    .property("Level", CimValue.ofUint16(i % 3)).build());
        }
        repo.createInstance(NS, CimInstance.builder("T_GrandChild").property("Name", "g").property("Level", CimValue.ofUint16(1)).build());
    }

    private RecordingSink run(CimRequest r) {
        RecordingSink sink = new RecordingSink();
        dispatcher.execute(r, sink);
        return sink;
    }

    private static Set<String> names(List<CimInstance> instances) {
        return instances.stream().map(i -> i.path() != null ? i.path().key("Name").toText() : i.value("Name").toText())
                .collect(Collectors.toSet());
    }

    @Test
    void execQuerySelectsAcrossSubclassesAndProjectsTheSelectList() {
        List<CimInstance> got = run(new ExecQueryRequest(NS, "WQL", "SELECT Level FROM T_Base WHERE Level = 1"))
                .all("objectWithPath", CimInstance.class);
        assertEquals(Set.of("c1", "c4", "g"), names(got));
        for (CimInstance i : got) {
            assertEquals(List.of(CimName.of("Level")), i.properties().stream().map(p -> p.name()).toList(), "only the selected property");
            assertNull(i.path().namespace(), "a local path; the writer adds namespace and host");
        }
        assertEquals(CimName.of("T_GrandChild"), got.stream().filter(i -> i.path().key("Name").toText().equals("g")).findFirst()
                .orElseThrow().className());
    }

    @Test
    void execQueryInCqlWithIsaOnTheInstanceItself() {
        List<CimInstance> got = run(new ExecQueryRequest(NS, "DMTF:CQL", "SELECT * FROM T_Base AS b WHERE b ISA T_GrandChild"))
                .all("objectWithPath", CimInstance.class);
        assertEquals(Set.of("g"), names(got));
    }

    @Test
    void aConditionFixingAllKeysReadsOneInstance() {
        CimClass base = repo.findClass(NS, CimName.of("T_Base"));
        QueryExecution queries = dispatcher.queries();
        CompiledQuery byKey = queries.compile("WQL", "SELECT * FROM T_Base WHERE Name = 'g' AND Level = 1", NS);
        CompiledQuery scan = queries.compile("WQL", "SELECT * FROM T_Base WHERE Name = 'g' OR Level = 7", NS);
        assertTrue(queries.readsByKeys(NS, base, byKey));
        assertFalse(queries.readsByKeys(NS, base, scan));
        assertEquals(Set.of("g"), names(run(new ExecQueryRequest(NS, "WQL", "SELECT * FROM T_Base WHERE Name = 'g' AND Level = 1"))
                .all("objectWithPath", CimInstance.class)));
        assertEquals(Set.of(), names(run(new ExecQueryRequest(NS, "WQL", "SELECT * FROM T_Base WHERE Name = 'g' AND Level = 2"))
                .all("objectWithPath", CimInstance.class)), "the rest of the condition still applies");
        assertEquals(Set.of("c3"), names(run(new ExecQueryRequest(NS, "WQL", "SELECT * FROM T_Child WHERE 'c3' = Name"))
                .all("objectWithPath", CimInstance.class)));
    }

    @Test
    void openQueryInstancesAnswersInstancesWithoutPathAndTheResultClass() {
        RecordingSink s = run(OpenQueryInstancesRequest.builder(NS, "WQL", "SELECT Name, Extra FROM T_Child WHERE Extra >= 5")
                .returnQueryResultClass(true).maxObjectCount(1).build());
        List<CimInstance> first = s.all("instance", CimInstance.class);
        assertEquals(1, first.size());
        assertNull(first.get(0).path());
        CimClass resultClass = s.all("queryResultClass", CimClass.class).get(0);
        assertEquals(List.of(CimName.of("Name"), CimName.of("Extra")), resultClass.properties().stream().map(p -> p.name()).toList());
        String ctx = s.all("pullResult", String.class).get(0);
        RecordingSink rest = run(new PullInstancesRequest(NS, ctx, 10));
        assertTrue(rest.endOfSequence);
        assertEquals(Set.of("c5", "c6"), names(List.of(first.get(0), rest.all("instance", CimInstance.class).get(0))));
    }

    @Test
    void filterQueryOnOpenEnumerateSelectsBeforePropertyListCuts() {
        RecordingSink s = run(OpenEnumerateInstancesRequest.builder(NS, CimName.of("T_Base")).filterQueryLanguage("DMTF:FQL")
                .filterQuery("Level = 2 AND Name <> 'c2'").propertyList(List.of(CimName.of("Desc"))).maxObjectCount(100).build());
        List<CimInstance> got = s.all("objectWithPath", CimInstance.class);
        assertEquals(Set.of("c5"), names(got));
        assertEquals(List.of(CimName.of("Desc")), got.get(0).properties().stream().map(p -> p.name()).toList());
        RecordingSink paths = run(OpenEnumerateInstancePathsRequest.builder(NS, CimName.of("T_Base")).filterQueryLanguage("DMTF:FQL")
                .filterQuery("Level = 1").maxObjectCount(100).build());
        assertEquals(Set.of("c1", "c4", "g"), paths.all("objectPath", ObjectPath.class).stream().map(p -> p.key("Name").toText())
                .collect(Collectors.toSet()));
    }

    @Test
    void errorsAreTheirQueryCodes() {
        CimException lang = assertThrows(CimException.class, () -> run(new ExecQueryRequest(NS, "XQL", "SELECT * FROM T_Base")));
        assertEquals(CimStatus.QUERY_LANGUAGE_NOT_SUPPORTED, lang.status());
        CimException bad = assertThrows(CimException.class, () -> run(new ExecQueryRequest(NS, "WQL", "SELECT * FROM T_Base WHERE Nope = 1")));
        assertEquals(CimStatus.INVALID_QUERY, bad.status());
        assertTrue(bad.description().contains("'Nope'"), bad.description());
    }
}
