package org.iscsismis.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's operations through the {@code wbemcli} program, the way shell scripts use the server.
 * Classes are created with the Java client first (wbemcli cannot create classes).
 */
class WbemcliIT {

    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static TestSchema schema;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        schema = new TestSchema("E2EW");
        WBEMClient client = SblimClients.connect(server.url());
        try {
            client.createClass(schema.baseClass());
            client.createClass(schema.childClass());
        } finally {
            client.close();
        }
        base = "http://127.0.0.1:" + server.port() + "/root/cimv2:";
    }

    private static Wbemcli.Result ok(String... args) {
        Wbemcli.Result r = Wbemcli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + "\n" + r);
        return r;
    }

    private static void assertContains(Wbemcli.Result r, String expected) {
        assertTrue(r.out().contains(expected), () -> "expected \"" + expected + "\" in\n" + r);
    }

    @Test
    void instanceLifeCycleThroughWbemcli() {
        String instance = base + schema.base + ".Id=\"w1\"";
        ok("ci", instance, "Id=\"w1\",Name=\"hello\",Count=5");

        Wbemcli.Result got = ok("gi", instance);
        assertContains(got, "Name=\"hello\"");
        assertContains(got, "Count=5");

        assertContains(ok("ein", base + schema.base), "Id=\"w1\"");
        assertContains(ok("ei", base + schema.base), "Name=\"hello\"");
        assertContains(ok("-cte", "ei", base + schema.base), "Name=\"hello\"");

        ok("mi", instance, "Name=\"changed\"");
        assertContains(ok("gi", instance), "Name=\"changed\"");

        assertContains(ok("gp", instance, "Name"), "changed");
        ok("sp", instance, "Count=42");
        assertContains(ok("gi", instance), "Count=42");

        ok("di", instance);
        Wbemcli.Result gone = Wbemcli.run("gi", instance);
        assertNotEquals(0, gone.exitCode(), gone::toString);
        assertTrue((gone.out() + gone.err()).contains("CIM_ERR_NOT_FOUND"), gone::toString);
    }

    @Test
    void classOperationsThroughWbemcli() {
        Wbemcli.Result cls = ok("gc", base + schema.base);
        assertContains(cls, "Count");
        assertContains(ok("ecn", base + schema.base), schema.child);
        assertTrue(ok("ec", base).out().contains(schema.base), "ec from the namespace lists the root classes");

        Wbemcli.Result noClass = Wbemcli.run("gc", base + "E2EW_Missing");
        assertNotEquals(0, noClass.exitCode(), noClass::toString);
        assertTrue((noClass.out() + noClass.err()).contains("CIM_ERR_NOT_FOUND"), noClass::toString);

        Wbemcli.Result noNamespace = Wbemcli.run("ein", "http://127.0.0.1:" + server.port() + "/root/nowhere:" + schema.base);
        assertTrue((noNamespace.out() + noNamespace.err()).contains("CIM_ERR_INVALID_NAMESPACE"), noNamespace::toString);
    }

    @Test
    void setPropertyWithTheWrongTypeIsRefused() {
        String instance = base + schema.base + ".Id=\"w2\"";
        ok("ci", instance, "Id=\"w2\",Name=\"typed\"");
        Wbemcli.Result wrong = Wbemcli.run("sp", instance, "Count=\"many\"");
        assertTrue((wrong.out() + wrong.err()).contains("CIM_ERR_TYPE_MISMATCH"), wrong::toString);
        Wbemcli.Result unknown = Wbemcli.run("gp", instance, "NoSuchProperty");
        assertTrue((unknown.out() + unknown.err()).contains("CIM_ERR_NO_SUCH_PROPERTY"), unknown::toString);
    }
}
