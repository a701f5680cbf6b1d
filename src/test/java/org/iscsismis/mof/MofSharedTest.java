package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Equal literals, values and qualifiers of one compilation are one object; nothing else changes. */
class MofSharedTest {

    private static final String MOF = String.join("\n",
            "class T_A {",
            "  [ValueMap {\"2\", \"3\", \"..\"}, Values {\"Enabled\", \"Disabled\", \"DMTF Reserved\"}]",
            "  uint16 State;",
            "  [ValueMap {\"2\", \"4\"}, Values {\"Enabled\", \"Other\"}, Description (\"DMTF Reserved\")]",
            "  uint16 Mode = 2;",
            "  [key, Description (\"the name\")] string Name = \"Enabled\";",
            "};",
            "class T_B : T_A {",
            "  [Override (\"State\"), ValueMap {\"2\", \"3\", \"..\"}, Values {\"Enabled\", \"Disabled\", \"DMTF Reserved\"}]",
            "  uint16 State;",
            "  [Key, Override (\"Name\"), Description (\"the name\")] string Name;",
            "};");

    private final MofCompilation compilation = MofFixtures.compile(MOF);
    private final CimClass a = compilation.cimClass("root/cimv2", "T_A");
    private final CimClass b = compilation.cimClass("root/cimv2", "T_B");

    @Test
    void compilesCleanly() {
        assertFalse(compilation.hasErrors(), compilation.errors()::toString);
    }

    @Test
    void equalStringLiteralsAreOneString() {
        List<Object> stateValues = a.property("State").qualifier("Values").value().values();
        List<Object> modeValues = a.property("Mode").qualifier("Values").value().values();
        assertSame(stateValues.get(0), modeValues.get(0), "\"Enabled\" in two arrays");
        assertSame(a.property("State").qualifier("ValueMap").value().values().get(0),
                a.property("Mode").qualifier("ValueMap").value().values().get(0), "\"2\" in two arrays");
        assertSame(stateValues.get(2), a.property("Mode").qualifier("Description").value().value(),
                "\"DMTF Reserved\" in an array and as a scalar");
        assertSame(stateValues.get(0), a.property("Name").value().value(), "a default value too");
    }

    @Test
    void equalQualifierValuesAndQualifiersAreOneObject() {
        CimProperty inA = a.property("State");
        CimProperty inB = b.property("State");
        assertSame(inA.qualifier("Values"), inB.qualifier("Values"), "the Values restated by the subclass");
        assertSame(inA.qualifier("ValueMap"), inB.qualifier("ValueMap"));
        assertSame(a.property("Name").qualifier("Description"), b.property("Name").qualifier("Description"));
        assertNotSame(inA.qualifier("ValueMap").value(), a.property("Mode").qualifier("ValueMap").value(),
                "different arrays stay different");
        assertEquals(List.of("2", "4"), a.property("Mode").qualifier("ValueMap").value().toTexts());
    }

    @Test
    void qualifiersSpelledDifferentlyStayAsWritten() {
        CimQualifier lower = a.property("Name").qualifier("Key");
        CimQualifier upper = b.property("Name").qualifier("Key");
        assertEquals(lower, upper, "equal (names compare without case)");
        assertNotSame(lower, upper);
        assertEquals("key", lower.name().toString());
        assertEquals("Key", upper.name().toString());
    }

    @Test
    void rootsCompiledTogetherShareTheirTextsAcrossNamespaces(@TempDir Path dir) throws IOException {
        // no common start, so each root compiles on its own, in parallel: they share only the pool of values
        Files.writeString(dir.resolve("qualifiers.mof"), MofFixtures.QUALIFIERS);
        Files.writeString(dir.resolve("a.mof"), "[Description (\"the same text\")] class T_One { [Values {\"Unknown\"}, "
                + "ValueMap {\"0\"}] uint16 S; };\n");
        Map<CimNamespace, Path> roots = new LinkedHashMap<>();
        roots.put(CimNamespace.of("root/x"), Files.writeString(dir.resolve("root_x.mof"),
                "#pragma include (\"qualifiers.mof\")\n#pragma include (\"a.mof\")\n"));
        Files.writeString(dir.resolve("y.mof"), "#pragma include (\"qualifiers.mof\")\n#pragma include (\"a.mof\")\n");
        roots.put(CimNamespace.of("root/y"), Files.writeString(dir.resolve("root_y.mof"), "#pragma include (\"y.mof\")\n"));
        Map<CimNamespace, MofCompilation> together = MofCompiler.offline().compileRoots(roots);
        CimClass x = together.get(CimNamespace.of("root/x")).cimClass("root/x", "T_One");
        CimClass y = together.get(CimNamespace.of("root/y")).cimClass("root/y", "T_One");
        assertNotSame(x, y, "compiled separately");
        assertEquals(x, y);
        assertSame(x.qualifier("Description"), y.qualifier("Description"));
        assertSame(x.property("S").qualifier("Values"), y.property("S").qualifier("Values"));
    }

    @Test
    void aCheckKeepsNothingSoItSharesNothingAndFindsTheSame() {
        MofCompilation unshared = MofFixtures.compiler().withoutSharing().compile("test.mof", MOF);
        assertEquals(compilation.namespaces(), unshared.namespaces());
        assertEquals(compilation.diagnostics(), unshared.diagnostics());
        CimClass ua = unshared.cimClass("root/cimv2", "T_A");
        CimClass ub = unshared.cimClass("root/cimv2", "T_B");
        assertNotSame(ua.property("State").qualifier("Values"), ub.property("State").qualifier("Values"));
    }
}
