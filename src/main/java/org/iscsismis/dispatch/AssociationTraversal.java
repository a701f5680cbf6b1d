package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.provider.AssociationEnds;
import org.iscsismis.provider.AssociationProvider;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.Provider;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;

/**
 * Associators, AssociatorNames, References and ReferenceNames, once for every provider.
 *
 * <p><b>Instance ObjectName.</b> The candidate association classes are the association classes of
 * the request namespace (AssocClass for Associators, ResultClass for References, and their
 * subclasses) that declare a reference property (named Role, if given) able to point at the
 * source's class. Each class is asked once: its {@link AssociationProvider}, or else the
 * repository's static instances of exactly that class whose reference (Role) points at the source.
 * Associators and AssociatorNames follow the other references (ResultRole) to the far end, keep the
 * far ends of ResultClass, drop duplicates, and Associators fetches each far-end instance from its
 * own server (provider or repository, in the far end's namespace), skipping dangling references.
 * Answers carry full paths with namespace (the writer adds the host).
 *
 * <p><b>Class ObjectName</b> (schema level, from the repository's declarations): References gives
 * the association classes with a reference (Role) to the class or a superclass; Associators gives
 * the classes their other references (ResultRole) name, of ResultClass.
 *
 * <p>Errors: a namespace in ObjectName that does not exist is INVALID_NAMESPACE; a class in
 * ObjectName, AssocClass or ResultClass that does not exist is INVALID_PARAMETER (DSP0200 lists no
 * INVALID_CLASS for these operations); a source instance that does not exist has no associations.
 */
final class AssociationTraversal {

    private final CimRepository repository;
    private final ProviderRegistry registry;
    private final InstanceRouter instances;

    AssociationTraversal(CimRepository repository, ProviderRegistry registry, InstanceRouter instances) {
        this.repository = repository;
        this.registry = registry;
        this.instances = instances;
    }

    /** The resolved source: its namespace, class and path (namespace set, no host; keys typed). */
    private record Source(CimNamespace namespace, CimClass cls, ObjectPath path) {
    }

    // ------------------------------------------------------------------ the four operations

    void references(ReferencesRequest r, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        Source src = source(ns, r.objectName());
        CimName resultClass = optionalClass(ns, r.resultClass(), "ResultClass");
        if (src.path().isClassPath()) {
            ClassFilter filter = new ClassFilter(false, r.includeQualifiers(), r.includeClassOrigin(), r.propertyList());
            for (CimClass a : candidates(ns, src, resultClass, r.role())) {
                sink.objectWithPath(filter.apply(a), ObjectPath.forClass(ns, a.name()));
            }
            return;
        }
        AssociationQuery q = new AssociationQuery(src.path(), r.role(), null, null);
        for (CimClass a : candidates(ns, src, resultClass, r.role())) {
            InstanceFilter filter = new InstanceFilter(null, true, r.includeQualifiers(), r.includeClassOrigin(), r.propertyList());
            associationInstances(ns, a, q, i -> sink.objectWithPath(filter.apply(i, a).withPath(i.path())));
        }
    }

    void referenceNames(ReferenceNamesRequest r, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        Source src = source(ns, r.objectName());
        CimName resultClass = optionalClass(ns, r.resultClass(), "ResultClass");
        if (src.path().isClassPath()) {
            for (CimClass a : candidates(ns, src, resultClass, r.role())) {
                sink.objectPath(ObjectPath.forClass(ns, a.name()));
            }
            return;
        }
        AssociationQuery q = new AssociationQuery(src.path(), r.role(), null, null);
        for (CimClass a : candidates(ns, src, resultClass, r.role())) {
            if (registry.provider(ns, a.name()) instanceof AssociationProvider p) {
                instances.calls().stream(p, "ReferenceNames", a.name(), (ObjectPath path) -> {
                    checkPath(p, "ReferenceNames", a, path);
                    sink.objectPath(AssociationEnds.absolute(path, ns));
                }, guarded -> p.referenceNames(instances.context(ns), a.name(), q, guarded));
            } else {
                associationInstances(ns, a, q, i -> sink.objectPath(i.path()));
            }
        }
    }

