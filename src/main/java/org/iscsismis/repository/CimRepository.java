package org.iscsismis.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory CIM repository: namespaces, qualifier declarations, classes and static
 * instances. Thread-safe.
 *
 * <p>Every per-namespace method fails with INVALID_NAMESPACE for an unknown namespace. Namespace
 * names are case-insensitive. Failures are {@link CimException}s whose description names the
 * offending element; a failed change leaves the repository as it was.
 *
 * <p>Choices (see also docs/repository-and-dispatch.md):
 * <ul>
 * <li>DeleteClass and ModifyClass refuse a class with subclasses (CLASS_HAS_CHILDREN) or
 *     instances (CLASS_HAS_INSTANCES) instead of deleting them too, as OpenPegasus does.</li>
 * <li>CreateInstance of an abstract class is INVALID_CLASS, of an indication class NOT_SUPPORTED,
 *     of a class without keys INVALID_CLASS.</li>
 * <li>Instance paths are looked up under the class they name (no search in subclasses); their
 *     namespace and host are ignored (the namespace argument decides); a key set that differs from
 *     the class's keys is INVALID_PARAMETER.</li>
 * <li>Values are converted to the declared type where they fit (see {@link ValueCoercion}).</li>
 * <li>The Write qualifier is not enforced: the repository stores what the dispatcher hands it.</li>
 * </ul>
 */
public final class CimRepository {

    private static final Logger LOG = LoggerFactory.getLogger(CimRepository.class);

    private final ConcurrentHashMap<CimNamespace, NamespaceStore> namespaces = new ConcurrentHashMap<>();
    /** Other names of a namespace (alias → namespace): not namespaces of their own, so never listed. */
    private final ConcurrentHashMap<CimNamespace, CimNamespace> aliases = new ConcurrentHashMap<>();
    private final List<InstanceListener> instanceListeners = new CopyOnWriteArrayList<>();
    private volatile RepositoryListener changeListener;
    /** Serializes changes with their report to {@link #changeListener}, so it hears them in the order they happened. */
    private final Object changes = new Object();

    // ================================================================== namespaces

