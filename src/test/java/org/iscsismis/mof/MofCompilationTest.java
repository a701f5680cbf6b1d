package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole compilations: many errors in one file, the error limit, include trees, namespaces, the schema context. */
class MofCompilationTest {

    @TempDir
    Path dir;

    @Test
    void reportsEveryErrorOfOneFileInSourceOrder() {
        MofCompilation c = MofFixtures.compile("""
                class CIM_A {
                  [Key] string Id;
                  uint8 Small = 300;
                  [In] string NotAParameter;
                  string Id;
                };
                class CIM_B : CIM_Missing { };
                [Key] class CIM_C { string X }
                instance of CIM_A { Id = "a"; Nope = 1; };
                instance of CIM_A as $x { };
                """);
        assertEquals(List.of(
                "test.mof:3:17: error: wrong default value for property CIM_A.Small (uint8): 300 is out of range for uint8 (0 to 255)",
                "test.mof:4:4: error: qualifier In may not be used on a property (property CIM_A.NotAParameter); its scope is parameter",
                "test.mof:5:10: error: property Id is declared twice in class CIM_A (first at line 2)",
                "test.mof:7:15: error: unknown superclass CIM_Missing of class CIM_B (a superclass must be declared before its subclasses)",
                "test.mof:8:2: error: qualifier Key may not be used on a class (class CIM_C); its scope is property, reference",
                "test.mof:8:29: error: missing ';' after 'X'",
                "test.mof:8:31: error: missing ';' after '}'",
                "test.mof:9:31: error: class CIM_A has no property Nope",
                "test.mof:10:13: error: instance of CIM_A has no value for key property Id"),
                c.diagnostics().stream().map(MofDiagnostic::format).toList());
        assertEquals(2, c.instances("root/cimv2").size(), "instances with errors are still shown");
    }

