package org.iscsismis.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cim.PropertyLayout;

/**
 * One namespace: qualifier declarations, the class table and the static instances.
 *
 * <p>Concurrency: reads (get, enumerate) take no lock. Class and qualifier-declaration changes
 * take the write lock, validate completely, then publish a new {@link ClassTable} with one
 * volatile write, so a failure leaves nothing half applied. Instance writes take the read lock
 * (shared among themselves) so that a class cannot be deleted or modified while an instance of it
 * is being written; instances themselves live in per-class {@link ConcurrentHashMap}s keyed by
 * {@link InstanceRules#storeKey}, and keep only their values, laid out by their class's {@link PropertyLayout}.
 */
final class NamespaceStore {

    private final CimNamespace namespace;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConcurrentHashMap<CimName, CimQualifierType> qualifierTypes = new ConcurrentHashMap<>();
    private volatile ClassTable classes = ClassTable.EMPTY;
    private volatile boolean deleted;
    /** The layout of each class's stored instances, made on the first instance of the class, then shared. */
    private final ConcurrentHashMap<CimName, Layout> layouts = new ConcurrentHashMap<>();

    /** A class and the layout of its instances. */
    private record Layout(CimClass cls, PropertyLayout layout) {
    }

    NamespaceStore(CimNamespace namespace) {
        this.namespace = namespace;
    }

    CimNamespace namespace() {
        return namespace;
    }

    /** A new namespace {@code name} with this one's qualifier declarations and classes, but none of its instances. */
    NamespaceStore copyClassesAs(CimNamespace name) {
        NamespaceStore copy = new NamespaceStore(name);
        write(() -> {
            copy.qualifierTypes.putAll(qualifierTypes);
            copy.classes = classes.withoutInstances();
            return null;
        });
        return copy;
    }

