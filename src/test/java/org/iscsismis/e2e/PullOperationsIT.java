package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pull operations over raw CIM-XML and through the SBLIM client's pull API, on repository classes of
 * root/cimv2: 2 500 Pull_Item instances, and a Pull_Group with five members through the association
 * Pull_Member.
 */
class PullOperationsIT {

    private static final String NS = "root/cimv2";
    private static final int ITEMS = 2500;
    private static final Pattern CONTEXT = Pattern.compile(
            "<PARAMVALUE NAME=\"EnumerationContext\"[^>]*>(?:<VALUE>([^<]*)</VALUE>)?</PARAMVALUE>");
    private static final Pattern END = Pattern.compile("<PARAMVALUE NAME=\"EndOfSequence\"[^>]*><VALUE>(TRUE|FALSE)</VALUE>");
    private static final Pattern ERROR = Pattern.compile("<ERROR CODE=\"(\\d+)\"");
    private static final Pattern ID = Pattern.compile("<KEYBINDING NAME=\"Id\"><KEYVALUE[^>]*>([^<]*)</KEYVALUE>");

    @RegisterExtension
    static final ServerFixture server = ServerFixture.seeded((repository, registry) -> {
        CimNamespace ns = CimNamespace.of(NS);
        repository.createClass(ns, CimClass.builder("Pull_Item").key("Id", CimType.STRING).property("Counter", CimType.UINT32).build());
        repository.createClass(ns, CimClass.builder("Pull_Group").key("Id", CimType.STRING).build());
        repository.createClass(ns, CimClass.builder("Pull_Member").qualifier("Association")
                .key("Group", CimType.reference(CimName.of("Pull_Group"))).key("Member", CimType.reference(CimName.of("Pull_Item")))
                .build());
        for (int i = 0; i < ITEMS; i++) {
            repository.createInstance(ns, CimInstance.builder("Pull_Item").property("Id", "Item:" + i)
                    .property("Counter", CimValue.ofUint32(i)).build());
        }
        repository.createInstance(ns, CimInstance.builder("Pull_Group").property("Id", "G").build());
        for (int i = 0; i < 5; i++) {
            repository.createInstance(ns, CimInstance.builder("Pull_Member")
                    .property("Group", CimValue.ofReference(ObjectPath.builder("Pull_Group").key("Id", "G").build()))
                    .property("Member", CimValue.ofReference(ObjectPath.builder("Pull_Item").key("Id", "Item:" + i).build()))
                    .build());
        }
    });
    private static RawCimHttp http;

    @BeforeAll
    static void start() {
        http = new RawCimHttp(server.url());
    }

    // ------------------------------------------------------------------ raw CIM-XML

    /** One parsed Open/Pull answer. */
    private record Batch(String body, String context, boolean end) {
        List<String> ids() {
            List<String> ids = new ArrayList<>();
            Matcher m = ID.matcher(body);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }

        int count(String element) {
            return body.split("<" + Pattern.quote(element) + ">", -1).length - 1;
        }
    }

    private static HttpResponse<String> call(String method, String params) {
        return http.post(method, NS, RawCimHttp.intrinsic(method, params));
    }

    private static Batch batch(String method, String params) {
        HttpResponse<String> r = call(method, params);
        assertEquals(200, r.statusCode(), r::body);
        assertFalse(ERROR.matcher(r.body()).find(), r::body);
        Matcher c = CONTEXT.matcher(r.body());
        Matcher e = END.matcher(r.body());
        assertTrue(c.find() && e.find(), () -> "no EnumerationContext/EndOfSequence: " + r.body());
        return new Batch(r.body(), c.group(1), e.group(1).equals("TRUE"));
    }

    private static String cimError(String method, String params) {
        HttpResponse<String> r = call(method, params);
        assertEquals(200, r.statusCode(), r::body);
        Matcher m = ERROR.matcher(r.body());
        assertTrue(m.find(), r::body);
        assertFalse(r.body().contains("Exception"), r::body);
        return m.group(1);
    }

    private static String param(String name, String value) {
        return "<IPARAMVALUE NAME=\"" + name + "\"><VALUE>" + value + "</VALUE></IPARAMVALUE>";
    }

    private static String className(String name) {
        return "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"" + name + "\"/></IPARAMVALUE>";
    }

    private static String group() {
        return "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"Pull_Group\"><KEYBINDING NAME=\"Id\">"
                + "<KEYVALUE VALUETYPE=\"string\">G</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>";
    }

