package org.iscsismis.dispatch;

import java.util.Iterator;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.query.CompiledQuery;
import org.iscsismis.repository.CimRepository;

/**
 * The repository's instances of a class (and, if deep, its subclasses), each filtered as it is
 * taken, with its path reduced to class and keys. Lazy: it walks the repository's per-class maps
 * (weakly consistent, see {@link CimRepository#instanceIterator}) and copies nothing, so it can be
 * kept across the requests of a pulled enumeration. With a FilterQuery only the instances it
 * selects are taken, each tested whole before the filter cuts it.
 */
final class FilteredRepositoryInstances implements Iterator<CimInstance> {

    private final CimRepository repository;
    private final CimNamespace namespace;
    private final Iterator<CimInstance> instances;
    private final InstanceFilter filter;
    /** The filter changes nothing of a stored instance: its properties are not looked at, nor its class. */
    private final boolean asStored;
    private CimClass last;

    FilteredRepositoryInstances(CimRepository repository, CimNamespace namespace, CimClass cls, boolean deep, InstanceFilter filter) {
        this(repository, namespace, cls, deep, filter, null);
    }

    /** As above, taking only the instances {@code query} selects (null: all). */
    FilteredRepositoryInstances(CimRepository repository, CimNamespace namespace, CimClass cls, boolean deep, InstanceFilter filter,
                                CompiledQuery query) {
        this.repository = repository;
        this.namespace = namespace;
        Iterator<CimInstance> all = repository.instanceIterator(namespace, cls.name(), deep);
        this.instances = query == null ? all : new MatchingIterator<>(all, query::matches);
        this.filter = filter;
        this.asStored = filter.keepsStoredAsIs();
        this.last = cls;
    }

    @Override
    public boolean hasNext() {
        return instances.hasNext();
    }

    @Override
    public CimInstance next() {
        CimInstance i = instances.next();
        if (asStored) {
            return InstanceFilter.storedWithLocalPath(i);
        }
        if (!last.name().equals(i.className())) {
            CimClass c = repository.findClass(namespace, i.className());
            last = c != null ? c : last;
        }
        return filter.applyWithLocalPath(i, last);
    }
}
