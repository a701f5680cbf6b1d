package org.iscsismis.bench.mof;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A schema directory for the server's {@code --mof} option in which {@code root/cimv2} holds the complete DMTF CIM
 * Schema 2.49 (1 631 classes) and the other namespaces the project's own {@code mof/}: the workload of the
 * EnumerateClassNames rows and of the memory measurements "with the complete schema". The DMTF release is not
 * part of the project; it is read from its zip and unpacked under {@code dmtf/}.
 *
 * <pre>java -cp target/test-classes org.iscsismis.bench.mof.FullSchema [ZIP] [OUT_DIR]</pre>
 * prints the directory (default zip {@link #DEFAULT_ZIP}, default directory {@code target/full-schema}).
 */
public final class FullSchema {

    /** Where the project's documentation says the DMTF release lies, relative to the project directory. */
    public static final Path DEFAULT_ZIP = Path.of("../shared/schemas/cim_schema_2.49.0Final-MOFs.zip");
    public static final Path DEFAULT_DIR = Path.of("target/full-schema");
    private static final String TOP = "cim_schema_2.49.0.mof";

    private FullSchema() {
    }

    public static void main(String[] args) throws IOException {
        Path zip = args.length > 0 ? Path.of(args[0]) : DEFAULT_ZIP;
        Path out = args.length > 1 ? Path.of(args[1]) : DEFAULT_DIR;
        System.out.println(prepare(zip, Path.of("mof"), out));
    }

    /** Writes the directory (once: an existing one with the DMTF top file is reused) and returns it. */
    public static Path prepare(Path zip, Path projectMof, Path out) throws IOException {
        if (Files.isRegularFile(out.resolve("dmtf").resolve(TOP))) {
            return out;
        }
        if (!Files.isRegularFile(zip)) {
            throw new IOException("the DMTF CIM Schema zip is not at " + zip.toAbsolutePath());
        }
        copyTree(projectMof, out);
        unzip(zip, out.resolve("dmtf"));
        Files.writeString(out.resolve("root_cimv2.mof"), "// root/cimv2: the complete DMTF CIM Schema 2.49 (benchmark set-up)\n"
                + "#pragma include (\"dmtf/" + TOP + "\")\n", StandardCharsets.UTF_8);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void unzip(Path zip, Path to) throws IOException {
        Path root = to.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
