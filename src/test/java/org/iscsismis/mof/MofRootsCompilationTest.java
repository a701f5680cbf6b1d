package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iscsismis.cim.CimNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MofCompiler#compileRoots}: the same results as compiling each root alone, with the shared part compiled once. */
class MofRootsCompilationTest {

    private static final String QUALIFIERS = "Qualifier Key : boolean = false, Scope(property, reference), "
            + "Flavor(DisableOverride, ToSubclass);\n"
            + "Qualifier Association : boolean = false, Scope(association), Flavor(DisableOverride, ToSubclass);\n"
            + "Qualifier Description : string = null, Scope(any), Flavor(EnableOverride, ToSubclass, Translatable);\n";
    private static final String PREFIX = "#pragma include (\"qualifiers.mof\")\n#pragma include (\"base.mof\")\n";

    /** Three roots starting with the same includes; what follows differs (a class, an instance, nothing). */
    private static Map<CimNamespace, Path> roots(Path dir, String qualifiers, String base) throws IOException {
        Files.writeString(dir.resolve("qualifiers.mof"), qualifiers);
        Files.writeString(dir.resolve("base.mof"), base);
        Files.writeString(dir.resolve("extra.mof"), "class Acme_Extra : Acme_Base { string E; };\n");
        Map<CimNamespace, Path> roots = new LinkedHashMap<>();
        roots.put(CimNamespace.of("root/a"), Files.writeString(dir.resolve("root_a.mof"), "// root a\n" + PREFIX
                + "#pragma include (\"extra.mof\")\n[Description(\"only in a\")] class Acme_A : Acme_Extra { string A; };\n"));
        roots.put(CimNamespace.of("root/b"), Files.writeString(dir.resolve("root_b.mof"), PREFIX
                + "instance of Acme_Base { Id = \"b1\"; };\n"));
        roots.put(CimNamespace.of("root/c"), Files.writeString(dir.resolve("root_c.mof"), PREFIX));
        return roots;
    }

    /** With a reference to a class declared after it (checked once everything is declared). */
    private static final String BASE = "class Acme_Base { [Key] string Id; uint16 N = 3; };\n"
            + "[Association] class Acme_Link { [Key] Acme_Base REF A; [Key] Acme_Later REF B; };\n"
            + "class Acme_Later : Acme_Base { };\n";

    private static void assertSameAsAlone(Map<CimNamespace, Path> roots, Map<CimNamespace, MofCompilation> together) {
        assertEquals(List.copyOf(roots.keySet()), List.copyOf(together.keySet()), "one result per root, in order");
        roots.forEach((namespace, root) -> {
            MofCompilation alone = MofCompiler.builder().defaultNamespace(namespace.toString()).build().compile(root);
            MofCompilation shared = together.get(namespace);
            assertEquals(alone.namespaces(), shared.namespaces(), namespace.toString());
            assertEquals(alone.diagnostics(), shared.diagnostics(), namespace.toString());
        });
    }

