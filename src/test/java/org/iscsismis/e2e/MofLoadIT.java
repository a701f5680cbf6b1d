package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.assertCimError;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iscsismis.server.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifierType;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * {@code iscsi-smis mof load} into a running server (the command run in-process, as the user runs
 * it), then the result seen through the SBLIM client and wbemcli.
 */
class MofLoadIT {

    static final String WIDGET_MOF = """
            // Acme widgets: a vendor extension loaded into a running server
            Qualifier AcmeUnits : string = null, Scope(property), Flavor(EnableOverride, ToSubclass);

            [Description ("A widget made by Acme.")]
            class Acme_Widget : CIM_ManagedElement
            {
                [Key, Override ("InstanceID")]
                string InstanceID;

                [AcmeUnits ("grams")]
                uint32 Weight;

                [ValueMap {"0", "1", "2"}, Values {"Unknown", "Red", "Blue"}]
                uint16 Color = 0;
            };

            instance of Acme_Widget
            {
                InstanceID = "acme:1";
                ElementName = "First widget";
                Weight = 250;
                Color = 2;
            };
            """;

    static final String BROKEN_MOF = """
            Qualifier AcmeBroken : boolean = false, Scope(class);

            class Acme_Gadget : CIM_ManagedElement
            {
                [Key, Override ("InstanceID")]
                string InstanceID;
                uint32 Size = "big";
            };

            class Acme_Gizmo : CIM_NoSuchClass
            {
            };
            """;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final ServerFixture server = ServerFixture.plain();
    private static final WBEMClient client = server.client();

    record Run(int status, String out, String err) {
    }

