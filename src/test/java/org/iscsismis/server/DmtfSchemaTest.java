package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.iscsismis.testing.DmtfSchema;
import org.junit.jupiter.api.Test;

/**
 * The DMTF CIM Schema 2.49.0 release and the project: {@code mof check} compiles all of it without a diagnostic, and
 * the DMTF files the server ships ({@code mof/cim/}) are the release's files, byte for byte, at the same paths.
 */
class DmtfSchemaTest {

    private static final Path SHIPPED = Path.of("mof", "cim");

    @Test
    void mofCheckCompilesTheWholeReleaseWithoutADiagnostic() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("mof", "check", DmtfSchema.rootFile().toString());
        assertEquals(0, status, () -> out + "\n" + err);
        assertEquals("1 file: 70 qualifier types, 1631 classes, 0 instances; 0 errors, 0 warnings", out.toString().strip());
    }

    @Test
    void theShippedDmtfFilesAreTheReleaseFilesUnchanged() throws IOException {
        Path release = DmtfSchema.rootFile().getParent();
        List<Path> shipped;
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            shipped = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(shipped.size() >= 128, "qualifier files and the classes: " + shipped.size());
        for (Path file : shipped) {
            Path original = release.resolve(SHIPPED.relativize(file).toString());
            assertTrue(Files.isRegularFile(original), file + " is not a file of the release");
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(file), file + " differs from the release");
        }
    }
}
