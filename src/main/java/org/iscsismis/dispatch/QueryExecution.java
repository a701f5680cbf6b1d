package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.ExecQueryRequest;
import org.iscsismis.operation.OpenRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.query.ClassModel;
import org.iscsismis.query.CompiledQuery;
import org.iscsismis.repository.CimRepository;

/**
 * Queries over the instances of a namespace, for every provider alike: ExecQuery here, and the
 * instance sources of OpenQueryInstances and filtered pulls ({@link PullSources}).
 *
 * <p>The FROM class's instances (subclasses included) are tested as they come: a repository-only
 * class is walked lazily; a provider's instances are tested as the provider delivers them, so a
 * query holds one instance at a time. A condition that fixes every key of a repository class with
 * ANDed equalities reads that one instance instead of walking them all (the simple-index fast path).
 */
final class QueryExecution {

    private final CimRepository repository;
    private final InstanceRouter instances;

    QueryExecution(CimRepository repository, InstanceRouter instances) {
        this.repository = repository;
        this.instances = instances;
    }

    ClassModel model(CimNamespace ns) {
        return new RepositoryClassModel(repository, ns);
    }

    /** A WQL or DMTF:CQL query checked against {@code ns} (14, 15). */
    CompiledQuery compile(String language, String query, CimNamespace ns) {
        return CompiledQuery.compile(language, query, ns, model(ns));
    }

    /**
     * The FilterQuery of a pulled enumeration, or null without one; INVALID_PARAMETER when only one of
     * FilterQueryLanguage and FilterQuery is given, 14 for a language other than DMTF:FQL, 15 for a bad
     * filter. {@code filterClass} is the class the results are of (null when not known).
     */
    CompiledQuery filter(OpenRequest r, CimName filterClass) {
        if (r.filterQueryLanguage() == null && r.filterQuery() == null) {
            return null;
        }
        if (r.filterQueryLanguage() == null || r.filterQuery() == null) {
            throw new CimException(CimStatus.INVALID_PARAMETER, r.operationName() + ": FilterQueryLanguage and FilterQuery go"
                    + " together; " + (r.filterQuery() == null ? "FilterQuery" : "FilterQueryLanguage") + " is missing");
        }
        return CompiledQuery.compileFilter(r.filterQueryLanguage(), r.filterQuery(), r.namespace(), model(r.namespace()), filterClass);
    }

    /** DSP0200 ExecQuery: each selected instance with only the selected properties, as VALUE.OBJECTWITHPATH. */
    void execQuery(ExecQueryRequest r, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        CompiledQuery q = compile(r.queryLanguage(), r.query(), ns);
        CimClass from = repository.findClass(ns, q.fromClass());
        InstanceFilter projection = projection(from, q);
        if (projection.keepsStoredAsIs() && repositoryServes(ns, from)) {
            // SELECT * of stored instances: each is answered as it is stored (see FilteredRepositoryInstances), in batches
            InstanceBatches.drain(repositoryMatches(ns, from, q), InstanceFilter::storedWithLocalPath, sink::objectsWithPath);
            return;
        }
        forEachMatch(ns, from, q, i -> sink.objectWithPath(projection.applyWithLocalPath(i, classOf(ns, i, from))));
    }

    /** The filter that cuts a selected instance to the query's SELECT list (all properties for {@code *}). */
    InstanceFilter projection(CimClass from, CompiledQuery q) {
        return new InstanceFilter(from, true, false, false, q.selectList());
    }

    CimClass classOf(CimNamespace ns, CimInstance i, CimClass fallback) {
        if (fallback.name().equals(i.className())) {
            return fallback;
        }
        CimClass c = repository.findClass(ns, i.className());
        return c != null ? c : fallback;
    }

    /** True when the repository alone holds the instances of {@code cls} and its subclasses. */
    boolean repositoryServes(CimNamespace ns, CimClass cls) {
        return instances.repositoryServes(ns, cls.name());
    }

    /** Hands each instance of {@code from} (and subclasses) that {@code q} selects to {@code action}, unfiltered. */
    void forEachMatch(CimNamespace ns, CimClass from, CompiledQuery q, Consumer<CimInstance> action) {
        if (repositoryServes(ns, from)) {
            // a loop of its own, not Iterator.forEachRemaining, whose call sites every iterator shares (see
            // InstanceRouter.repositoryInstances)
            Iterator<CimInstance> matches = repositoryMatches(ns, from, q);
            while (matches.hasNext()) {
                action.accept(matches.next());
            }
            return;
        }
        instances.enumerateInstances(new EnumerateInstancesRequest(ns, from.name(), false, true, false, false, null), from,
                new InstanceStreamSink(i -> {
                    if (q.matches(i)) {
                        action.accept(i);
                    }
                }));
    }

    /** True when {@code q} on {@code from} reads instances by their keys (the fast path) instead of walking the class. */
    boolean readsByKeys(CimNamespace ns, CimClass from, CompiledQuery q) {
        return repositoryServes(ns, from) && q.keyValues(from.keyNames()) != null;
    }

    /** The repository's instances of {@code from} that {@code q} selects, lazily; one read when the condition fixes all keys. */
    Iterator<CimInstance> repositoryMatches(CimNamespace ns, CimClass from, CompiledQuery q) {
        Map<CimName, CimValue> keys = q.keyValues(from.keyNames());
        if (keys != null) {
            Iterator<CimInstance> one = readByKeys(ns, from, keys);
            if (one != null) {
                return new MatchingIterator<>(one, q::matches);
            }
        }
        return new MatchingIterator<>(repository.instanceIterator(ns, from.name(), true), q::matches);
    }

    /**
     * The instance with these key values among {@code from} and its subclasses (none or one), or null
     * when the values do not make a path the repository takes (then the caller walks the class).
     */
    private Iterator<CimInstance> readByKeys(CimNamespace ns, CimClass from, Map<CimName, CimValue> keys) {
        List<KeyBinding> bindings = new ArrayList<>();
        keys.forEach((k, v) -> bindings.add(new KeyBinding(k, v)));
        List<CimName> classes = new ArrayList<>();
        classes.add(from.name());
        classes.addAll(repository.classNames(ns, from.name(), true));
        for (CimName c : classes) {
            try {
                return List.of(repository.getInstance(ns, ObjectPath.of(ns, c, bindings))).iterator();
            } catch (CimException e) {
                if (e.status() != CimStatus.NOT_FOUND && e.status() != CimStatus.INVALID_CLASS) {
                    return null;
                }
            }
        }
        return List.<CimInstance>of().iterator();
    }

    /** DSP0200's QueryResultClass: the FROM class cut to the selected properties (all for {@code *}), without methods. */
    static CimClass resultClass(CimClass from, CompiledQuery q) {
        if (q.selectList() == null) {
            return from.withMethods(List.of());
        }
        List<CimProperty> kept = new ArrayList<>();
        for (CimName n : q.selectList()) {
            CimProperty p = from.property(n);
            if (p != null && !kept.contains(p)) {
                kept.add(p);
            }
        }
        return from.withProperties(kept).withMethods(List.of());
    }
}
