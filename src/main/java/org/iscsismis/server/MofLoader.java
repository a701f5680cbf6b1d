package org.iscsismis.server;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimScope;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.client.CimXmlClient;
import org.iscsismis.mof.MofCompilation;
import org.iscsismis.mof.MofNamespace;
import org.iscsismis.mof.MofSchemaContext;

/**
 * Loads a compiled MOF (without errors) into a running server over CIM-XML, namespace by
 * namespace: SetQualifier for each qualifier declaration the server does not already hold
 * identically, CreateClass in dependency order (superclasses and referenced classes first), then
 * CreateInstance. A class or instance that already exists is reported and skipped; with
 * {@code update}, an existing class is replaced with ModifyClass. The first other refusal stops
 * the load with a {@link CimException} (what was done before it stays done).
 */
final class MofLoader {

    /** What a load did. */
    static final class Counts {
        int qualifiersSet;
        int qualifiersUnchanged;
        int classesCreated;
        int classesModified;
        int classesSkipped;
        int instancesCreated;
        int instancesSkipped;

        @Override
        public String toString() {
            return qualifiersSet + " qualifier types set (" + qualifiersUnchanged + " already on the server), "
                    + classesCreated + " classes created, " + classesModified + " modified, " + classesSkipped
                    + " skipped (exist), " + instancesCreated + " instances created, " + instancesSkipped + " skipped (exist)";
        }
    }

    private final CimXmlClient client;
    private final MofSchemaContext server;
    private final boolean update;
    private final TerminalProgress out;
    private final Counts counts = new Counts();
    /** The element being loaded when a failure happens, for the message. */
    private String current = "";

    MofLoader(CimXmlClient client, MofSchemaContext server, boolean update, PrintWriter out) {
        this(client, server, update, TerminalProgress.onConsole(out, "mof load:"));
    }

    MofLoader(CimXmlClient client, MofSchemaContext server, boolean update, TerminalProgress progress) {
        this.client = client;
        this.server = server;
        this.update = update;
        this.out = progress;
    }

    Counts counts() {
        return counts;
    }

    /** What was being loaded when the last call failed (e.g. {@code class Acme_Widget in root/cimv2}). */
    String current() {
        return current;
    }

    void load(MofCompilation compilation) {
        out.total(compilation.namespaces().stream()
                .mapToLong(ns -> ns.qualifierTypes().size() + ns.classes().size() + ns.instances().size()).sum());
        try {
            for (MofNamespace ns : compilation.namespaces()) {
                loadNamespace(ns);
            }
        } finally {
            out.finish();
        }
    }

    private void loadNamespace(MofNamespace declared) {
        CimNamespace ns = declared.name();
        for (CimQualifierType q : declared.qualifierTypes()) {
            current = "qualifier " + q.name() + " in " + ns;
            CimQualifierType existing = server.qualifierType(ns, q.name());
            if (existing != null && sameDeclaration(existing, q)) {
                counts.qualifiersUnchanged++;
            } else {
                client.setQualifier(ns, q);
                counts.qualifiersSet++;
                out.println(ns + ": qualifier " + q.name() + ": " + (existing == null ? "set" : "replaced"));
            }
            out.step("qualifier " + q.name());
        }
        for (CimClass c : dependencyOrder(declared.classes())) {
            current = "class " + c.name() + " in " + ns;
            try {
                client.createClass(ns, c);
                counts.classesCreated++;
                out.println(ns + ": class " + c.name() + ": created");
            } catch (CimException e) {
                if (e.status() != CimStatus.ALREADY_EXISTS) {
                    throw e;
                }
                if (update) {
                    client.modifyClass(ns, c);
                    counts.classesModified++;
                    out.println(ns + ": class " + c.name() + ": modified (it existed; --update)");
                } else {
                    counts.classesSkipped++;
                    out.println(ns + ": class " + c.name() + ": exists, skipped (use --update to modify it)");
                }
            }
            out.step("class " + c.name());
        }
        for (CimInstance i : declared.instances()) {
            current = "instance of " + i.className() + (i.path() != null ? " " + i.path() : "") + " in " + ns;
            try {
                ObjectPath path = client.createInstance(ns, i);
                counts.instancesCreated++;
                out.println(ns + ": instance " + path + ": created");
            } catch (CimException e) {
                if (e.status() != CimStatus.ALREADY_EXISTS) {
                    throw e;
                }
                counts.instancesSkipped++;
                out.println(ns + ": instance " + (i.path() != null ? i.path() : "of " + i.className()) + ": exists, skipped");
            }
            out.step("instance of " + i.className());
        }
    }

    /** Equal except for how the scopes are spelled (ANY or every scope). */
    static boolean sameDeclaration(CimQualifierType a, CimQualifierType b) {
        return a.name().equals(b.name()) && a.type().equals(b.type()) && a.defaultValue().equals(b.defaultValue())
                && a.flavor().equals(b.flavor()) && scopes(a).equals(scopes(b));
    }

    private static Set<CimScope> scopes(CimQualifierType q) {
        if (q.scopes().contains(CimScope.ANY)) {
            return EnumSet.complementOf(EnumSet.of(CimScope.ANY));
        }
        return q.scopes().isEmpty() ? EnumSet.noneOf(CimScope.class) : EnumSet.copyOf(q.scopes());
    }

    /**
     * The classes with each one after its superclass and the classes its references name, when
     * those are in the list too; otherwise in declaration order.
     */
    static List<CimClass> dependencyOrder(List<CimClass> classes) {
        Map<CimName, CimClass> pending = new LinkedHashMap<>();
        classes.forEach(c -> pending.put(c.name(), c));
        List<CimClass> ordered = new ArrayList<>(classes.size());
        Set<CimName> visiting = new java.util.HashSet<>();
        for (CimClass c : classes) {
            visit(c, pending, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(CimClass c, Map<CimName, CimClass> pending, Set<CimName> visiting, List<CimClass> ordered) {
        if (!pending.containsKey(c.name()) || !visiting.add(c.name())) {
            return; // done, or a reference cycle (which the server accepts in either order)
        }
        for (CimName dep : dependencies(c)) {
            CimClass d = pending.get(dep);
            if (d != null && !dep.equals(c.name())) {
                visit(d, pending, visiting, ordered);
            }
        }
        if (pending.remove(c.name()) != null) {
            ordered.add(c);
        }
    }

    private static List<CimName> dependencies(CimClass c) {
        List<CimName> deps = new ArrayList<>();
        if (c.superClassName() != null) {
            deps.add(c.superClassName());
        }
        for (CimProperty p : c.properties()) {
            if (p.type().isReference() && p.type().referenceClass() != null) {
                deps.add(p.type().referenceClass());
            }
        }
        for (CimMethod m : c.methods()) {
            for (CimParameter p : m.parameters()) {
                if (p.type().isReference() && p.type().referenceClass() != null) {
                    deps.add(p.type().referenceClass());
                }
            }
        }
        return deps;
    }
}