    void associators(AssociatorsRequest r, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        Source src = source(ns, r.objectName());
        CimName assocClass = optionalClass(ns, r.assocClass(), "AssocClass");
        CimName resultClass = optionalClass(ns, r.resultClass(), "ResultClass");
        if (src.path().isClassPath()) {
            ClassFilter filter = new ClassFilter(false, r.includeQualifiers(), r.includeClassOrigin(), r.propertyList());
            for (CimClass c : farClasses(ns, src, assocClass, resultClass, r.role(), r.resultRole())) {
                sink.objectWithPath(filter.apply(c), ObjectPath.forClass(ns, c.name()));
            }
            return;
        }
        InstanceFilter filter = new InstanceFilter(null, true, r.includeQualifiers(), r.includeClassOrigin(), r.propertyList());
        farEnds(ns, src, assocClass, resultClass, r.role(), r.resultRole(), far -> {
            CimNamespace farNs = far.namespace();
            CimClass farClass = repository.findClass(farNs, far.className());
            CimInstance i = fetchFarEnd(farNs, farClass, far);
            if (i != null) {
                sink.objectWithPath(filter.apply(i, farClass).withPath(far));
            }
        });
    }

    void associatorNames(AssociatorNamesRequest r, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        Source src = source(ns, r.objectName());
        CimName assocClass = optionalClass(ns, r.assocClass(), "AssocClass");
        CimName resultClass = optionalClass(ns, r.resultClass(), "ResultClass");
        if (src.path().isClassPath()) {
            for (CimClass c : farClasses(ns, src, assocClass, resultClass, r.role(), r.resultRole())) {
                sink.objectPath(ObjectPath.forClass(ns, c.name()));
            }
            return;
        }
        farEnds(ns, src, assocClass, resultClass, r.role(), r.resultRole(), sink::objectPath);
    }

    // ------------------------------------------------------------------ instance level

    /**
     * Delivers each far end once: of ResultClass, namespace set, no host. A far end whose namespace
     * or class does not exist here is dropped.
     */
    private void farEnds(CimNamespace ns, Source src, CimName assocClass, CimName resultClass, CimName role, CimName resultRole,
                         Consumer<ObjectPath> out) {
        AssociationQuery q = new AssociationQuery(src.path(), role, resultRole, resultClass);
        Set<ObjectPath> seen = new HashSet<>();
        Consumer<ObjectPath> once = far -> {
            if (far != null && isOfResultClass(far, resultClass) && seen.add(far)) {
                out.accept(far);
            }
        };
        for (CimClass a : candidates(ns, src, assocClass, role)) {
            if (registry.provider(ns, a.name()) instanceof AssociationProvider p) {
                instances.calls().stream(p, "AssociatorNames", a.name(),
                        (ObjectPath far) -> once.accept(far == null ? null : AssociationEnds.absolute(far, ns)),
                        guarded -> p.associatorNames(instances.context(ns), a.name(), q, guarded));
            } else {
                associationInstances(ns, a, q, i -> AssociationEnds.farEnds(i, ns, q).forEach(once));
            }
        }
    }

    /** True if {@code far} (namespace set) exists as a class and is of {@code resultClass} (any, if null). */
    private boolean isOfResultClass(ObjectPath far, CimName resultClass) {
        CimNamespace farNs = far.namespace();
        if (!repository.hasNamespace(farNs) || !repository.hasClass(farNs, far.className())) {
            return false;
        }
        if (resultClass == null) {
            return true;
        }
        return repository.hasClass(farNs, resultClass) ? repository.isSubclassOf(farNs, far.className(), resultClass)
                : far.className().equals(resultClass);
    }