    private static String pull(String context, int max) {
        return param("EnumerationContext", context) + param("MaxObjectCount", Integer.toString(max));
    }

    /** Opens, then pulls with {@code pullMethod} until EndOfSequence; returns every batch. */
    private static List<Batch> drain(String openMethod, String openParams, String pullMethod, int max) {
        List<Batch> batches = new ArrayList<>();
        Batch b = batch(openMethod, openParams + param("MaxObjectCount", Integer.toString(max)));
        batches.add(b);
        while (!b.end()) {
            assertNotNull(b.context());
            b = batch(pullMethod, pull(b.context(), max));
            batches.add(b);
        }
        assertNull(b.context(), "no context once the sequence has ended");
        return batches;
    }

    @Test
    void openAndPullUntilEndOfSequenceGiveTheInstancesOfEnumerateInstances() {
        int contextsBefore = server.server().dispatcher().openEnumerationContexts();
        List<Batch> batches = drain("OpenEnumerateInstances", className("Pull_Item"), "PullInstancesWithPath", 1000);
        assertEquals(List.of(1000, 1000, 500), batches.stream().map(b -> b.count("VALUE.INSTANCEWITHPATH")).toList());
        List<String> pulled = batches.stream().flatMap(b -> b.ids().stream()).toList();
        assertEquals(ITEMS, pulled.size());
        HttpResponse<String> classic = call("EnumerateInstances", className("Pull_Item"));
        Set<String> enumerated = new HashSet<>(new Batch(classic.body(), null, true).ids());
        assertEquals(ITEMS, enumerated.size());
        assertEquals(enumerated, new HashSet<>(pulled));
        assertTrue(batches.get(0).body().contains("<INSTANCEPATH><NAMESPACEPATH>"), "pulled instances carry full paths");
        assertEquals(contextsBefore, server.server().dispatcher().openEnumerationContexts(), "the context is gone at the end");
    }

    @Test
    void pathsArePulledAsInstancePaths() {
        List<Batch> batches = drain("OpenEnumerateInstancePaths", className("Pull_Item"), "PullInstancePaths", 2000);
        assertEquals(List.of(2000, 500), batches.stream().map(b -> b.count("INSTANCEPATH")).toList());
        assertEquals(ITEMS, batches.stream().flatMap(b -> b.ids().stream()).distinct().count());
    }

    @Test
    void associationVariantsPullTheMembersOfTheGroup() {
        Set<String> members = Set.of("Item:0", "Item:1", "Item:2", "Item:3", "Item:4");
        List<Batch> associators = drain("OpenAssociatorInstances", group(), "PullInstancesWithPath", 2);
        assertEquals(List.of(2, 2, 1), associators.stream().map(b -> b.count("VALUE.INSTANCEWITHPATH")).toList());
        assertEquals(members, associators.stream().flatMap(b -> b.ids().stream()).collect(java.util.stream.Collectors.toSet()));
        List<Batch> paths = drain("OpenAssociatorInstancePaths", group(), "PullInstancePaths", 3);
        assertEquals(5, paths.stream().mapToInt(b -> b.count("INSTANCEPATH")).sum());
        List<Batch> references = drain("OpenReferenceInstances", group(), "PullInstancesWithPath", 4);
        assertEquals(5, references.stream().mapToInt(b -> b.count("VALUE.INSTANCEWITHPATH")).sum());
        assertTrue(references.get(0).body().contains("CLASSNAME=\"Pull_Member\""), references.get(0)::body);
        List<Batch> referencePaths = drain("OpenReferenceInstancePaths", group(), "PullInstancePaths", 5);
        assertEquals(1, referencePaths.size(), "five fit in one batch, which ends the sequence");
        assertEquals(5, referencePaths.get(0).body().split("<INSTANCENAME CLASSNAME=\"Pull_Member\"", -1).length - 1);
    }

    @Test
    void closeEndsAnEnumerationAndItsContextIsThenInvalid() {
        Batch open = batch("OpenEnumerateInstances", className("Pull_Item") + param("MaxObjectCount", "10"));
        assertFalse(open.end());
        assertEquals(10, open.count("VALUE.INSTANCEWITHPATH"));
        HttpResponse<String> count = call("EnumerationCount", param("EnumerationContext", open.context()));
        assertTrue(count.body().contains("<IRETURNVALUE><VALUE>" + (ITEMS - 10) + "</VALUE></IRETURNVALUE>"), count::body);
        HttpResponse<String> close = call("CloseEnumeration", param("EnumerationContext", open.context()));
        assertEquals(200, close.statusCode());
        assertFalse(ERROR.matcher(close.body()).find(), close::body);
        assertEquals("21", cimError("PullInstancesWithPath", pull(open.context(), 10)));
    }

