package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Instances kept as encoded bytes (cache.encodedInstancesBytes, on by default) answer exactly what a server without
 * them answers, through the SBLIM client and as raw CIM-XML, while instances are modified, deleted and re-created
 * between enumerations.
 */
class EncodedInstancesIT {

    @RegisterExtension
    static final ServerFixture cached = ServerFixture.plain();
    @RegisterExtension
    static final ServerFixture uncached = ServerFixture.with(TestServer.testDefaults()
            .with(ServerConfig.CACHE_ENCODED_INSTANCES_BYTES, "0"));

    private static final TestSchema SCHEMA = new TestSchema("E2EC");
    private static final int INSTANCES = 200;

    /** The requests whose raw answers are compared; the flags that change an instance among them. */
    private static final List<String[]> REQUESTS = List.of(
            enumerate(""),
            enumerate("<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>FALSE</VALUE></IPARAMVALUE>"),
            enumerate("<IPARAMVALUE NAME=\"DeepInheritance\"><VALUE>FALSE</VALUE></IPARAMVALUE>"),
            enumerate("<IPARAMVALUE NAME=\"IncludeQualifiers\"><VALUE>TRUE</VALUE></IPARAMVALUE>"),
            enumerate("<IPARAMVALUE NAME=\"IncludeClassOrigin\"><VALUE>TRUE</VALUE></IPARAMVALUE>"),
            enumerate("<IPARAMVALUE NAME=\"PropertyList\"><VALUE.ARRAY><VALUE>Name</VALUE></VALUE.ARRAY></IPARAMVALUE>"),
            new String[] {"ExecQuery", RawCimHttp.intrinsic("ExecQuery",
                    "<IPARAMVALUE NAME=\"QueryLanguage\"><VALUE>WQL</VALUE></IPARAMVALUE>"
                            + "<IPARAMVALUE NAME=\"Query\"><VALUE>SELECT * FROM E2EC_Base</VALUE></IPARAMVALUE>")},
            new String[] {"OpenEnumerateInstances", RawCimHttp.intrinsic("OpenEnumerateInstances",
                    "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"E2EC_Base\"/></IPARAMVALUE>"
                            + "<IPARAMVALUE NAME=\"MaxObjectCount\"><VALUE>1000</VALUE></IPARAMVALUE>")});

    private static String[] enumerate(String flags) {
        return new String[] {"EnumerateInstances", RawCimHttp.intrinsic("EnumerateInstances",
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"E2EC_Base\"/></IPARAMVALUE>" + flags)};
    }

    private static void onBoth(ClientStep step) throws WBEMException {
        step.run(cached.client());
        step.run(uncached.client());
    }

    @FunctionalInterface
    private interface ClientStep {
        void run(WBEMClient client) throws WBEMException;
    }

    /** One HTTP client per server: its connections are kept alive (a server takes 64 at most per address). */
    private static final Map<ServerFixture, RawCimHttp> RAW = new HashMap<>();

    /** The raw answer of {@code server}, its own address written as HOST. */
    private static String raw(ServerFixture server, String[] request) {
        HttpResponse<String> r = RAW.computeIfAbsent(server, s -> new RawCimHttp(s.url())).post(request[0], "root/cimv2", request[1]);
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replace(server.url().getHost() + ":" + server.port(), "HOST");
    }

    /** Three rounds (an instance is kept when seen the second time, copied the third): the same bytes as uncached. */
    private static void assertSameAnswers(String when) {
        for (String[] request : REQUESTS) {
            String expected = raw(uncached, request);
            for (int round = 0; round < 3; round++) {
                assertEquals(expected, raw(cached, request), when + ", round " + round + ": " + request[1]);
            }
        }
    }

    private static Map<String, CIMInstance> enumerated() throws WBEMException {
        Map<String, CIMInstance> out = new HashMap<>();
        for (CIMInstance i : all(cached.client().enumerateInstances(SCHEMA.basePath(), true, false, false, null))) {
            out.put((String) i.getObjectPath().getKey("Id").getValue(), i);
        }
        return out;
    }

    @Test
    void answersAreTheUncachedServersThroughChanges() throws WBEMException {
        onBoth(c -> {
            c.createClass(SCHEMA.baseClass());
            c.createClass(SCHEMA.childClass());
            for (int i = 0; i < INSTANCES; i++) {
                c.createInstance(i % 3 == 0 ? SCHEMA.childInstance("i" + i, "child <" + i + ">", "extra & " + i)
                        : SCHEMA.baseInstance("i" + i, "base " + i, i));
            }
        });
        assertSameAnswers("as created");
        for (int round = 0; round < 3; round++) {
            Map<String, CIMInstance> got = enumerated();
            assertEquals(INSTANCES, got.size());
            assertEquals("child <3>", got.get("i3").getPropertyValue("Name"));
            assertEquals("extra & 3", got.get("i3").getPropertyValue("Extra"));
            assertEquals(new UnsignedInteger32(4), got.get("i4").getPropertyValue("Count"));
        }

        onBoth(c -> {
            c.modifyInstance(new CIMInstance(TestSchema.instancePath(SCHEMA.base, "i4"), new CIMProperty<?>[] {
                    new CIMProperty<>("Id", CIMDataType.STRING_T, "i4", true, false, null),
                    new CIMProperty<>("Name", CIMDataType.STRING_T, "renamed")}), new String[] {"Name"});
            c.deleteInstance(TestSchema.instancePath(SCHEMA.child, "i3"));
            c.deleteInstance(TestSchema.instancePath(SCHEMA.base, "i5"));
        });
        assertSameAnswers("after a modification and deletions");
        Map<String, CIMInstance> changed = enumerated();
        assertEquals("renamed", changed.get("i4").getPropertyValue("Name"));
        assertNull(changed.get("i3"));
        assertNull(changed.get("i5"));

        onBoth(c -> {
            c.createInstance(SCHEMA.baseInstance("i3", "back as a base", 33));
            c.createInstance(SCHEMA.childInstance("i5", "back as a child", "new"));
        });
        assertSameAnswers("after re-creating");
        Map<String, CIMInstance> again = enumerated();
        assertEquals(SCHEMA.base, again.get("i3").getClassName());
        assertEquals(new UnsignedInteger32(33), again.get("i3").getPropertyValue("Count"));
        assertEquals(SCHEMA.child, again.get("i5").getClassName());
        assertEquals("new", again.get("i5").getPropertyValue("Extra"));
        assertTrue(all(cached.client().enumerateInstances(SCHEMA.basePath(), true, false, false, new String[] {"Count"}))
                .stream().allMatch(i -> i.getProperty("Name") == null), "a PropertyList still cuts");
    }
}
