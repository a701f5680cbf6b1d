package org.iscsismis.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.mof.MofCompilation;
import org.iscsismis.mof.MofCompiler;
import org.iscsismis.mof.MofDiagnostic;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the schema in a MOF directory into the repository at start-up.
 *
 * <p>Each top-level file named {@code root*.mof} is the root of one namespace, named after the file
 * with {@code _} read as {@code /} ({@code root_cimv2_storage_iscsitarget.mof} →
 * {@code root/cimv2/storage/iscsitarget}); it includes the rest. The includes all roots start with are
 * compiled once ({@link MofCompiler#compileRoots}); a root with errors stops the start-up with every
 * diagnostic, never a half-loaded namespace.
 */
final class SchemaLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaLoader.class);
    private static final int MAX_REPORTED = 50;

    private SchemaLoader() {
    }

    /** The directory {@code mof/} packaged with the server (inside the jar, or on the class path). */
    static Path embeddedMofDirectory() {
        URL marker = SchemaLoader.class.getResource("/mof/root_cimv2.mof");
        if (marker == null) {
            throw new ConfigurationException("the embedded schema (mof/) is missing from the class path; use --mof DIR");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return jar.getPath("/mof");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new ConfigurationException("cannot open the embedded schema: " + e.getMessage());
        }
    }

    /** Compiles every namespace root in {@code mofDirectory} and loads the results into {@code repository}. */
    static void load(Path mofDirectory, CimRepository repository) {
        long started = System.nanoTime();
        Map<CimNamespace, Path> roots = new LinkedHashMap<>();
        for (Path root : namespaceRoots(mofDirectory)) {
            Path other = roots.put(namespaceOf(root), root);
            if (other != null) {
                throw new ConfigurationException("schema directory " + mofDirectory + " has two root files for namespace "
                        + namespaceOf(root) + ": " + other.getFileName() + " and " + root.getFileName());
            }
        }
        Map<CimNamespace, MofCompilation> compilations = MofCompiler.offline().compileRoots(roots);
        List<MofDiagnostic> errors = new ArrayList<>();
        for (MofCompilation c : compilations.values()) {
            errors.addAll(c.errors());
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException("the schema in " + mofDirectory + " does not compile ("
                    + errors.size() + " errors):\n" + errors.stream().limit(MAX_REPORTED)
                    .map(MofDiagnostic::format).collect(Collectors.joining("\n")));
        }
        new NamespaceLoader(repository, roots).load(compilations);
        LOG.info("Schema loaded from {}: {} namespaces in {} ms", mofDirectory.toUri(), roots.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<Path> namespaceRoots(Path mofDirectory) {
        if (!Files.isDirectory(mofDirectory)) {
            throw new ConfigurationException("schema directory " + mofDirectory + " does not exist");
        }
        try (Stream<Path> files = Files.list(mofDirectory)) {
            List<Path> roots = files.filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.startsWith("root") && name.endsWith(".mof") && Files.isRegularFile(f);
            }).sorted().toList();
            if (roots.isEmpty()) {
                throw new ConfigurationException("schema directory " + mofDirectory + " has no root*.mof namespace file");
            }
            return roots;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + mofDirectory, e);
        }
    }

    /** {@code root_cimv2_storage_iscsitarget.mof} → {@code root/cimv2/storage/iscsitarget}. */
    static CimNamespace namespaceOf(Path rootFile) {
        String name = rootFile.getFileName().toString();
        return CimNamespace.of(name.substring(0, name.length() - ".mof".length()).replace('_', '/'));
    }
}
