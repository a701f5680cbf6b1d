package org.iscsismis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.mof.MofCompilation;
import org.iscsismis.mof.MofCompiler;
import org.iscsismis.mof.MofDiagnostic;
import org.iscsismis.mof.MofNamespace;

/**
 * The complete DMTF CIM Schema 2.49.0 release (the {@code cim_schema_2.49.0Final-MOFs.zip} DMTF publishes), the
 * reference the classes in {@code mof/} are checked against. The zip is not part of the project: its location is
 * the system property {@value #ZIP_PROPERTY} (the build sets it, see {@code pom.xml}). It is unpacked once into
 * {@code target/}, and compiled at most once per JVM.
 */
public final class DmtfSchema {

    /** The system property naming the zip. */
    public static final String ZIP_PROPERTY = "dmtf.schema.zip";
    /** The release's root file, which includes the qualifiers and every class. */
    public static final String ROOT_FILE = "cim_schema_2.49.0.mof";

    private static final Path UNPACKED = Path.of("target", "cim_schema_2.49.0");
    private static Compiled compiled;

    /** The 2.49 declarations by name. */
    public record Compiled(Map<CimName, CimClass> classes, Map<CimName, CimQualifierType> qualifierTypes) {
    }

    private DmtfSchema() {
    }

    /** The unpacked release's root file ({@value #ROOT_FILE}); unpacks the zip on first use. */
    public static synchronized Path rootFile() {
        Path root = UNPACKED.resolve(ROOT_FILE);
        if (!Files.isRegularFile(root)) {
            unpack(zip(), UNPACKED);
        }
        return root;
    }

    /** The zip named by {@value #ZIP_PROPERTY}; fails (it never skips) when it is not there. */
    public static Path zip() {
        String configured = System.getProperty(ZIP_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("system property " + ZIP_PROPERTY + " is not set: it names the DMTF CIM Schema "
                    + "2.49.0 zip (cim_schema_2.49.0Final-MOFs.zip) the schema tests compare mof/ with");
        }
        Path zip = Path.of(configured);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the DMTF CIM Schema 2.49.0 zip is not at " + zip.toAbsolutePath().normalize()
                    + "; pass its location with -D" + ZIP_PROPERTY + "=FILE");
        }
        return zip;
    }

    /** Every class and qualifier type of 2.49, compiled by the project's compiler (which must report nothing). */
    public static synchronized Compiled compiled() {
        if (compiled == null) {
            MofCompilation result = MofCompiler.offline().compile(rootFile());
            if (!result.diagnostics().isEmpty()) {
                throw new IllegalStateException("DMTF CIM Schema 2.49.0 does not compile cleanly: "
                        + result.diagnostics().stream().limit(10).map(MofDiagnostic::format).toList());
            }
            Map<CimName, CimClass> classes = new LinkedHashMap<>();
            Map<CimName, CimQualifierType> qualifiers = new LinkedHashMap<>();
            for (MofNamespace ns : result.namespaces()) {
                ns.classes().forEach(c -> classes.put(c.name(), c));
                ns.qualifierTypes().forEach(q -> qualifiers.put(q.name(), q));
            }
            compiled = new Compiled(Map.copyOf(classes), Map.copyOf(qualifiers));
        }
        return compiled;
    }

    /** Unpacks {@code zip} into {@code target} (replacing what is there), through a sibling directory moved into place. */
    static void unpack(Path zip, Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path staging = Files.createTempDirectory(target.toAbsolutePath().getParent(), "unpacking-");
            try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                    Path out = staging.resolve(e.getName()).normalize();
                    if (!out.startsWith(staging)) {
                        throw new IOException("zip entry outside the target directory: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
