package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code iscsi-smis mof check|load} as the user runs it: parsing, output lines and exit statuses. */
class MofCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void checkOfAGoodFileExitsZeroWithASummary() throws IOException {
        Path good = Files.writeString(dir.resolve("good.mof"),
                "Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);\n"
                        + "class A { [Key] string Id; };\ninstance of A { Id = \"a\"; };\n");
        assertEquals(0, run("mof", "check", good.toString()), out::toString);
        assertEquals("1 file: 1 qualifier type, 1 class, 1 instance; 0 errors, 0 warnings" + System.lineSeparator(), out.toString());
    }

    @Test
    void checkOfABadFilePrintsFileLineColumnErrorsAndExitsTwo() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.mof"), "class A : Missing { };\nclass B { uint32 X = \"x\"; };\n");
        assertEquals(2, run("mof", "check", bad.toString()));
        List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out::toString);
        assertTrue(lines.get(0).startsWith(bad + ":1:11: error: unknown superclass Missing of class A"), lines.get(0));
        assertTrue(lines.get(1).startsWith(bad + ":2:22: error: "), lines.get(1));
        assertEquals("1 file: 0 qualifier types, 2 classes, 0 instances; 2 errors, 0 warnings", lines.get(2));
    }

    @Test
    void checkSearchesIncludeDirectories() throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/base.mof"), "class Base { string Id; };\n");
        Path main = Files.writeString(dir.resolve("main.mof"), "#pragma include (\"base.mof\")\nclass Sub : Base { };\n");
        assertEquals(2, run("mof", "check", main.toString()));
        out.getBuffer().setLength(0);
        assertEquals(0, run("mof", "check", "-I", dir.resolve("inc").toString(), main.toString()), out::toString);
    }

    @Test
    void checkOfAMissingFileIsAnError() {
        assertEquals(2, run("mof", "check", dir.resolve("nope.mof").toString()));
        assertTrue(out.toString().contains("nope.mof"), out::toString);
    }

    @Test
    void mofWithoutSubcommandOrFilesIsAUsageError() {
        assertEquals(2, run("mof"));
        assertTrue(err.toString().contains("Missing subcommand: check or load"), err::toString);
        assertEquals(2, run("mof", "check"));
        assertEquals(2, run("mof", "load", "x.mof"), "--url is required");
        assertTrue(err.toString().contains("--url"), err::toString);
    }

    @Test
    void loadWithAnUnreachableServerExitsOne() throws IOException {
        Path f = Files.writeString(dir.resolve("w.mof"), "class Acme_W : CIM_ManagedElement { };\n");
        assertEquals(1, run("mof", "load", "--url", "http://127.0.0.1:1", f.toString()));
        assertTrue(err.toString().contains("mof load: cannot reach http://127.0.0.1:1/cimom"), err::toString);
    }

    @Test
    void loadRefusesANonHttpUrl() throws IOException {
        Path f = Files.writeString(dir.resolve("w.mof"), "class Acme_W { };\n");
        assertEquals(2, run("mof", "load", "--url", "ftp://host", f.toString()));
        assertTrue(err.toString().contains("not an http(s) URL"), err::toString);
    }

    @Test
    void classesAreLoadedAfterTheirSuperclassesAndReferencedClasses() {
        CimClass sub = CimClass.builder("C_Sub").superClass("C_Base").build();
        CimClass assoc = CimClass.builder("C_Assoc").property(org.iscsismis.cim.CimProperty.declare("R",
                CimType.reference(CimName.of("C_Sub")))).build();
        CimClass base = CimClass.builder("C_Base").superClass("CIM_Elsewhere").build();
        List<String> order = MofLoader.dependencyOrder(List.of(assoc, sub, base)).stream()
                .map(c -> c.name().toString()).toList();
        assertEquals(List.of("C_Base", "C_Sub", "C_Assoc"), order);
    }
}
