package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class MofCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsDiagnosticsAndExitsWithTwoOnErrors() throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/q.mof"), "");
        Path bad = Files.writeString(dir.resolve("bad.mof"), "#pragma include (\"q.mof\")\nclass A : Missing { };\n");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new MofCheckCommand()).setOut(new PrintWriter(out));
        int status = cli.execute("-I", dir.resolve("inc").toString(), bad.toString());
        assertEquals(2, status);
        assertTrue(out.toString().startsWith(bad + ":2:11: error: unknown superclass Missing of class A"), out::toString);
    }

    @Test
    void exitsWithZeroWithoutErrors() throws IOException {
        Path good = Files.writeString(dir.resolve("good.mof"), "class A { string X; };\n");
        StringWriter out = new StringWriter();
        int status = new CommandLine(new MofCheckCommand()).setOut(new PrintWriter(out)).execute(good.toString());
        assertEquals(0, status);
        assertTrue(out.toString().contains("1 file: 0 qualifier types, 1 class, 0 instances; 0 errors, 0 warnings"), out::toString);
    }
}
