package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fuzz target: the MOF compiler over the standard qualifiers. Whatever the text, the hand-written clean parse
 * ({@link MofFastParser}) agrees with ANTLR's, and compiling it ends in a {@link MofCompilation} (declarations and
 * {@code file:line:col} diagnostics); any exception is a finding. Texts that mention {@code include} are not
 * compiled: {@code #pragma include} reads files, which is the command-line user's own doing and not what this
 * target explores.
 */
class MofCompilerFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void compilesAnyText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        MofFastParserProperties.assertSameParse(text, "fuzz.mof");
        if (text.toLowerCase(Locale.ROOT).contains("include")) {
            return;
        }
        MofCompilation compilation = MofFixtures.compile(text);
        assertNotNull(compilation.diagnostics());
        compilation.diagnostics().forEach(d -> assertNotNull(d.format()));
    }
}
