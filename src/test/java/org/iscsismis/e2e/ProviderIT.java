package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.testing.storage.StorageModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Test-only providers registered into a real server ({@link StorageModel} in root/cimv2, the host
 * in root/interop), exercised through the SBLIM Java client and wbemcli.
 */
class ProviderIT {

    private static final String NS = "root/cimv2";
    @RegisterExtension
    static final ServerFixture server = ServerFixture.seeded((repository, registry) -> StorageModel.install(repository, registry,
            CimNamespace.of(NS), CimNamespace.of("root/interop")));
    private static final WBEMClient client = server.client();
    private static String base;

    @BeforeAll
    static void start() {
        base = "http://127.0.0.1:" + server.port() + "/" + NS + ":";
    }

    private static CIMObjectPath path(String className, String id) {
        return SblimClients.idPath(NS, className, id);
    }

    private static <T> List<T> all(CloseableIterator<T> it) {
        List<T> out = new ArrayList<>();
        try {
            while (it.hasNext()) {
                out.add(it.next());
            }
        } finally {
            it.close();
        }
        return out;
    }

    private static List<String> ids(List<CIMObjectPath> paths) {
        return paths.stream().map(p -> p.getObjectName() + "." + p.getKey("Id").getValue()).sorted().toList();
    }

    @Test
    void enumerationMergesProviderAndRepositoryInstances() throws WBEMException {
        List<CIMObjectPath> names = all(client.enumerateInstanceNames(SblimClients.classPath(NS, "Test_Element")));
        assertEquals(List.of("Test_Disk.D1", "Test_Disk.D2", "Test_Disk.D3", "Test_Pool.P1", "Test_Pool.P2"), ids(names));
        CIMInstance d2 = client.getInstance(path("Test_Disk", "D2"), false, false, null);
        assertEquals(new UnsignedInteger64("200"), d2.getPropertyValue("Size"));
    }

    @Test
    void associatorsAndReferencesWithFilters() throws WBEMException {
        CIMObjectPath p1 = path("Test_Pool", "P1");
        assertEquals(List.of("Test_Disk.D1", "Test_Disk.D2", "Test_Pool.P2"), ids(all(client.associatorNames(p1, null, null, null, null))));
        assertEquals(List.of("Test_Disk.D1", "Test_Disk.D2"),
                ids(all(client.associatorNames(p1, "Test_DiskInPool", null, "GroupComponent", "PartComponent"))));
        assertEquals(List.of("Test_Pool.P2"), ids(all(client.associatorNames(p1, null, "Test_Pool", "Antecedent", null))));

        List<CIMInstance> disks = all(client.associatorInstances(path("Test_Pool", "P2"), null, "Test_Disk", null, null, false,
                new String[] {"Name"}));
        assertEquals(1, disks.size(), "the dangling D9 is skipped");
        assertEquals("disk three", disks.get(0).getPropertyValue("Name"));
        assertEquals(NS, disks.get(0).getObjectPath().getNamespace());

        List<CIMInstance> ofD1 = all(client.associatorInstances(path("Test_Disk", "D1"), "Test_HostedDisk", null, null, null, false, null));
        assertEquals(1, ofD1.size());
        assertEquals("root/interop", ofD1.get(0).getObjectPath().getNamespace(), "a far end in another namespace");
        assertEquals("host one", ofD1.get(0).getPropertyValue("Name"));

        List<CIMInstance> refs = all(client.referenceInstances(p1, null, null, false, null));
        assertEquals(3, refs.size());
        List<CIMObjectPath> refNames = all(client.referenceNames(p1, "Test_PoolDependency", "Antecedent"));
        assertEquals(1, refNames.size());
        assertEquals("Test_PoolDependency", refNames.get(0).getObjectName());
        assertEquals(0, all(client.referenceNames(p1, null, "Dependent")).size());

        List<CIMClass> classes = all(client.associatorClasses(SblimClients.classPath(NS, "Test_Disk"), "Test_DiskInPool", null, null,
                null, false, false, null));
        assertEquals(List.of("Test_Pool"), classes.stream().map(CIMClass::getName).toList());
    }

    @Test
    void associationErrors() {
        assertCimError(4, () -> all(client.associatorNames(path("Test_Pool", "P1"), "Test_Nope", null, null, null)));
        assertCimError(3, () -> all(client.referenceNames(new CIMObjectPath(null, null, null, "root/nope", "Test_Pool",
                new CIMProperty<?>[] {new CIMProperty<>("Id", CIMDataType.STRING_T, "P1", true, false, null)}), null, null)));
    }