    // ------------------------------------------------------------------ locking

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private <T> T instanceWrite(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T locked(Lock l, Supplier<T> action) {
        l.lock();
        try {
            if (deleted) {
                throw new CimException(CimStatus.INVALID_NAMESPACE, "Namespace " + namespace + " has been deleted");
            }
            return action.get();
        } finally {
            l.unlock();
        }
    }

    // ------------------------------------------------------------------ undo (a change its listener refused)

    /** Undoes {@link #markDeleted}. */
    void unmarkDeleted() {
        lock.writeLock().lock();
        try {
            deleted = false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Puts back the class table a class change replaced (instance maps are shared, so instances are untouched). */
    void restoreClasses(ClassTable before) {
        write(() -> {
            classes = before;
            return null;
        });
    }

    /** Puts back the declaration {@code name} had ({@code before} null: it had none). */
    void restoreQualifierType(CimName name, CimQualifierType before) {
        write(() -> {
            if (before == null) {
                qualifierTypes.remove(name);
            } else {
                qualifierTypes.put(name, before);
            }
            return null;
        });
    }

    /** Puts back the instance stored under {@code stored}'s path: {@code before}, or none if null. */
    void restoreInstance(CimInstance stored, CimInstance before) {
        instanceWrite(() -> {
            var instances = instanceClass(stored.className()).instances();
            if (before == null) {
                instances.remove(InstanceRules.storeKey(stored.path()));
            } else {
                instances.put(InstanceRules.storeKey(stored.path()), before);
            }
            return null;
        });
    }

    /** Marks the namespace deleted if it holds no classes; NAMESPACE_NOT_EMPTY otherwise. */
    void markDeleted() {
        write(() -> {
            if (!classes.isEmpty()) {
                throw new CimException(CimStatus.NAMESPACE_NOT_EMPTY, "Namespace " + namespace + " still holds "
                        + classes.size() + " classes");
            }
            deleted = true;
            return null;
        });
    }

    // ------------------------------------------------------------------ qualifier declarations

    CimQualifierType findQualifierType(CimName name) {
        return qualifierTypes.get(name);
    }

    List<CimQualifierType> qualifierTypes() {
        List<CimQualifierType> out = new ArrayList<>(qualifierTypes.values());
        out.sort(Comparator.comparing(CimQualifierType::name));
        return out;
    }

    void setQualifierType(CimQualifierType decl) {
        CimType t = decl.type();
        if (t.isReference() || t.isEmbedded()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Qualifier " + decl.name() + " cannot have type " + t
                    + " (qualifiers are of an intrinsic non-reference type)");
        }
        if (decl.scopes().isEmpty()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "Qualifier " + decl.name() + " declares no scope");
        }
        CimValue def = ValueCoercion.coerce(decl.defaultValue(), t, "the default of qualifier " + decl.name(), CimStatus.INVALID_PARAMETER);
        CimQualifierType clean = new CimQualifierType(decl.name(), t, def, decl.scopes(), decl.flavor());
        write(() -> {
            CimQualifierType old = qualifierTypes.get(decl.name());
            if (old != null && (!old.type().equals(t) || !old.scopes().equals(decl.scopes()) || !old.flavor().equals(decl.flavor()))) {
                CimName user = userOf(decl.name());
                if (user != null) {
                    throw new CimException(CimStatus.NOT_SUPPORTED, "Qualifier " + old.name() + " is used by class " + user
                            + "; only its default value may change while it is in use");
                }
            }
            // keep the first spelling of the name
            qualifierTypes.put(decl.name(), old == null ? clean : new CimQualifierType(old.name(), t, def, decl.scopes(), decl.flavor()));
            return null;
        });
    }

    void deleteQualifierType(CimName name) {
        write(() -> {
            if (!qualifierTypes.containsKey(name)) {
                throw new CimException(CimStatus.NOT_FOUND, "Qualifier " + name + " is not declared in namespace " + namespace);
            }
            CimName user = userOf(name);
            if (user != null) {
                throw new CimException(CimStatus.FAILED, "Qualifier " + name + " is used by class " + user + "; it cannot be deleted");
            }
            qualifierTypes.remove(name);
            return null;
        });
    }

    /** A class that uses qualifier {@code name} locally (on itself or an element it declares), or null. */
    private CimName userOf(CimName name) {
        for (ClassTable.Node n : classes.nodes()) {
            CimClass c = n.resolved();
            if (usesLocally(c.qualifiers(), name)) {
                return c.name();
            }
            for (CimProperty p : c.properties()) {
                if (usesLocally(p.qualifiers(), name)) {
                    return c.name();
                }
            }
            for (CimMethod m : c.methods()) {
                if (usesLocally(m.qualifiers(), name)) {
                    return c.name();
                }
                for (CimParameter p : m.parameters()) {
                    if (usesLocally(p.qualifiers(), name)) {
                        return c.name();
                    }
                }
            }
        }
        return null;
    }

    private static boolean usesLocally(List<CimQualifier> qualifiers, CimName name) {
        for (CimQualifier q : qualifiers) {
            if (!q.propagated() && q.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ classes

    ClassTable classes() {
        return classes;
    }

    private ClassResolver resolver(ClassTable table) {
        return new ClassResolver(qualifierTypes::get, n -> table.node(n) != null, table::isSubclass);
    }

    CimClass createClass(CimClass declared) {
        return write(() -> {
            ClassTable table = classes;
            if (table.node(declared.name()) != null) {
                throw new CimException(CimStatus.ALREADY_EXISTS, "Class " + declared.name() + " already exists in namespace " + namespace);
            }
            CimClass resolved = resolver(table).resolve(declared, superclassOf(declared, table));
            classes = table.with(resolved, new ConcurrentHashMap<>());
            return resolved;
        });
    }

    CimClass modifyClass(CimClass declared) {
        return write(() -> {
            ClassTable table = classes;
            ClassTable.Node node = table.node(declared.name());
            if (node == null) {
                throw new CimException(CimStatus.NOT_FOUND, "Class " + declared.name() + " does not exist in namespace " + namespace);
            }
            if (!node.children().isEmpty()) {
                throw new CimException(CimStatus.CLASS_HAS_CHILDREN, "Class " + node.resolved().name() + " has subclasses "
                        + node.children() + "; it cannot be modified");
            }
            if (!node.instances().isEmpty()) {
                throw new CimException(CimStatus.CLASS_HAS_INSTANCES, "Class " + node.resolved().name() + " has "
                        + node.instances().size() + " instances; it cannot be modified");
            }
            CimClass superclass = superclassOf(declared, table);
            if (superclass != null && table.isSubclass(superclass.name(), declared.name())) {
                throw new CimException(CimStatus.INVALID_SUPERCLASS, "Class " + declared.name() + " cannot derive from itself");
            }
            CimClass resolved = resolver(table).resolve(declared, superclass);
            classes = table.with(resolved, node.instances());
            return resolved;
        });
    }

    private CimClass superclassOf(CimClass declared, ClassTable table) {
        CimName sup = declared.superClassName();
        if (sup == null) {
            return null;
        }
        ClassTable.Node n = table.node(sup);
        if (n == null || sup.equals(declared.name())) {
            throw new CimException(CimStatus.INVALID_SUPERCLASS, "Superclass " + sup + " of class " + declared.name()
                    + " does not exist in namespace " + namespace);
        }
        return n.resolved();
    }

    void deleteClass(CimName name) {
        write(() -> {
            ClassTable table = classes;
            ClassTable.Node node = table.node(name);
            if (node == null) {
                throw new CimException(CimStatus.NOT_FOUND, "Class " + name + " does not exist in namespace " + namespace);
            }
            if (!node.children().isEmpty()) {
                throw new CimException(CimStatus.CLASS_HAS_CHILDREN, "Class " + node.resolved().name() + " has subclasses "
                        + node.children() + "; delete them first");
            }
            if (!node.instances().isEmpty()) {
                throw new CimException(CimStatus.CLASS_HAS_INSTANCES, "Class " + node.resolved().name() + " has "
                        + node.instances().size() + " instances; delete them first");
            }
            classes = table.without(name);
            layouts.remove(name);
            return null;
        });
    }

    // ------------------------------------------------------------------ instances

    /**
     * The layout of the instances of {@code cls}: the one made for this class object, or for an equal layout (a class
     * deleted and created again alike, or the same class resolved anew), else a new one; at most one kept per class.
     */
    private PropertyLayout layout(CimClass cls) {
        Layout known = layouts.get(cls.name());
        if (known != null && (known.cls() == cls || known.layout().matches(cls.properties()))) {
            return known.layout();
        }
        PropertyLayout made = PropertyLayout.of(cls.properties());
        layouts.put(cls.name(), new Layout(cls, made));
        return made;
    }

    /** The node of an existing class for an instance operation; INVALID_CLASS otherwise. */
    ClassTable.Node instanceClass(CimName className) {
        ClassTable.Node n = classes.node(className);
        if (n == null) {
            throw new CimException(CimStatus.INVALID_CLASS, "Class " + className + " does not exist in namespace " + namespace);
        }
        return n;
    }

    CimInstance getInstance(ObjectPath path) {
        ClassTable.Node n = instanceClass(path.className());
        ObjectPath key = InstanceRules.normalizePath(path, n.resolved(), namespace);
        CimInstance i = n.instances().get(InstanceRules.storeKey(key));
        if (i == null) {
            throw notFound(path);
        }
        return i;
    }

    CimInstance createInstance(CimInstance given) {
        return instanceWrite(() -> {
            ClassTable.Node n = instanceClass(given.className());
            CimClass cls = n.resolved();
            if (cls.isAbstract()) {
                throw new CimException(CimStatus.INVALID_CLASS, "Class " + cls.name() + " is abstract; it cannot have instances");
            }
            if (cls.isIndication()) {
                throw new CimException(CimStatus.NOT_SUPPORTED, "Class " + cls.name() + " is an indication; indications are not stored");
            }
            CimInstance stored = InstanceRules.normalize(given, cls, layout(cls), namespace);
            if (n.instances().putIfAbsent(InstanceRules.storeKey(stored.path()), stored) != null) {
                throw new CimException(CimStatus.ALREADY_EXISTS, "Instance " + stored.path() + " already exists");
            }
            return stored;
        });
    }

    /** The instance before and after a modification. */
    record Change(CimInstance before, CimInstance after) {
    }

    CimInstance modifyInstance(CimInstance modified, List<CimName> propertyList) {
        return modifyInstanceChange(modified, propertyList).after();
    }

    Change modifyInstanceChange(CimInstance modified, List<CimName> propertyList) {
        ObjectPath path = modified.path();
        if (path == null) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "ModifiedInstance has no instance path");
        }
        if (!modified.className().equals(path.className())) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "ModifiedInstance is of class " + modified.className()
                    + " but its path names class " + path.className());
        }
        return instanceWrite(() -> {
            ClassTable.Node n = instanceClass(path.className());
            CimClass cls = n.resolved();
            String key = InstanceRules.storeKey(InstanceRules.normalizePath(path, cls, namespace));
            CimInstance[] before = new CimInstance[1];
            CimInstance after = n.instances().compute(key, (k, old) -> {
                if (old == null) {
                    throw notFound(path);
                }
                before[0] = old;
                return InstanceRules.modify(old, modified, propertyList, cls);
            });
            return new Change(before[0], after);
        });
    }

