package org.iscsismis.mof;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MofParseCacheTest {

    private static final String QUALIFIERS = "Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);\n";

    @Test
    void compilersSharingTreesDeclareTheSameAsCompilersAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("shared.mof"), QUALIFIERS + "class Acme_Base { [Key] string Id; uint16 N = 3; };\n");
        Files.writeString(dir.resolve("root_a.mof"), "#pragma include (\"shared.mof\")\nclass Acme_A : Acme_Base { string A; };\n");
        Files.writeString(dir.resolve("root_b.mof"), "#pragma include (\"shared.mof\")\nclass Acme_B : Acme_Base { string B; };\n");
        MofParseCache cache = new MofParseCache();
        for (String root : new String[] {"root_a.mof", "root_b.mof"}) {
            MofCompilation shared = MofCompiler.builder().parseCache(cache).build().compile(dir.resolve(root));
            MofCompilation alone = MofCompiler.offline().compile(dir.resolve(root));
            assertFalse(shared.hasErrors(), shared.diagnostics().toString());
            assertEquals(alone.classes("root/cimv2"), shared.classes("root/cimv2"));
            assertEquals(alone.qualifierTypes("root/cimv2"), shared.qualifierTypes("root/cimv2"));
        }
    }

    @Test
    void aSourceWithSyntaxErrorsIsReportedByEveryCompilation(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.mof"), QUALIFIERS + "class Acme_Broken { string ; };\n");
        MofParseCache cache = new MofParseCache();
        for (int i = 0; i < 2; i++) {
            MofCompilation c = MofCompiler.builder().parseCache(cache).build().compile(dir.resolve("broken.mof"));
            assertTrue(c.hasErrors(), "compilation " + i + " must report the syntax error");
            assertEquals(2, c.errors().get(0).line());
        }
    }
}