    /** The far-end instance from its provider or the repository, or null when the reference dangles. */
    private CimInstance fetchFarEnd(CimNamespace farNs, CimClass farClass, ObjectPath far) {
        try {
            return instances.fetch(farNs, farClass, far);
        } catch (CimException e) {
            if (e.status() == CimStatus.NOT_FOUND || e.status() == CimStatus.INVALID_PARAMETER) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Delivers the association instances of exactly class {@code a} that refer to the source
     * through Role, each with its full path (namespace set), from {@code a}'s association provider
     * or from the repository.
     */
    private void associationInstances(CimNamespace ns, CimClass a, AssociationQuery q, Consumer<CimInstance> out) {
        if (registry.provider(ns, a.name()) instanceof AssociationProvider p) {
            instances.calls().stream(p, "References", a.name(), (CimInstance i) -> {
                InstanceRouter.checkClass(p, "References", a, i.className());
                if (AssociationEnds.refersTo(i, ns, q)) {
                    ObjectPath path = AssociationEnds.absolute(i.path() != null ? i.path() : i.pathFrom(a, ns), ns);
                    out.accept(i.withPath(path));
                }
            }, guarded -> p.references(instances.context(ns), a.name(), q, guarded));
            return;
        }
        Iterator<CimInstance> it = repository.instanceIterator(ns, a.name(), false);
        while (it.hasNext()) {
            CimInstance i = it.next();
            if (AssociationEnds.refersTo(i, ns, q)) {
                out.accept(i.withPath(AssociationEnds.absolute(i.path(), ns)));
            }
        }
    }

    private static void checkPath(Provider p, String operation, CimClass a, ObjectPath path) {
        if (path == null) {
            throw ProviderCalls.contractViolation(p, operation, a.name(), "delivered a null path");
        }
        InstanceRouter.checkClass(p, operation, a, path.className());
    }

    // ------------------------------------------------------------------ class level and candidates

    /**
     * The association classes of {@code ns} ({@code filter} and its subclasses, or all) declaring a
     * scalar reference property (named {@code role}, if given) that can point at the source's class.
     */
    private List<CimClass> candidates(CimNamespace ns, Source src, CimName filter, CimName role) {
        List<CimName> names = new ArrayList<>();
        if (filter != null) {
            names.add(filter);
        }
        names.addAll(repository.classNames(ns, filter, true));
        List<CimClass> out = new ArrayList<>();
        for (CimName n : names) {
            CimClass c = repository.findClass(ns, n);
            if (c != null && c.isAssociation() && !sourceRoles(ns, c, src, role).isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The reference properties of association {@code a} (named {@code role}, if given) that can point at the source. */
    private List<CimProperty> sourceRoles(CimNamespace ns, CimClass a, Source src, CimName role) {
        List<CimProperty> out = new ArrayList<>(2);
        for (CimProperty p : a.properties()) {
            if (isScalarReference(p) && (role == null || role.equals(p.name())) && canPointAt(ns, p.type().referenceClass(), src)) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean canPointAt(CimNamespace ns, CimName referenceClass, Source src) {
        if (referenceClass == null) {
            return true;
        }
        CimNamespace srcNs = src.namespace();
        if (!srcNs.equals(ns) && !repository.hasClass(srcNs, referenceClass)) {
            return true; // a cross-namespace reference to a class not declared there: let the values decide
        }
        return repository.isSubclassOf(srcNs, src.cls().name(), referenceClass);
    }

    private static boolean isScalarReference(CimProperty p) {
        CimType t = p.type();
        return t.isReference() && !t.array();
    }

    /** Class-level Associators: the classes named by the other references of the candidate associations. */
    private List<CimClass> farClasses(CimNamespace ns, Source src, CimName assocClass, CimName resultClass, CimName role,
                                      CimName resultRole) {
        Set<CimName> seen = new HashSet<>();
        List<CimClass> out = new ArrayList<>();
        for (CimClass a : candidates(ns, src, assocClass, role)) {
            for (CimProperty sourceSide : sourceRoles(ns, a, src, role)) {
                for (CimProperty p : a.properties()) {
                    CimName target = isScalarReference(p) ? p.type().referenceClass() : null;
                    if (target == null || p.name().equals(sourceSide.name()) || (resultRole != null && !resultRole.equals(p.name()))) {
                        continue;
                    }
                    CimClass c = repository.findClass(ns, target);
                    if (c != null && (resultClass == null || repository.isSubclassOf(ns, c.name(), resultClass)) && seen.add(c.name())) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ parameters

    private Source source(CimNamespace ns, ObjectPath objectName) {
        CimNamespace srcNs = objectName.namespace() == null ? ns : objectName.namespace();
        if (!repository.hasNamespace(srcNs)) {
            throw new CimException(CimStatus.INVALID_NAMESPACE, "Namespace " + srcNs + " of ObjectName " + objectName + " does not exist");
        }
        CimClass cls = repository.findClass(srcNs, objectName.className());
        if (cls == null) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "ObjectName " + objectName + " names class " + objectName.className()
                    + ", which does not exist in namespace " + srcNs);
        }
        ObjectPath path = objectName.isClassPath() ? ObjectPath.forClass(srcNs, cls.name()) : Paths.normalize(objectName, cls, srcNs);
        return new Source(srcNs, cls, path);
    }

    /** A class-name filter parameter: null stays null; an unknown class is INVALID_PARAMETER. */
    private CimName optionalClass(CimNamespace ns, CimName className, String parameter) {
        if (className == null) {
            return null;
        }
        CimClass c = repository.findClass(ns, className);
        if (c == null) {
            throw new CimException(CimStatus.INVALID_PARAMETER, parameter + " " + className + " does not exist in namespace " + ns);
        }
        return c.name();
    }
}
