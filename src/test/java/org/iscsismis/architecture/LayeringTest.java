package org.iscsismis.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** DESIGN.md's package table, as executable rules: each package may use only the packages its row names. */
class LayeringTest {

    private static final String BASE = "org.iscsismis.";
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.iscsismis");
    }

    /** package → the project packages it may depend on (besides itself); libraries are listed apart. */
    static Stream<Arguments> allowedDependencies() {
        return Stream.of(
                row("cim", List.of(), List.of()),
                row("mof", List.of("cim"), List.of("org.antlr..", "org.slf4j..")),
                row("repository", List.of("cim"), List.of("org.slf4j..")),
                row("query", List.of("cim"), List.of()),
                row("operation", List.of("cim"), List.of()),
                row("cimxml", List.of("operation", "cim"), List.of("javax.xml.stream..", "com.ctc.wstx..", "org.codehaus.stax2..", "org.slf4j..")),
                row("provider", List.of("cim", "repository"), List.of("org.slf4j..")),
                row("dispatch", List.of("operation", "provider", "repository", "query", "cim"), List.of("org.slf4j..")),
                row("http", List.of("cimxml", "dispatch", "operation", "cim"), List.of("org.eclipse.jetty..", "org.slf4j..", "javax.crypto..")),
                row("client", List.of("cimxml", "operation", "cim"), List.of()),
                row("interop", List.of("provider", "cim", "repository"), List.of("org.slf4j..")),
                row("indication", List.of("provider", "cimxml", "query", "operation", "cim", "repository"), List.of("org.slf4j..")),
                row("iscsi.disk", List.of(), List.of("org.slf4j..")),
                row("replication", List.of("iscsi.disk"), List.of("org.slf4j..")),
                row("iscsi.target", List.of("replication", "iscsi.disk"), List.of("org.slf4j..")),
                row("iscsi.provider", List.of("provider", "cim", "repository", "replication", "iscsi.disk", "iscsi.target"),
                        List.of("org.slf4j..")),
                // the data directory: depends on what it persists; nothing but server depends on it
                row("store", List.of("iscsi.disk", "iscsi.target", "iscsi.provider", "replication", "repository", "provider",
                        "indication", "cimxml", "operation", "cim"),
                        List.of("org.slf4j..")),
                row("console", List.of("dispatch", "operation", "cim"), List.of("org.eclipse.jetty..", "org.slf4j..")));
    }

    private static Arguments row(String pkg, List<String> projectPackages, List<String> libraries) {
        List<String> allowed = new ArrayList<>();
        allowed.add(BASE + pkg + "..");
        projectPackages.forEach(p -> allowed.add(BASE + p + ".."));
        allowed.addAll(libraries);
        allowed.add("java..");
        return Arguments.of(pkg, allowed.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} depends only on what DESIGN.md allows")
    @MethodSource("allowedDependencies")
    void packageDependsOnlyOnAllowedPackages(String pkg, String[] allowed) {
        classes().that().resideInAPackage(BASE + pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .check(mainClasses);
    }

    @Test
    void onlyTheCodecReadsOrWritesXml() {
        noClasses().that().resideOutsideOfPackage(BASE + "cimxml..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.xml.stream..", "com.ctc.wstx..", "org.codehaus.stax2..")
                .check(mainClasses);
    }

    @Test
    void onlyTheServerUsesTheDataDirectory() {
        noClasses().that().resideOutsideOfPackages(BASE + "store..", BASE + "server..")
                .should().dependOnClassesThat().resideInAPackage(BASE + "store..")
                .check(mainClasses);
    }

    @Test
    void onlyHttpConsoleAndServerSeeJetty() {
        noClasses().that().resideOutsideOfPackages(BASE + "http..", BASE + "console..", BASE + "server..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .check(mainClasses);
    }

    /**
     * One slice per top-level package, except that iscsi.disk, iscsi.target and iscsi.provider are slices of their own:
     * DESIGN.md puts the replication engine between them (iscsi.provider → iscsi.target → replication → iscsi.disk),
     * which is no cycle.
     */
    @Test
    void packagesFormNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (!pkg.startsWith(BASE)) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = pkg.substring(BASE.length()).split("\\.");
                return SliceIdentifier.of(parts[0].equals("iscsi") && parts.length > 1 ? "iscsi." + parts[1] : parts[0]);
            }

            @Override
            public String getDescription() {
                return "top-level packages of " + BASE + " (iscsi.disk, iscsi.target and iscsi.provider apart)";
            }
        }).should().beFreeOfCycles().check(mainClasses);
    }
}