    @Test
    void invalidContextsAndWrongPullsAreInvalidEnumerationContext() {
        assertEquals("21", cimError("PullInstancesWithPath", pull("no-such-context", 10)));
        assertEquals("21", cimError("CloseEnumeration", param("EnumerationContext", "no-such-context")));
        Batch open = batch("OpenEnumerateInstancePaths", className("Pull_Item"));
        assertEquals("21", cimError("PullInstancesWithPath", pull(open.context(), 10)));
        assertEquals(7, batch("PullInstancePaths", pull(open.context(), 7)).count("INSTANCEPATH"), "the context survived");
        call("CloseEnumeration", param("EnumerationContext", open.context()));
    }

    @Test
    void unsupportedOpenParametersGetTheirCodes() {
        assertEquals("26", cimError("OpenEnumerateInstances", className("Pull_Item") + param("ContinueOnError", "TRUE")));
        assertEquals("14", cimError("OpenEnumerateInstances", className("Pull_Item") + param("FilterQueryLanguage", "DMTF:XQL")
                + param("FilterQuery", "Counter &lt; 3")));
        assertEquals("22", cimError("OpenEnumerateInstances", className("Pull_Item") + param("OperationTimeout", "0")));
        assertEquals("22", cimError("OpenEnumerateInstances", className("Pull_Item") + param("OperationTimeout", "100000")));
        assertEquals("5", cimError("OpenEnumerateInstances", className("Pull_Nope")));
        assertEquals("14", cimError("OpenQueryInstances", param("FilterQueryLanguage", "DMTF:FQL") + param("FilterQuery", "x")));
    }

    @Test
    void anIdleContextExpiresAfterItsOperationTimeout() {
        Batch open = batch("OpenEnumerateInstances", className("Pull_Item") + param("OperationTimeout", "1")
                + param("MaxObjectCount", "1"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        // counting the open contexts drops the expired ones without touching this one's timer
        while (server.server().dispatcher().openEnumerationContexts() > 0) {
            assertTrue(System.nanoTime() < deadline, "the context did not expire");
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); // poll interval while waiting on the condition
        }
        assertEquals("21", cimError("PullInstancesWithPath", pull(open.context(), 1)));
    }

    // ------------------------------------------------------------------ the SBLIM client's pull API

    @Test
    void theSblimPullApiEnumeratesEverything() throws WBEMException {
        WBEMClient client = SblimClients.connect(server.url());
        try {
            CIMObjectPath cls = SblimClients.classPath(NS, "Pull_Item");
            EnumerateResponse<CIMInstance> first = client.enumerateInstances(cls, true, false, null, null, null, null, false,
                    new UnsignedInteger32(700));
            List<CIMInstance> all = new ArrayList<>(SblimClients.all(first.getResponses()));
            assertEquals(700, all.size());
            // the client's enumerationCount always fails ("not supported by client"): counted over raw HTTP below
            EnumerateResponse<CIMInstance> next = first;
            while (!next.isEnd()) {
                next = client.getInstancesWithPath(cls, next.getContext(), new UnsignedInteger32(700));
                all.addAll(SblimClients.all(next.getResponses()));
            }
            assertEquals(ITEMS, all.stream().map(i -> i.getObjectPath().getKey("Id").getValue()).distinct().count());
            assertEquals("Pull_Item", all.get(0).getClassName());

            EnumerateResponse<CIMObjectPath> paths = client.referencePaths(SblimClients.idPath(NS, "Pull_Group", "G"), null, null,
                    null, null, null, false, new UnsignedInteger32(10));
            assertTrue(paths.isEnd());
            assertEquals(5, SblimClients.all(paths.getResponses()).size());

            EnumerateResponse<CIMObjectPath> open = client.enumerateInstancePaths(cls, null, null, null, false, new UnsignedInteger32(1));
            client.closeEnumeration(cls, open.getContext());
            SblimClients.assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                    () -> client.getInstancePaths(cls, open.getContext(), new UnsignedInteger32(1)));
        } finally {
            client.close();
        }
    }
}
