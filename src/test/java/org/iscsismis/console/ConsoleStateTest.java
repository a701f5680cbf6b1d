package org.iscsismis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetClassRequest;
import org.junit.jupiter.api.Test;

/** What the state holds per section: rows, rows reached through an association, absent classes, failures, a bound. */
class ConsoleStateTest {

    static final CimNamespace NS = CimNamespace.of("root/test");

    static CimInstance item(String className, String id) {
        return CimInstance.builder(className).path(ObjectPath.builder(className).key("Id", id).build()).property("Id", id).build();
    }

    /** Answers like the dispatcher would for a tiny model; records the requests. */
    static final class FakeOperations implements CimOperations {
        final List<CimRequest> requests = new ArrayList<>();
        int poolCount = 1;

        @Override
        public void execute(CimRequest request, org.iscsismis.operation.ResponseSink sink) {
            requests.add(request);
            if (request instanceof GetClassRequest r) {
                sink.cimClass(CimClass.builder(r.className()).key("Id", CimType.STRING).build());
            } else if (request instanceof EnumerateInstancesRequest r) {
                switch (r.className().toString()) {
                    case "T_Pool" -> {
                        for (int i = 1; i <= poolCount; i++) {
                            sink.namedInstance(item("T_Pool", "pool-" + i));
                        }
                    }
                    case "T_Missing" -> throw new CimException(CimStatus.INVALID_CLASS, "no class T_Missing");
                    case "T_Secret" -> throw new CimException(CimStatus.ACCESS_DENIED, "user \"bob\" may not read root/test");
                    default -> throw new IllegalStateException("unexpected class " + r.className());
                }
            } else if (request instanceof AssociatorsRequest r) {
                String pool = r.objectName().key("Id").asString();
                sink.objectWithPath(item("T_Volume", pool + "-vol").withPath(
                        ObjectPath.builder("T_Volume").namespace(NS).key("Id", pool + "-vol").build()));
                sink.objectWithPath(item("T_Volume", "shared").withPath(
                        ObjectPath.builder("T_Volume").namespace(NS).key("Id", "shared").build()));
            }
        }
    }

    static final List<Section> SECTIONS = List.of(
            Section.enumerated("pools", NS, "T_Pool"),
            Section.associated("volumes", NS, "pools", "T_Allocated", "T_Volume"),
            Section.enumerated("missing", NS, "T_Missing"),
            Section.associated("inMissing", NS, "missing", "T_Allocated", "T_Volume"),
            Section.enumerated("secret", NS, "T_Secret"));

    @Test
    void readsEachSectionAndSaysWhichAreAbsentOrFailed() {
        FakeOperations cim = new FakeOperations();
        cim.poolCount = 2;
        String json = new ConsoleState(SECTIONS).read(new ConsoleUser("bob", cim));
        String pool1 = "root/test:t_pool.id=\\\"pool-1\\\"";
        assertTrue(json.startsWith("{\"user\":\"bob\",\"sections\":{\"pools\":{\"rows\":[{\"id\":\"" + pool1 + "\""), json);
        assertTrue(json.contains("\"via\":\"" + pool1 + "\",\"class\":\"T_Volume\",\"p\":{\"Id\":\"pool-1-vol\"}"), json);
        assertEquals(1, count(json, "\"Id\":\"shared\""), "an element reached from two sources is listed once: " + json);
        assertTrue(json.contains("\"missing\":{\"absent\":true},\"inMissing\":{\"absent\":true}"), json);
        assertTrue(json.endsWith("\"secret\":{\"error\":\"CIM_ERR_ACCESS_DENIED: user \\\"bob\\\" may not read root/test\"}}}"),
                json);
    }

    @Test
    void writesAtMostMaxRowsPerSectionAndCountsTheRest() {
        FakeOperations cim = new FakeOperations();
        cim.poolCount = ConsoleState.MAX_ROWS + 7;
        String json = new ConsoleState(List.of(Section.enumerated("pools", NS, "T_Pool"))).read(new ConsoleUser("", cim));
        assertEquals(ConsoleState.MAX_ROWS, count(json, "\"class\":\"T_Pool\""));
        assertTrue(json.endsWith("],\"more\":7}}}"), json.substring(json.length() - 40));
        assertEquals(2, cim.requests.size(), "one enumeration and one GetClass for the value names: " + cim.requests);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
