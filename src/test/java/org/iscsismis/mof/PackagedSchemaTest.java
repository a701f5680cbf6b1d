package org.iscsismis.mof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema the server ships (mof/) compiles, per namespace root, with no error and no warning. */
class PackagedSchemaTest {

    static Stream<Path> roots() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("mof"))) {
            List<Path> roots = files.filter(f -> f.getFileName().toString().matches("root.*\\.mof")).sorted().toList();
            assertEquals(3, roots.size(), "root_cimv2, root_cimv2_storage_iscsitarget, root_interop");
            return roots.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roots")
    void compilesWithoutErrorsOrWarnings(Path root) {
        String name = root.getFileName().toString();
        String namespace = name.substring(0, name.length() - 4).replace('_', '/');
        MofCompilation result = MofCompiler.builder().defaultNamespace(namespace).build().compile(root);
        assertTrue(result.diagnostics().isEmpty(), () -> result.diagnostics().stream()
                .map(MofDiagnostic::format).collect(Collectors.joining("\n")));
        assertEquals(1, result.namespaces().size());
        MofNamespace ns = result.namespaces().get(0);
        assertEquals(namespace, ns.name().toString());
        assertFalse(ns.classes().isEmpty());
        assertTrue(ns.qualifierTypes().size() >= 70, "the DMTF qualifiers: " + ns.qualifierTypes().size());
    }
}