    @Test
    void invokeMethodWithEveryParameterType() throws WBEMException {
        CIMInstance settings = new CIMInstance(new CIMObjectPath(null, null, null, NS, "Test_Settings", null), new CIMProperty<?>[] {
                new CIMProperty<>("Label", CIMDataType.STRING_T, "fast"),
                new CIMProperty<>("Level", CIMDataType.UINT32_T, new UnsignedInteger32(3))});
        CIMArgument<?>[] in = {
                new CIMArgument<>("Text", CIMDataType.STRING_T, "hi"),
                new CIMArgument<>("Count", CIMDataType.UINT16_T, new UnsignedInteger16(7)),
                new CIMArgument<>("Numbers", CIMDataType.UINT16_ARRAY_T, new UnsignedInteger16[] {new UnsignedInteger16(1),
                        new UnsignedInteger16(2)}),
                new CIMArgument<>("Flag", CIMDataType.BOOLEAN_T, Boolean.TRUE),
                new CIMArgument<>("Ratio", CIMDataType.REAL64_T, 0.5),
                new CIMArgument<>("When", CIMDataType.DATETIME_T, new CIMDateTimeAbsolute("20240102030405.000000+000")),
                new CIMArgument<>("Pool", new CIMDataType("Test_Pool"), path("Test_Pool", "P1")),
                new CIMArgument<>("Settings", CIMDataType.OBJECT_T, settings)};
        CIMArgument<?>[] out = new CIMArgument<?>[8];
        Object ret = client.invokeMethod(path("Test_Disk", "D1"), "Describe", in, out);
        assertEquals(new UnsignedInteger32(8), ret);
        java.util.Map<String, Object> outs = new java.util.HashMap<>();
        for (CIMArgument<?> a : out) {
            if (a != null) {
                outs.put(a.getName(), a.getValue());
            }
        }
        assertEquals("hi!", outs.get("Echo"));
        assertEquals(List.of(new UnsignedInteger16(2), new UnsignedInteger16(4)), List.of((UnsignedInteger16[]) outs.get("Doubled")));
        assertEquals(Boolean.FALSE, outs.get("Negated"));
        assertEquals("P1", ((CIMObjectPath) outs.get("PoolOut")).getKey("Id").getValue());
        assertEquals("seen fast", ((CIMInstance) outs.get("SettingsOut")).getPropertyValue("Label"));
        assertEquals("20240102030405.000000+000", outs.get("WhenOut").toString());

        Object count = client.invokeMethod(SblimClients.classPath(NS, "Test_Disk"), "Count", new CIMArgument<?>[0], new CIMArgument<?>[1]);
        assertEquals(new UnsignedInteger32(0), count);
    }

    @Test
    void invokeMethodErrors() {
        CIMObjectPath d1 = path("Test_Disk", "D1");
        assertCimError(17, () -> client.invokeMethod(d1, "Explode", new CIMArgument<?>[0], new CIMArgument<?>[0]));
        assertCimError(4, () -> client.invokeMethod(d1, "Describe",
                new CIMArgument<?>[] {new CIMArgument<>("Nope", CIMDataType.STRING_T, "x")}, new CIMArgument<?>[0]));
        assertCimError(4, () -> client.invokeMethod(d1, "Describe",
                new CIMArgument<?>[] {new CIMArgument<>("Count", CIMDataType.STRING_T, "many")}, new CIMArgument<?>[0]));
        assertCimError(7, () -> client.invokeMethod(path("Test_Pool", "P1"), "Defragment", new CIMArgument<?>[0],
                new CIMArgument<?>[0]));
    }

    // ------------------------------------------------------------------ wbemcli

    private static Wbemcli.Result ok(String... args) {
        Wbemcli.Result r = Wbemcli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    private static void assertContains(Wbemcli.Result r, String... expected) {
        for (String e : expected) {
            assertTrue(r.out().contains(e), () -> "expected \"" + e + "\" in\n" + r);
        }
    }

    @Test
    void associationsThroughWbemcli() {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        String p1 = base + "Test_Pool.Id=\"P1\"";
        Wbemcli.Result ain = ok("ain", p1);
        assertContains(ain, "Test_Disk.Id=\"D1\"", "Test_Disk.Id=\"D2\"", "Test_Pool.Id=\"P2\"");
        Wbemcli.Result filtered = ok("ain", "-ac", "Test_DiskInPool", "-arr", "PartComponent", p1);
        assertContains(filtered, "Test_Disk.Id=\"D1\"");
        assertTrue(!filtered.out().contains("Test_Pool"), filtered::toString);
        assertContains(ok("ai", "-arc", "Test_Disk", base + "Test_Pool.Id=\"P2\""), "disk three");
        assertContains(ok("ai", base + "Test_Disk.Id=\"D1\""), "host one", "pool one");
        assertContains(ok("rin", p1), "Test_DiskInPool", "Test_PoolDependency");
        Wbemcli.Result ri = ok("ri", "-ar", "Dependent", base + "Test_Pool.Id=\"P2\"");
        assertContains(ri, "Test_PoolDependency", "Antecedent");
        assertTrue(!ri.out().contains("Test_DiskInPool"), ri::toString);
        Wbemcli.Result bad = Wbemcli.run("ain", "-ac", "Test_Nope", p1);
        assertTrue((bad.out() + bad.err()).contains("CIM_ERR_INVALID_PARAMETER"), bad::toString);
    }

    @Test
    void methodsThroughWbemcli() {
        String d1 = base + "Test_Disk.Id=\"D1\"";
        Wbemcli.Result r = ok("cm", d1, "Describe.Text=\"hi\",Count=7,Numbers=1,2,Flag=true");
        assertContains(r, "hi!", "Negated");
        Wbemcli.Result resize = ok("cm", base + "Test_Disk.Id=\"D3\"", "Resize.NewSize=4096");
        assertContains(resize, "0");
        assertContains(ok("gi", base + "Test_Disk.Id=\"D3\""), "4096");
        Wbemcli.Result mistyped = Wbemcli.run("cm", d1, "Describe.Count=many");
        assertNotEquals(0, mistyped.exitCode(), mistyped::toString);
        assertTrue((mistyped.out() + mistyped.err()).contains("CIM_ERR_INVALID_PARAMETER"), mistyped::toString);
    }
}