    CimInstance deleteInstance(ObjectPath path) {
        return instanceWrite(() -> {
            ClassTable.Node n = instanceClass(path.className());
            String key = InstanceRules.storeKey(InstanceRules.normalizePath(path, n.resolved(), namespace));
            CimInstance removed = n.instances().remove(key);
            if (removed == null) {
                throw notFound(path);
            }
            return removed;
        });
    }

    CimValue getProperty(ObjectPath path, CimName property) {
        CimInstance i = getInstance(path);
        CimProperty cp = classes.node(i.className()) == null ? null : classes.node(i.className()).resolved().property(property);
        CimValue v = i.value(property);
        if (cp == null || v == null) {
            throw new CimException(CimStatus.NO_SUCH_PROPERTY, "Class " + path.className() + " has no property " + property);
        }
        return v;
    }

    Change setProperty(ObjectPath path, CimName property, CimValue value) {
        return instanceWrite(() -> {
            ClassTable.Node n = instanceClass(path.className());
            CimClass cls = n.resolved();
            String key = InstanceRules.storeKey(InstanceRules.normalizePath(path, cls, namespace));
            CimProperty cp = cls.property(property);
            if (cp == null) {
                if (!n.instances().containsKey(key)) {
                    throw notFound(path);
                }
                throw new CimException(CimStatus.NO_SUCH_PROPERTY, "Class " + cls.name() + " has no property " + property);
            }
            CimValue typed = InstanceRules.coerce(value, cp, cls);
            CimInstance[] before = new CimInstance[1];
            CimInstance after = n.instances().compute(key, (k, old) -> {
                if (old == null) {
                    throw notFound(path);
                }
                before[0] = old;
                return InstanceRules.withValue(old, cp, typed, cls);
            });
            return new Change(before[0], after);
        });
    }

