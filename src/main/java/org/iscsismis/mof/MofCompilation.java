package org.iscsismis.mof;

import java.util.List;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;

/**
 * The result of compiling MOF: per namespace (in the order the namespaces were first used) the
 * qualifier types, classes and instances declared, plus all diagnostics in the order found.
 *
 * <p>When {@link #hasErrors()} is true the declarations that compiled are still returned (an
 * element with an error is left out or, for a bad default or qualifier value, kept without it),
 * so that tools can show them; a server must not load a compilation with errors.
 */
public final class MofCompilation {

    private final List<MofNamespace> namespaces;
    private final List<MofDiagnostic> diagnostics;
    private final boolean hasErrors;

    MofCompilation(List<MofNamespace> namespaces, List<MofDiagnostic> diagnostics) {
        this.namespaces = List.copyOf(namespaces);
        this.diagnostics = List.copyOf(diagnostics);
        this.hasErrors = this.diagnostics.stream().anyMatch(MofDiagnostic::isError);
    }

    /** Namespaces in the order first used; each holds its declarations in declaration order. */
    public List<MofNamespace> namespaces() {
        return namespaces;
    }

    /** The declarations in {@code namespace} (case-insensitive), or null if the MOF declared nothing there. */
    public MofNamespace namespace(CimNamespace namespace) {
        for (MofNamespace n : namespaces) {
            if (n.name().equals(namespace)) {
                return n;
            }
        }
        return null;
    }

    public MofNamespace namespace(String namespace) {
        return namespace(CimNamespace.of(namespace));
    }

    /** Qualifier types declared in {@code namespace}; empty if none. */
    public List<CimQualifierType> qualifierTypes(String namespace) {
        MofNamespace n = namespace(namespace);
        return n == null ? List.of() : n.qualifierTypes();
    }

    /** Classes declared in {@code namespace}; empty if none. */
    public List<CimClass> classes(String namespace) {
        MofNamespace n = namespace(namespace);
        return n == null ? List.of() : n.classes();
    }

    /** Instances declared in {@code namespace}; empty if none. */
    public List<CimInstance> instances(String namespace) {
        MofNamespace n = namespace(namespace);
        return n == null ? List.of() : n.instances();
    }

    /** The class {@code name} declared in {@code namespace}, or null. */
    public CimClass cimClass(String namespace, String name) {
        CimName cn = CimName.of(name);
        for (CimClass c : classes(namespace)) {
            if (c.name().equals(cn)) {
                return c;
            }
        }
        return null;
    }

    /** Errors and warnings in the order found (per file in source order). */
    public List<MofDiagnostic> diagnostics() {
        return diagnostics;
    }

    public List<MofDiagnostic> errors() {
        return diagnostics.stream().filter(MofDiagnostic::isError).toList();
    }

    public List<MofDiagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    public boolean hasErrors() {
        return hasErrors;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MofCompilation[");
        for (MofNamespace n : namespaces) {
            sb.append(n.name()).append(": ").append(n.qualifierTypes().size()).append(" qualifier types, ")
                    .append(n.classes().size()).append(" classes, ").append(n.instances().size()).append(" instances; ");
        }
        return sb.append(errors().size()).append(" errors, ").append(warnings().size()).append(" warnings]").toString();
    }
}