    /** Creates an empty namespace (no qualifier declarations). ALREADY_EXISTS if it exists. */
    public void createNamespace(CimNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace must not be null");
        refuseAlias(namespace);
        if (namespaces.putIfAbsent(namespace, new NamespaceStore(namespace)) != null) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Namespace " + namespace + " already exists");
        }
        LOG.trace("created namespace {}", namespace);
    }

    /** Creates a namespace holding the given qualifier declarations (e.g. {@link StandardQualifiers#declarations()}). */
    public void createNamespace(CimNamespace namespace, Collection<CimQualifierType> qualifierDeclarations) {
        refuseAlias(namespace);
        NamespaceStore store = new NamespaceStore(namespace);
        for (CimQualifierType q : qualifierDeclarations) {
            store.setQualifierType(q);
        }
        synchronized (changes) {
            if (namespaces.putIfAbsent(namespace, store) != null) {
                throw new CimException(CimStatus.ALREADY_EXISTS, "Namespace " + namespace + " already exists");
            }
            tell(l -> l.namespaceCreated(namespace, store.qualifierTypes()), () -> namespaces.remove(namespace, store));
        }
        LOG.trace("created namespace {} with {} qualifier declarations", namespace, qualifierDeclarations.size());
    }

    /**
     * Creates a namespace holding the qualifier declarations and classes that {@code source} holds now, but none of
     * its instances. The resolved classes are shared, not resolved again (they are immutable): the server loads
     * the classes every namespace has in common once this way. INVALID_NAMESPACE if {@code source} does not exist,
     * ALREADY_EXISTS if {@code namespace} does.
     */
    public void createNamespaceFrom(CimNamespace namespace, CimNamespace source) {
        Objects.requireNonNull(namespace, "namespace must not be null");
        if (namespaces.putIfAbsent(namespace, store(source).copyClassesAs(namespace)) != null) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Namespace " + namespace + " already exists");
        }
        LOG.trace("created namespace {} with the classes of {}", namespace, source);
    }

    /**
     * Deletes a namespace that holds no classes (qualifier declarations do not count).
     * INVALID_NAMESPACE if unknown; NAMESPACE_NOT_EMPTY if it holds classes.
     */
    public void deleteNamespace(CimNamespace namespace) {
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            store.markDeleted();
            namespaces.remove(namespace, store);
            List<CimNamespace> gone = aliasesOf(namespace);
            aliases.values().removeIf(namespace::equals);
            tell(l -> l.namespaceDeleted(namespace), () -> {
                store.unmarkDeleted();
                namespaces.put(namespace, store);
                gone.forEach(a -> aliases.put(a, namespace));
            });
        }
        LOG.trace("deleted namespace {}", namespace);
    }

    /**
     * Makes {@code alias} another name of {@code namespace} (as {@code interop} is of {@code root/interop}): the
     * dispatcher reads a request naming the alias as naming the namespace; {@link #namespaces()} lists the
     * namespace once. INVALID_NAMESPACE if {@code namespace} does not exist; ALREADY_EXISTS if {@code alias} is a
     * namespace or already an alias.
     */
    public void addNamespaceAlias(CimNamespace alias, CimNamespace namespace) {
        Objects.requireNonNull(alias, "alias must not be null");
        store(namespace);
        if (namespaces.containsKey(alias) || aliases.putIfAbsent(alias, namespace) != null) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Namespace name " + alias + " is already taken");
        }
        LOG.trace("namespace {} is also called {}", namespace, alias);
    }

    /** The namespace {@code name} stands for: the aliased namespace for an alias, else {@code name} itself. */
    public CimNamespace canonicalNamespace(CimNamespace name) {
        CimNamespace target = name == null ? null : aliases.get(name);
        return target != null ? target : name;
    }

    /** The aliases of {@code namespace} (empty if it has none). */
    public List<CimNamespace> aliasesOf(CimNamespace namespace) {
        return aliases.entrySet().stream().filter(e -> e.getValue().equals(namespace)).map(Map.Entry::getKey)
                .sorted(Comparator.comparing(CimNamespace::folded)).toList();
    }

    private void refuseAlias(CimNamespace name) {
        CimNamespace target = aliases.get(name);
        if (target != null) {
            throw new CimException(CimStatus.ALREADY_EXISTS, "Namespace name " + name + " is another name of " + target);
        }
    }

    public boolean hasNamespace(CimNamespace namespace) {
        return namespace != null && namespaces.containsKey(namespace);
    }

    /** The namespaces in their original spelling, sorted case-insensitively. */
    public List<CimNamespace> namespaces() {
        List<CimNamespace> out = new ArrayList<>(namespaces.keySet());
        out.sort(Comparator.comparing(CimNamespace::folded));
        return out;
    }

    private NamespaceStore store(CimNamespace namespace) {
        NamespaceStore s = namespace == null ? null : namespaces.get(namespace);
        if (s == null) {
            throw new CimException(CimStatus.INVALID_NAMESPACE, "Namespace " + namespace + " does not exist");
        }
        return s;
    }

    // ================================================================== qualifier declarations

    /** The declaration of qualifier {@code name}; NOT_FOUND if undeclared. */
    public CimQualifierType getQualifierType(CimNamespace namespace, CimName name) {
        CimQualifierType q = store(namespace).findQualifierType(name);
        if (q == null) {
            throw new CimException(CimStatus.NOT_FOUND, "Qualifier " + name + " is not declared in namespace " + namespace);
        }
        return q;
    }

    /** The declaration of qualifier {@code name}, or null. */
    public CimQualifierType findQualifierType(CimNamespace namespace, CimName name) {
        return store(namespace).findQualifierType(name);
    }

    /**
     * Creates or replaces a qualifier declaration. INVALID_PARAMETER for a reference or embedded
     * type, no scope, or a default of the wrong type; NOT_SUPPORTED when a declaration in use by a
     * class would change its type, scopes or flavor (its default may change).
     */
    public void setQualifierType(CimNamespace namespace, CimQualifierType declaration) {
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            CimQualifierType before = store.findQualifierType(Objects.requireNonNull(declaration, "declaration must not be null").name());
            store.setQualifierType(declaration);
            tell(l -> l.qualifierTypeSet(canonicalNamespace(namespace), declaration),
                    () -> store.restoreQualifierType(declaration.name(), before));
        }
    }

    /** NOT_FOUND if undeclared; FAILED if a class uses it. */
    public void deleteQualifierType(CimNamespace namespace, CimName name) {
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            CimQualifierType before = store.findQualifierType(name);
            store.deleteQualifierType(name);
            tell(l -> l.qualifierTypeDeleted(canonicalNamespace(namespace), name), () -> store.restoreQualifierType(name, before));
        }
    }

    /** All qualifier declarations, sorted by name. */
    public List<CimQualifierType> qualifierTypes(CimNamespace namespace) {
        return store(namespace).qualifierTypes();
    }

    // ================================================================== classes

    /** The resolved class; NOT_FOUND if it does not exist. */
    public CimClass getClass(CimNamespace namespace, CimName className) {
        CimClass c = findClass(namespace, className);
        if (c == null) {
            throw new CimException(CimStatus.NOT_FOUND, "Class " + className + " does not exist in namespace " + namespace);
        }
        return c;
    }

    /** The resolved class, or null. */
    public CimClass findClass(CimNamespace namespace, CimName className) {
        ClassTable.Node n = store(namespace).classes().node(className);
        return n == null ? null : n.resolved();
    }

    public boolean hasClass(CimNamespace namespace, CimName className) {
        return findClass(namespace, className) != null;
    }

    /** True if {@code subclass} is {@code superclass} or derives from it (false if either is unknown). */
    public boolean isSubclassOf(CimNamespace namespace, CimName subclass, CimName superclass) {
        return store(namespace).classes().isSubclass(subclass, superclass);
    }

    /**
     * Creates a class; answers the resolved class as stored (inherited elements propagated).
     * ALREADY_EXISTS; INVALID_SUPERCLASS for an unknown superclass; INVALID_PARAMETER for an
     * undeclared qualifier, a qualifier outside its scope or of the wrong type, an Override naming
     * nothing inherited, a type change of an inherited element, a changed DisableOverride qualifier.
     */
    public CimClass createClass(CimNamespace namespace, CimClass newClass) {
        CimClass resolved;
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            ClassTable before = store.classes();
            resolved = store.createClass(Objects.requireNonNull(newClass, "class must not be null"));
            tell(l -> l.classCreated(canonicalNamespace(namespace), newClass), () -> store.restoreClasses(before));
        }
        LOG.trace("created class {}:{}", namespace, resolved.name());
        return resolved;
    }

    /**
     * Replaces a class. NOT_FOUND; CLASS_HAS_CHILDREN if it has subclasses; CLASS_HAS_INSTANCES if
     * it has instances; otherwise the rules of {@link #createClass} (the superclass may change).
     */
    public CimClass modifyClass(CimNamespace namespace, CimClass modifiedClass) {
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            ClassTable before = store.classes();
            CimClass resolved = store.modifyClass(Objects.requireNonNull(modifiedClass, "class must not be null"));
            tell(l -> l.classModified(canonicalNamespace(namespace), modifiedClass), () -> store.restoreClasses(before));
            return resolved;
        }
    }

    /** NOT_FOUND; CLASS_HAS_CHILDREN if it has subclasses; CLASS_HAS_INSTANCES if it has instances. */
    public void deleteClass(CimNamespace namespace, CimName className) {
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            ClassTable before = store.classes();
            store.deleteClass(className);
            tell(l -> l.classDeleted(canonicalNamespace(namespace), className), () -> store.restoreClasses(before));
        }
    }

    /**
     * The names of the direct subclasses of {@code className} ({@code deep} false) or of all its
     * descendants, parents before children; {@code className} null starts at the root classes.
     * INVALID_CLASS if {@code className} is given but unknown. Reads one consistent snapshot.
     */
    public List<CimName> classNames(CimNamespace namespace, CimName className, boolean deep) {
        ClassTable table = store(namespace).classes();
        if (className != null && table.node(className) == null) {
            throw new CimException(CimStatus.INVALID_CLASS, "Class " + className + " does not exist in namespace " + namespace);
        }
        return table.subclasses(className, deep);
    }

    /** Like {@link #classNames} but the resolved classes, produced lazily from one snapshot. */
    public Stream<CimClass> classes(CimNamespace namespace, CimName className, boolean deep) {
        ClassTable table = store(namespace).classes();
        if (className != null && table.node(className) == null) {
            throw new CimException(CimStatus.INVALID_CLASS, "Class " + className + " does not exist in namespace " + namespace);
        }
        return table.subclasses(className, deep).stream().map(n -> table.node(n).resolved());
    }

    // ================================================================== instances

    /**
     * The stored instance named by {@code path} (its path carries {@code namespace}, no host).
     * INVALID_CLASS if the path's class is unknown; INVALID_PARAMETER for a wrong key set;
     * NOT_FOUND.
     */
    public CimInstance getInstance(CimNamespace namespace, ObjectPath path) {
        return store(namespace).getInstance(path);
    }

    /**
     * Validates and stores a new instance; answers it as stored (all class properties, its path set
     * with {@code namespace}). INVALID_CLASS (unknown or abstract class, no keys); NOT_SUPPORTED
     * (indication); NO_SUCH_PROPERTY; TYPE_MISMATCH; INVALID_PARAMETER (key missing or NULL);
     * ALREADY_EXISTS.
     */
    public CimInstance createInstance(CimNamespace namespace, CimInstance newInstance) {
        CimInstance created;
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            CimInstance stored = store.createInstance(Objects.requireNonNull(newInstance, "instance must not be null"));
            tell(c -> c.instanceSaved(canonicalNamespace(namespace), stored, true), () -> store.restoreInstance(stored, null));
            created = stored;
        }
        for (InstanceListener l : instanceListeners) {
            l.created(canonicalNamespace(namespace), created);
        }
        return created;
    }

    /**
     * Applies ModifyInstance semantics; answers the stored result. {@code propertyList} null means
     * every property present in {@code modified}; otherwise only the listed properties the class
     * has (others ignored), a listed one absent from {@code modified} being reset to the class
     * default. INVALID_CLASS; NOT_FOUND; NO_SUCH_PROPERTY; TYPE_MISMATCH; INVALID_PARAMETER (a key
     * would change, or {@code modified} has no path).
     */
    public CimInstance modifyInstance(CimNamespace namespace, CimInstance modified, List<CimName> propertyList) {
        NamespaceStore.Change c;
        synchronized (changes) {
            c = store(namespace).modifyInstanceChange(Objects.requireNonNull(modified, "instance must not be null"), propertyList);
            saved(namespace, c);
        }
        modified(namespace, c);
        return c.after();
    }

    private void saved(CimNamespace namespace, NamespaceStore.Change c) {
        tell(l -> l.instanceSaved(canonicalNamespace(namespace), c.after(), false),
                () -> store(namespace).restoreInstance(c.after(), c.before()));
    }

    /**
     * Tells the change listener about a change just made (holding {@link #changes}); if it refuses the change (it
     * could not keep it), {@code undo} takes the change back and the listener's exception reaches the caller.
     */
    private void tell(java.util.function.Consumer<RepositoryListener> call, Runnable undo) {
        RepositoryListener l = changeListener;
        if (l == null) {
            return;
        }
        try {
            call.accept(l);
        } catch (RuntimeException e) {
            undo.run();
            LOG.warn("Repository change refused and undone: {}", e.getMessage());
            throw e;
        }
    }

    private void modified(CimNamespace namespace, NamespaceStore.Change c) {
        for (InstanceListener l : instanceListeners) {
            l.modified(canonicalNamespace(namespace), c.before(), c.after());
        }
    }

    /**
     * Adds a listener told about every instance change from now on: the indication service's, and the one that drops
     * the encoded copies of instances that changed.
     */
    public void addInstanceListener(InstanceListener listener) {
        instanceListeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** Sets the one listener told about every change of namespaces, qualifier types, classes and instances (null: none). */
    public void setChangeListener(RepositoryListener listener) {
        changeListener = listener;
    }

    /** Deletes and answers the instance. INVALID_CLASS; NOT_FOUND. */
    public CimInstance deleteInstance(CimNamespace namespace, ObjectPath path) {
        CimInstance deleted;
        synchronized (changes) {
            NamespaceStore store = store(namespace);
            CimInstance gone = store.deleteInstance(path);
            tell(c -> c.instanceDeleted(canonicalNamespace(namespace), gone), () -> store.restoreInstance(gone, gone));
            deleted = gone;
        }
        for (InstanceListener l : instanceListeners) {
            l.deleted(canonicalNamespace(namespace), deleted);
        }
        return deleted;
    }

    /** INVALID_CLASS; NOT_FOUND; NO_SUCH_PROPERTY. */
    public CimValue getProperty(CimNamespace namespace, ObjectPath path, CimName propertyName) {
        return store(namespace).getProperty(path, propertyName);
    }

    /** {@code value} null means NULL. INVALID_CLASS; NOT_FOUND; NO_SUCH_PROPERTY; TYPE_MISMATCH; INVALID_PARAMETER (key). */
    public void setProperty(CimNamespace namespace, ObjectPath path, CimName propertyName, CimValue value) {
        NamespaceStore.Change c;
        synchronized (changes) {
            c = store(namespace).setProperty(path, propertyName, value);
            saved(namespace, c);
        }
        modified(namespace, c);
    }

    /**
     * The instances of {@code className} and, if {@code deep}, of all its subclasses, one at a time:
     * nothing is copied, the iterator walks the per-class maps (weakly consistent: instances
     * created or deleted meanwhile may or may not be seen; none is seen twice). Each is in the stored
     * form: every property of its class, typed as declared, without qualifiers or class origin, and no
     * instance qualifiers (the dispatcher's filters rely on it). INVALID_CLASS.
     */
    public Iterator<CimInstance> instanceIterator(CimNamespace namespace, CimName className, boolean deep) {
        return store(namespace).instances(className, deep);
    }

    /** {@link #instanceIterator} as a sequential lazy stream. */
    public Stream<CimInstance> instances(CimNamespace namespace, CimName className, boolean deep) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(instanceIterator(namespace, className, deep),
                Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    /** The paths of {@link #instances} (with {@code namespace}, no host). */
    public Stream<ObjectPath> instanceNames(CimNamespace namespace, CimName className, boolean deep) {
        return instances(namespace, className, deep).map(CimInstance::path);
    }

    /** The number of instances of the class (and its subclasses if {@code deep}) at this moment. */
    public long instanceCount(CimNamespace namespace, CimName className, boolean deep) {
        return store(namespace).instanceCount(className, deep);
    }
}
