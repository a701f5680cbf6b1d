package org.iscsismis.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instance operations of the repository, their filters and error codes, through the SBLIM Java client. */
class RepositoryInstancesIT {

    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();

    private static Map<String, CIMInstance> byId(List<CIMInstance> instances) {
        Map<String, CIMInstance> out = new HashMap<>();
        instances.forEach(i -> out.put((String) i.getObjectPath().getKey("Id").getValue(), i));
        return out;
    }

    private static TestSchema schema(String prefix) throws WBEMException {
        TestSchema s = new TestSchema(prefix);
        client.createClass(s.baseClass());
        client.createClass(s.childClass());
        return s;
    }

    @Test
    void instanceLifeCycle() throws WBEMException {
        TestSchema s = schema("E2EI");
        CIMObjectPath created = client.createInstance(s.baseInstance("one", "first", 3));
        assertEquals(s.base, created.getObjectName());
        assertEquals("one", created.getKey("Id").getValue());

        CIMInstance got = client.getInstance(TestSchema.instancePath(s.base, "one"), false, false, null);
        assertEquals("first", got.getPropertyValue("Name"));
        assertEquals(new UnsignedInteger32(3), got.getPropertyValue("Count"));

        CIMInstance changed = new CIMInstance(TestSchema.instancePath(s.base, "one"), new CIMProperty<?>[] {
                new CIMProperty<>("Id", CIMDataType.STRING_T, "one", true, false, null),
                new CIMProperty<>("Name", CIMDataType.STRING_T, "renamed"),
                new CIMProperty<>("Count", CIMDataType.UINT32_T, new UnsignedInteger32(99))});
        client.modifyInstance(changed, new String[] {"Name"});
        CIMInstance after = client.getInstance(TestSchema.instancePath(s.base, "one"), false, false, null);
        assertEquals("renamed", after.getPropertyValue("Name"), "a property in the PropertyList changes");
        assertEquals(new UnsignedInteger32(3), after.getPropertyValue("Count"), "a property outside the PropertyList does not");

        client.deleteInstance(TestSchema.instancePath(s.base, "one"));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND,
                () -> client.getInstance(TestSchema.instancePath(s.base, "one"), false, false, null));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND, () -> client.deleteInstance(TestSchema.instancePath(s.base, "one")));
    }

    @Test
    void absentPropertiesTakeTheClassDefault() throws WBEMException {
        TestSchema s = schema("E2ED");
        client.createInstance(s.childInstance("c", "child", "x"));
        CIMInstance got = client.getInstance(TestSchema.instancePath(s.child, "c"), false, false, null);
        assertEquals(new UnsignedInteger32(7), got.getPropertyValue("Count"));
    }

    @Test
    void enumerationFollowsInheritanceAndFilters() throws WBEMException {
        TestSchema s = schema("E2EF");
        client.createInstance(s.baseInstance("b1", "base one", 1));
        client.createInstance(s.childInstance("c1", "child one", "extra!"));

        Map<String, CIMInstance> deep = byId(all(client.enumerateInstances(s.basePath(), true, false, false, null)));
        assertEquals(2, deep.size(), "instances of subclasses are always returned");
        assertEquals("extra!", deep.get("c1").getPropertyValue("Extra"));
        assertEquals(s.child, deep.get("c1").getClassName());
        assertEquals(s.child, deep.get("c1").getObjectPath().getObjectName(), "the path names the instance's own class");

        Map<String, CIMInstance> shallow = byId(all(client.enumerateInstances(s.basePath(), false, false, false, null)));
        assertEquals(2, shallow.size());
        assertNull(shallow.get("c1").getProperty("Extra"), "DeepInheritance=false cuts subclass properties");
        assertNotNull(shallow.get("c1").getProperty("Name"));

        Map<String, CIMInstance> onlyName = byId(all(client.enumerateInstances(s.basePath(), true, false, false, new String[] {"Name"})));
        CIMInstance b1 = onlyName.get("b1");
        assertNotNull(b1.getProperty("Name"));
        assertNull(b1.getProperty("Count"), "PropertyList keeps only the named properties");

        List<CIMObjectPath> names = all(client.enumerateInstanceNames(s.basePath()));
        assertEquals(2, names.size());
        List<CIMObjectPath> childNames = all(client.enumerateInstanceNames(s.childPath()));
        assertEquals(1, childNames.size());
        assertEquals("c1", childNames.get(0).getKey("Id").getValue());

        CIMInstance withOrigin = client.getInstance(TestSchema.instancePath(s.child, "c1"), false, true, null);
        assertEquals(s.base, withOrigin.getProperty("Name").getOriginClass(), "IncludeClassOrigin on instances");
    }

    @Test
    void instanceErrorsCarryTheirDsp0200Codes() throws WBEMException {
        TestSchema s = schema("E2EX");
        client.createInstance(s.baseInstance("dup", "x", 1));
        assertCimError(WBEMException.CIM_ERR_ALREADY_EXISTS, () -> client.createInstance(s.baseInstance("dup", "y", 2)));
        assertCimError(WBEMException.CIM_ERR_INVALID_CLASS, () -> client.createInstance(new CIMInstance(
                TestSchema.instancePath("E2EX_NoSuchClass", "a"),
                new CIMProperty<?>[] {new CIMProperty<>("Id", CIMDataType.STRING_T, "a", true, false, null)})));
        assertCimError(WBEMException.CIM_ERR_INVALID_CLASS, () -> all(client.enumerateInstances(
                classPath("root/cimv2", "E2EX_NoSuchClass"), true, false, false, null)));
        assertCimError(WBEMException.CIM_ERR_INVALID_NAMESPACE, () -> all(client.enumerateInstanceNames(
                classPath("root/nowhere", s.base))));
        assertCimError(WBEMException.CIM_ERR_NO_SUCH_PROPERTY, () -> client.createInstance(new CIMInstance(
                TestSchema.instancePath(s.base, "np"), new CIMProperty<?>[] {
                        new CIMProperty<>("Id", CIMDataType.STRING_T, "np", true, false, null),
                        new CIMProperty<>("NoSuchProperty", CIMDataType.STRING_T, "v")})));
        // TYPE_MISMATCH (13) is checked through wbemcli and raw HTTP: this client's WBEMException refuses code 13.
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> client.createInstance(new CIMInstance(
                new CIMObjectPath(null, null, null, TestSchema.NS, s.base, null), new CIMProperty<?>[] {
                        new CIMProperty<>("Name", CIMDataType.STRING_T, "no key")})));
        client.createInstance(s.childInstance("kept", "x", "y"));
        assertCimError(WBEMException.CIM_ERR_CLASS_HAS_INSTANCES, () -> client.deleteClass(s.childPath()));
    }

    @Test
    void manyClientsAtOnceLoseNothing() throws Exception {
        TestSchema s = schema("E2EP");
        int clients = 8;
        int perClient = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                done.add(pool.submit(() -> {
                    WBEMClient own = SblimClients.connect(server.url());
                    try {
                        for (int i = 0; i < perClient; i++) {
                            own.createInstance(s.baseInstance("p" + id + "-" + i, "n", i));
                            own.getInstance(TestSchema.instancePath(s.base, "p" + id + "-" + i), false, false, null);
                        }
                    } finally {
                        own.close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(clients * perClient, all(client.enumerateInstanceNames(s.basePath())).size());
        assertTrue(all(client.enumerateInstances(s.basePath(), true, false, false, null)).stream()
                .allMatch(i -> "n".equals(i.getPropertyValue("Name"))));
    }
}