    static Run mof(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void loadsQualifierClassAndInstanceIntoTheRunningServer() throws IOException, WBEMException {
        Path file = Files.writeString(dir.resolve("acme.mof"), WIDGET_MOF);
        Run run = mof("mof", "load", "--url", server.url().toString(), "--namespace", "root/cimv2", file.toString());
        assertEquals(0, run.status(), run::toString);
        assertTrue(run.out().contains("root/cimv2: qualifier AcmeUnits: set"), run::toString);
        assertTrue(run.out().contains("root/cimv2: class Acme_Widget: created"), run::toString);
        assertTrue(run.out().contains("root/cimv2: instance Acme_Widget.InstanceID=\"acme:1\": created"), run::toString);

        CIMQualifierType<?> units = client.getQualifierType(classPath("root/cimv2", "AcmeUnits"));
        assertEquals("AcmeUnits", units.getName());

        CIMClass widget = client.getClass(classPath("root/cimv2", "Acme_Widget"), false, true, true, null);
        assertEquals("CIM_ManagedElement", widget.getSuperClassName());
        assertEquals("CIM_ManagedElement", widget.getProperty("InstanceID").getOriginClass(), "InstanceID is first declared there");
        assertTrue(widget.getProperty("InstanceID").isKey());
        assertEquals("CIM_ManagedElement", widget.getProperty("ElementName").getOriginClass());
        assertEquals("Acme_Widget", widget.getProperty("Weight").getOriginClass());
        assertEquals("grams", widget.getProperty("Weight").getQualifier("AcmeUnits").getValue());
        assertEquals("Acme_Widget", widget.getProperty("Color").getOriginClass());

        CIMObjectPath path = new CIMObjectPath(null, null, null, "root/cimv2", "Acme_Widget",
                new CIMProperty<?>[] {new CIMProperty<>("InstanceID", org.metricshub.wbem.javax.cim.CIMDataType.STRING_T, "acme:1", true, false, null)});
        CIMInstance instance = client.getInstance(path, false, false, null);
        assertEquals("First widget", instance.getPropertyValue("ElementName"));
        assertEquals(250L, ((Number) instance.getPropertyValue("Weight")).longValue());
        assertEquals(2, ((Number) instance.getPropertyValue("Color")).intValue());

        assertTrue(Wbemcli.installed(), "the end-to-end tests need wbemcli (Debian package sblim-wbemcli)");
        String base = "http://127.0.0.1:" + server.port() + "/root/cimv2:";
        Wbemcli.Result gc = Wbemcli.run("gc", "-dx", base + "Acme_Widget");
        assertEquals(0, gc.exitCode(), gc::toString);
        String all = gc.out() + gc.err();
        assertTrue(all.contains("<PROPERTY NAME=\"InstanceID\" TYPE=\"string\" CLASSORIGIN=\"CIM_ManagedElement\">"), gc::toString);
        assertTrue(all.contains("<PROPERTY NAME=\"Weight\" TYPE=\"string\"".replace("string", "uint32") + " CLASSORIGIN=\"Acme_Widget\">"), gc::toString);
        Wbemcli.Result gi = Wbemcli.run("gi", base + "Acme_Widget.InstanceID=\"acme:1\"");
        assertEquals(0, gi.exitCode(), gi::toString);
        assertTrue(gi.out().contains("ElementName=\"First widget\""), gi::toString);
        assertTrue(gi.out().contains("Weight=250"), gi::toString);

        Run again = mof("mof", "load", "--url", server.url().toString(), file.toString());
        assertEquals(0, again.status(), again::toString);
        assertTrue(again.out().contains("root/cimv2: class Acme_Widget: exists, skipped (use --update to modify it)"), again::toString);
        assertTrue(again.out().contains("0 qualifier types set (1 already on the server)"), again::toString);
    }

    @Test
    void aMofWithErrorsExitsTwoAndChangesNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.mof"), BROKEN_MOF);
        Run run = mof("mof", "load", "--url", server.url().toString(), file.toString());
        assertEquals(2, run.status(), run::toString);
        assertTrue(run.out().contains(file + ":7:19: error: wrong default value for property Acme_Gadget.Size"), run::toString);
        assertTrue(run.out().contains(file + ":10:20: error: unknown superclass CIM_NoSuchClass of class Acme_Gizmo"), run::toString);
        assertTrue(run.out().contains("nothing was loaded"), run::toString);
        assertCimError(6, () -> client.getClass(classPath("root/cimv2", "Acme_Gadget"), false, true, false, null));
        assertCimError(6, () -> client.getQualifierType(classPath("root/cimv2", "AcmeBroken")));
    }

    @Test
    void updateModifiesAnExistingClassAndARefusalExitsOneWithTheCimStatus() throws IOException, WBEMException {
        String url = server.url().toString();
        Path v1 = Files.writeString(dir.resolve("plain1.mof"), """
                class Acme_Plain : CIM_ManagedElement { [Key, Override ("InstanceID")] string InstanceID; };
                """);
        assertEquals(0, mof("mof", "load", "--url", url, v1.toString()).status());
        Path v2 = Files.writeString(dir.resolve("plain2.mof"), """
                class Acme_Plain : CIM_ManagedElement { [Key, Override ("InstanceID")] string InstanceID; uint8 Added; };
                instance of Acme_Plain { InstanceID = "p1"; Added = 1; };
                """);
        Run updated = mof("mof", "load", "--update", "--url", url, v2.toString());
        assertEquals(0, updated.status(), updated::toString);
        assertTrue(updated.out().contains("root/cimv2: class Acme_Plain: modified (it existed; --update)"), updated::toString);
        assertNotNull(client.getClass(classPath("root/cimv2", "Acme_Plain"), true, true, false, null).getProperty("Added"));

        // now the class has an instance: the server refuses to modify it
        Run refused = mof("mof", "load", "--update", "--url", url, v2.toString());
        assertEquals(1, refused.status(), refused::toString);
        assertTrue(refused.err().startsWith("mof load: the server refused class Acme_Plain in root/cimv2: "
                + "CIM_ERR_CLASS_HAS_INSTANCES (9): "), refused::toString);
    }
}