    @Test
    void stopsAtTheErrorLimit() {
        StringBuilder mof = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            mof.append("class C").append(i).append(" : Missing { };\n");
        }
        MofCompilation c = MofCompiler.builder().errorLimit(5).build().compile("many.mof", mof.toString());
        assertEquals(6, c.diagnostics().size());
        assertEquals("many.mof:5:12: error: too many errors (5); compilation stopped", c.diagnostics().get(5).format());
    }

    @Test
    void compilesATreeOfIncludesAcrossNamespaces() throws IOException {
        write("qualifiers.mof", MofFixtures.QUALIFIERS);
        write("schema.mof", """
                #pragma locale ("en_US")
                #pragma include ("qualifiers.mof")
                #pragma include ("core/core.mof")
                #pragma namespace ("root/interop")
                #pragma include ("qualifiers.mof")
                #pragma include ("interop/interop.mof")
                """);
        write("core/core.mof", """
                #pragma include ("CIM_ManagedElement.mof")
                #pragma include ("../core/sub/CIM_Service.mof")
                """);
        write("core/CIM_ManagedElement.mof", "[Abstract] class CIM_ManagedElement { [Key] string InstanceID; };\n");
        write("core/sub/CIM_Service.mof", "class CIM_Service : CIM_ManagedElement { string Name; };\n");
        write("interop/interop.mof", """
                class CIM_RegisteredProfile { [Key] string InstanceID; string RegisteredName; };
                instance of CIM_RegisteredProfile as $p { InstanceID = "SNIA:Replication"; RegisteredName = "Replication Services"; };
                """);
        MofCompilation c = MofCompiler.offline().compile(dir.resolve("schema.mof"));
        assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
        assertEquals(List.of(CimNamespace.of("root/cimv2"), CimNamespace.of("root/interop")),
                c.namespaces().stream().map(MofNamespace::name).toList());
        assertEquals(List.of("CIM_ManagedElement", "CIM_Service"),
                c.classes("root/cimv2").stream().map(k -> k.name().toString()).toList());
        assertEquals(70, c.qualifierTypes("root/cimv2").size());
        assertEquals(70, c.qualifierTypes("root/interop").size());
        assertEquals(List.of("CIM_RegisteredProfile"), c.classes("root/interop").stream().map(k -> k.name().toString()).toList());
        assertEquals(ObjectPath.builder("CIM_RegisteredProfile").namespace("root/interop").key("InstanceID", "SNIA:Replication").build(),
                c.instances("root/interop").get(0).path());
    }

    @Test
    void errorsInIncludedFilesNameThoseFilesAndMissingIncludesTheirPragma() throws IOException {
        write("root.mof", """
                #pragma include ("sub/a.mof")
                #pragma include ("sub/missing.mof")
                """);
        write("sub/a.mof", "\n  class A { uint8 X = -1; };\n#pragma include (\"b.mof\")\n");
        write("sub/b.mof", "class B : Nowhere { };\n#pragma include (\"a.mof\")\n");
        Path root = dir.resolve("root.mof");
        MofCompilation c = MofCompiler.offline().compile(root);
        String sub = dir.resolve("sub").toString();
        assertEquals(List.of(
                root + ":2:18: error: include file \"sub/missing.mof\" not found (looked in " + sub + ")",
                dir.resolve("sub/a.mof") + ":2:23: error: wrong default value for property A.X (uint8): -1 is out of range for uint8 (0 to 255)",
                dir.resolve("sub/b.mof") + ":1:11: error: unknown superclass Nowhere of class B (a superclass must be declared before its subclasses)",
                dir.resolve("sub/b.mof") + ":2:18: error: include cycle: " + dir.resolve("sub/a.mof") + " is already being compiled"),
                c.diagnostics().stream().map(MofDiagnostic::format).toList());
    }

    @Test
    void includeDirectoriesAreSearchedAfterTheIncludingFilesDirectory() throws IOException {
        write("lib/qualifiers.mof", MofFixtures.QUALIFIERS);
        write("app/app.mof", "#pragma include (\"qualifiers.mof\")\n[Description(\"d\")] class App { };\n");
        MofCompilation c = MofCompiler.builder().addIncludeDirectory(dir.resolve("lib")).build().compile(dir.resolve("app/app.mof"));
        assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
        assertNotNull(c.cimClass("root/cimv2", "App"));
    }

    @Test
    void utf8FileWithByteOrderMark() throws IOException {
        Path f = dir.resolve("bom.mof");
        Files.write(f, ("\uFEFF" + MofFixtures.QUALIFIERS + "[Description(\"Größe\")] class Bom { };\n").getBytes(StandardCharsets.UTF_8));
        MofCompilation c = MofCompiler.offline().compile(f);
        assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
        assertEquals("Größe", c.cimClass("root/cimv2", "Bom").qualifier("Description").value().asString());
    }

    @Test
    void classesAndQualifiersOfTheContextAreUsedAndTheMofTakesPrecedence() {
        MofSchemaContext repository = MofFixtures.contextOf(MofFixtures.compile("""
                class CIM_Base { [Key] string Id; };
                [Association] class CIM_Link { [Key] CIM_Base REF A; [Key] CIM_Base REF B; };
                """));
        MofCompilation c = MofCompiler.builder().context(repository).build().compile("sub.mof", """
                Qualifier Key : boolean = false, Scope(property, reference, method), Flavor(DisableOverride, ToSubclass);
                class Sub : CIM_Base { [Key] uint32 Extra(); };
                instance of Sub as $s { Id = "s"; };
                instance of CIM_Link { A = $s; B = "CIM_Base.Id=\\"t\\""; };
                """);
        assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
        CimQualifierType key = c.qualifierTypes("root/cimv2").get(0);
        assertTrue(key.appliesTo(org.iscsismis.cim.CimScope.METHOD), "the MOF's declaration wins over the context's");
        CimClass sub = c.cimClass("root/cimv2", "Sub");
        assertEquals(CimName.of("CIM_Base"), sub.superClassName());
        assertEquals(ObjectPath.builder("Sub").namespace("root/cimv2").key("Id", "s").build(), c.instances("root/cimv2").get(0).path());
    }

    @Test
    void checkCommandFormatsDiagnosticsAndReturnsTheExitStatus() throws IOException {
        write("good.mof", MofFixtures.QUALIFIERS + "#pragma frobnicate (\"x\")\nclass Good { };\n");
        write("bad.mof", "class Bad : Missing { };\n");
        StringBuilder out = new StringBuilder();
        assertEquals(MofCheck.OK, MofCheck.run(List.of(dir.resolve("good.mof")), out));
        long line = MofFixtures.QUALIFIERS.lines().count() + 1;
        assertTrue(out.toString().startsWith(dir.resolve("good.mof") + ":" + line + ":9: warning: unknown pragma 'frobnicate' ignored"), out::toString);
        assertTrue(out.toString().contains("1 file: 70 qualifier types, 1 class, 0 instances; 0 errors, 1 warning"), out::toString);
        out.setLength(0);
        assertEquals(MofCheck.ERRORS, MofCheck.run(List.of(dir.resolve("good.mof"), dir.resolve("bad.mof")), out));
        assertTrue(out.toString().contains(dir.resolve("bad.mof") + ":1:13: error: unknown superclass Missing of class Bad"), out::toString);
        out.setLength(0);
        assertEquals(MofCheck.ERRORS, MofCheck.run(List.of(dir.resolve("absent.mof")), out));
        assertTrue(out.toString().startsWith(dir.resolve("absent.mof") + ":1:1: error: cannot read file: no such file"), out::toString);
        out.setLength(0);
        write("includes-absent.mof", "#pragma include (\"absent.mof\")\n");
        assertEquals(MofCheck.ERRORS, MofCheck.run(List.of(dir.resolve("includes-absent.mof")), out));
        assertTrue(out.toString().contains("include file \"absent.mof\" not found"), out::toString);
    }

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