    @Test
    void eachRootGetsWhatCompilingItAloneGives(@TempDir Path dir) throws IOException {
        Map<CimNamespace, Path> roots = roots(dir, QUALIFIERS, BASE);
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots);
        assertSameAsAlone(roots, together);
        assertFalse(together.get(CimNamespace.of("root/a")).hasErrors());
        assertEquals(1, together.get(CimNamespace.of("root/b")).instances("root/b").size());
        assertEquals(List.of("Acme_Base", "Acme_Link", "Acme_Later"), together.get(CimNamespace.of("root/c")).classes("root/c").stream()
                .map(c -> c.name().toString()).toList());
    }

    @Test
    void theSharedPartIsCompiledOnceIntoTheSameObjects(@TempDir Path dir) throws IOException {
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots(dir, QUALIFIERS, BASE));
        MofCompilation a = together.get(CimNamespace.of("root/a"));
        MofCompilation c = together.get(CimNamespace.of("root/c"));
        assertSame(a.cimClass("root/a", "Acme_Base"), c.cimClass("root/c", "Acme_Base"));
        assertSame(a.qualifierTypes("root/a").get(0), c.qualifierTypes("root/c").get(0));
    }

    @Test
    void errorsAfterTheSharedPartAreReportedAsAlone(@TempDir Path dir) throws IOException {
        Map<CimNamespace, Path> roots = roots(dir, QUALIFIERS, BASE);
        Files.writeString(dir.resolve("extra.mof"), "class Acme_Extra : Acme_Nowhere { [Bogus] string E; };\n");
        Files.writeString(roots.get(CimNamespace.of("root/a")), PREFIX + "#pragma include (\"extra.mof\")\n"
                + "class Acme_A : Acme_Base { [Bogus] string A; Acme_Nothing REF R; };\n");
        Files.writeString(roots.get(CimNamespace.of("root/b")), PREFIX + "instance of Acme_Base { N = 4; };\n");
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots);
        assertSameAsAlone(roots, together);
        MofCompilation a = together.get(CimNamespace.of("root/a"));
        assertTrue(a.errors().size() >= 2, a.errors().toString());
        assertTrue(a.errors().get(0).file().endsWith("root_a.mof"), "the root's own errors come first: " + a.errors());
        assertTrue(together.get(CimNamespace.of("root/b")).hasErrors(), "the instance lacks its key");
    }

    @Test
    void errorsInTheSharedPartAreReportedByEveryRootAsAlone(@TempDir Path dir) throws IOException {
        Map<CimNamespace, Path> roots = roots(dir, QUALIFIERS, BASE + "class Acme_Bad { [Bogus] string X; };\n");
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots);
        assertSameAsAlone(roots, together);
        together.values().forEach(c -> assertTrue(c.hasErrors()));
        assertNotSame(together.get(CimNamespace.of("root/a")).cimClass("root/a", "Acme_Base"),
                together.get(CimNamespace.of("root/c")).cimClass("root/c", "Acme_Base"), "compiled separately");
    }

    @Test
    void sharedIncludesThatChangeNamespaceOrDeclareInstancesAreCompiledPerRoot(@TempDir Path dir) throws IOException {
        String base = BASE + "#pragma namespace (\"root/elsewhere\")\n" + QUALIFIERS + BASE
                + "instance of Acme_Base { Id = \"x\"; };\n";
        Map<CimNamespace, Path> roots = roots(dir, QUALIFIERS, base);
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots);
        assertSameAsAlone(roots, together);
        assertFalse(together.get(CimNamespace.of("root/c")).hasErrors());
    }

    @Test
    void aRootWithASyntaxErrorIsReportedAsAlone(@TempDir Path dir) throws IOException {
        Map<CimNamespace, Path> roots = roots(dir, QUALIFIERS, BASE);
        Files.writeString(roots.get(CimNamespace.of("root/c")), PREFIX + "class Acme_C { string ; };\n");
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots);
        assertSameAsAlone(roots, together);
        assertTrue(together.get(CimNamespace.of("root/c")).hasErrors());
    }

    @Test
    void thePackagedSchemaCompilesTogetherAsAlone() throws IOException {
        Map<CimNamespace, Path> roots = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("mof"))) {
            files.filter(f -> f.getFileName().toString().matches("root.*\\.mof")).sorted().forEach(f -> {
                String name = f.getFileName().toString();
                roots.put(CimNamespace.of(name.substring(0, name.length() - 4).replace('_', '/')), f);
            });
        }
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots);
        assertSameAsAlone(roots, together);
        assertSame(together.get(CimNamespace.of("root/cimv2")).cimClass("root/cimv2", "CIM_ManagedElement"),
                together.get(CimNamespace.of("root/interop")).cimClass("root/interop", "CIM_ManagedElement"));
    }
}