    /** The instances of {@code className} and, if {@code deep}, of all its subclasses; lazy, weakly consistent, no copy. */
    Iterator<CimInstance> instances(CimName className, boolean deep) {
        ClassTable table = classes;
        ClassTable.Node first = table.node(className);
        if (first == null) {
            throw new CimException(CimStatus.INVALID_CLASS, "Class " + className + " does not exist in namespace " + namespace);
        }
        List<CimName> rest = deep ? table.subclasses(className, true) : List.of();
        return new Iterator<>() {
            private Iterator<CimInstance> current = first.instances().values().iterator();
            private int nextClass;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (nextClass >= rest.size()) {
                        return false;
                    }
                    ClassTable.Node n = table.node(rest.get(nextClass++));
                    current = n.instances().values().iterator();
                }
                return true;
            }

            @Override
            public CimInstance next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    long instanceCount(CimName className, boolean deep) {
        ClassTable table = classes;
        ClassTable.Node first = table.node(className);
        if (first == null) {
            throw new CimException(CimStatus.INVALID_CLASS, "Class " + className + " does not exist in namespace " + namespace);
        }
        long count = first.instances().mappingCount();
        if (deep) {
            for (CimName c : table.subclasses(className, true)) {
                count += table.node(c).instances().mappingCount();
            }
        }
        return count;
    }

    private static CimException notFound(ObjectPath path) {
        return new CimException(CimStatus.NOT_FOUND, "Instance " + path + " does not exist");
    }
}
