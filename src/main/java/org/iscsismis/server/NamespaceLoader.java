package org.iscsismis.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.mof.MofCompilation;
import org.iscsismis.mof.MofNamespace;
import org.iscsismis.repository.CimRepository;

/**
 * Loads the compiled namespace roots into the repository. The qualifier types and classes every root starts with
 * (the same objects, when {@link org.iscsismis.mof.MofCompiler#compileRoots} compiled the shared includes once)
 * are loaded into the first namespace only, which the others then copy ({@link CimRepository#createNamespaceFrom}),
 * so each class is resolved once instead of once per namespace.
 */
final class NamespaceLoader {

    private final CimRepository repository;
    private final Map<CimNamespace, Path> roots;

    NamespaceLoader(CimRepository repository, Map<CimNamespace, Path> roots) {
        this.repository = repository;
        this.roots = roots;
    }

    /** Loads {@code compilations} (one per root, without errors). */
    void load(Map<CimNamespace, MofCompilation> compilations) {
        List<MofNamespace> own = ownNamespacesOnly(compilations);
        if (own.size() < 2) {
            compilations.forEach((root, compilation) -> compilation.namespaces().forEach(ns -> load(ns.name(), root,
                    ns.qualifierTypes(), ns.classes(), ns.instances())));
            return;
        }
        int sharedTypes = sharedPrefix(own, MofNamespace::qualifierTypes);
        int sharedClasses = sharedPrefix(own, MofNamespace::classes);
        MofNamespace first = own.get(0);
        load(first.name(), first.name(), first.qualifierTypes().subList(0, sharedTypes),
                first.classes().subList(0, sharedClasses), List.of());
        for (MofNamespace other : own.subList(1, own.size())) {
            repository.createNamespaceFrom(other.name(), first.name());
        }
        for (MofNamespace ns : own) {
            load(ns.name(), ns.name(), ns.qualifierTypes().subList(sharedTypes, ns.qualifierTypes().size()),
                    ns.classes().subList(sharedClasses, ns.classes().size()), ns.instances());
        }
    }

    /**
     * Each root's declarations when every root declared only into its own namespace, which does not exist yet;
     * otherwise an empty list (then the roots load one after the other, as declared).
     */
    private List<MofNamespace> ownNamespacesOnly(Map<CimNamespace, MofCompilation> compilations) {
        List<MofNamespace> own = new ArrayList<>();
        for (Map.Entry<CimNamespace, MofCompilation> e : compilations.entrySet()) {
            List<MofNamespace> declared = e.getValue().namespaces();
            if (declared.size() != 1 || !declared.get(0).name().equals(e.getKey()) || repository.hasNamespace(e.getKey())) {
                return List.of();
            }
            own.add(declared.get(0));
        }
        return own;
    }

    /** How many leading elements all namespaces have in common: the very same objects. */
    private static <T> int sharedPrefix(List<MofNamespace> namespaces, Function<MofNamespace, List<T>> elements) {
        List<T> first = elements.apply(namespaces.get(0));
        int shared = first.size();
        for (MofNamespace ns : namespaces) {
            List<T> other = elements.apply(ns);
            int i = 0;
            while (i < shared && i < other.size() && other.get(i) == first.get(i)) {
                i++;
            }
            shared = i;
        }
        return shared;
    }

    private void load(CimNamespace namespace, CimNamespace root, List<CimQualifierType> qualifierTypes,
                      List<CimClass> classes, List<CimInstance> instances) {
        if (!repository.hasNamespace(namespace)) {
            repository.createNamespace(namespace);
        }
        String element = "";
        try {
            for (CimQualifierType q : qualifierTypes) {
                element = "qualifier " + q.name();
                repository.setQualifierType(namespace, q);
            }
            for (CimClass c : classes) {
                element = "class " + c.name();
                repository.createClass(namespace, c);
            }
            for (CimInstance instance : instances) {
                element = "instance of " + instance.className();
                repository.createInstance(namespace, instance);
            }
        } catch (CimException e) {
            throw new ConfigurationException(roots.get(root) + ": the repository refused " + element + " in " + namespace
                    + ": " + e.status().cimName() + ": " + e.description());
        }
    }
}
