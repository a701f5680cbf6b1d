package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.OpenAssociatorInstancePathsRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenQueryInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenReferenceInstancesRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.query.CompiledQuery;
import org.iscsismis.repository.CimRepository;

/**
 * The items of a pulled enumeration, produced by the same code as the traditional operation, so
 * filters, routing and association rules are those of {@link InstanceRouter} and
 * {@link AssociationTraversal}.
 *
 * <p>Two ways: a class served by the repository alone (no provider for it or a subclass) is walked
 * lazily, each Pull taking the next items from the repository's iterator, so an open context holds
 * a position, never the results. Otherwise (provider-served classes, association traversals) the
 * traditional operation runs at Open time into a {@link BufferingSink} and the Pulls hand out what
 * it collected, forgetting each item once sent: providers push their results and cannot be paused
 * between two Pulls.
 *
 * <p>A FilterQuery (a {@link CompiledQuery}, null for none) is evaluated on each complete instance
 * before PropertyList cuts it; the path variants then answer the paths of the selected instances.
 * Buffered sources keep only the instances the filter selects. OpenQueryInstances answers the
 * instances of its FROM class that the query selects, each cut to the SELECT list, without paths.
 */
final class PullSources {

    private static final BiConsumer<ResponseSink, CimInstance> WITH_PATH = ResponseSink::objectWithPath;
    private static final BiConsumer<ResponseSink, ObjectPath> PATH = ResponseSink::objectPath;

    private final CimRepository repository;
    private final InstanceRouter instances;
    private final AssociationTraversal associations;
    private final QueryExecution queries;
    private final MemoryBudget memory;

    PullSources(CimRepository repository, InstanceRouter instances, AssociationTraversal associations, QueryExecution queries,
                MemoryBudget memory) {
        this.repository = repository;
        this.instances = instances;
        this.associations = associations;
        this.queries = queries;
        this.memory = memory;
    }

    PullSource instances(OpenEnumerateInstancesRequest r, CimClass cls, CompiledQuery filter) {
        CimNamespace ns = r.namespace();
        InstanceFilter cut = new InstanceFilter(cls, r.deepInheritance(), false, r.includeClassOrigin(), r.propertyList());
        if (instances.repositoryServes(ns, cls.name())) {
            return new LazyPullSource<>(new FilteredRepositoryInstances(repository, ns, cls, true, cut, filter), WITH_PATH,
                    filter == null ? () -> repository.instanceCount(ns, cls.name(), true) : null);
        }
        return buffered(buffer -> {
            if (filter == null) {
                instances.enumerateInstances(new EnumerateInstancesRequest(ns, cls.name(), false, r.deepInheritance(), false,
                        r.includeClassOrigin(), r.propertyList()), cls, buffer);
            } else {
                queries.forEachMatch(ns, cls, filter, i -> buffer.objectWithPath(cut.applyWithLocalPath(i, queries.classOf(ns, i, cls))));
            }
        }, CimInstance.class, WITH_PATH);
    }

    PullSource instancePaths(OpenEnumerateInstancePathsRequest r, CimClass cls, CompiledQuery filter) {
        CimNamespace ns = r.namespace();
        if (instances.repositoryServes(ns, cls.name())) {
            return new LazyPullSource<>(filter == null ? repository.instanceIterator(ns, cls.name(), true)
                    : queries.repositoryMatches(ns, cls, filter), (sink, i) -> sink.objectPath(i.path().withoutHostAndNamespace()),
                    filter == null ? () -> repository.instanceCount(ns, cls.name(), true) : null);
        }
        return buffered(buffer -> {
            if (filter == null) {
                instances.enumerateInstanceNames(new EnumerateInstanceNamesRequest(ns, cls.name()), cls, buffer);
            } else {
                queries.forEachMatch(ns, cls, filter, i -> buffer.objectPath(i.path().withoutHostAndNamespace()));
            }
        }, ObjectPath.class, PATH);
    }

    /** OpenQueryInstances: the selected instances cut to the SELECT list, as INSTANCEs without path. */
    PullSource query(OpenQueryInstancesRequest r, CimClass from, CompiledQuery q) {
        CimNamespace ns = r.namespace();
        InstanceFilter projection = queries.projection(from, q);
        BiConsumer<ResponseSink, CimInstance> write = (sink, i) -> sink.instance(projection.apply(i, queries.classOf(ns, i, from)));
        if (queries.repositoryServes(ns, from)) {
            return new LazyPullSource<>(queries.repositoryMatches(ns, from, q), write, null);
        }
        return buffered(buffer -> queries.forEachMatch(ns, from, q, buffer::objectWithPath), CimInstance.class, write);
    }

    PullSource associators(OpenAssociatorInstancesRequest r, CompiledQuery filter) {
        return buffered(buffer -> associations.associators(new AssociatorsRequest(r.namespace(), r.instanceName(), r.assocClass(),
                r.resultClass(), r.role(), r.resultRole(), false, r.includeClassOrigin(), filter == null ? r.propertyList() : null),
                filtered(buffer, filter, r.propertyList(), false)), CimInstance.class, WITH_PATH);
    }

    PullSource associatorPaths(OpenAssociatorInstancePathsRequest r, CompiledQuery filter) {
        return buffered(buffer -> {
            if (filter == null) {
                associations.associatorNames(new AssociatorNamesRequest(r.namespace(), r.instanceName(), r.assocClass(),
                        r.resultClass(), r.role(), r.resultRole()), buffer);
            } else {
                associations.associators(new AssociatorsRequest(r.namespace(), r.instanceName(), r.assocClass(), r.resultClass(),
                        r.role(), r.resultRole(), false, false, null), filtered(buffer, filter, null, true));
            }
        }, ObjectPath.class, PATH);
    }

    PullSource references(OpenReferenceInstancesRequest r, CompiledQuery filter) {
        return buffered(buffer -> associations.references(new ReferencesRequest(r.namespace(), r.instanceName(), r.resultClass(),
                r.role(), false, r.includeClassOrigin(), filter == null ? r.propertyList() : null),
                filtered(buffer, filter, r.propertyList(), false)), CimInstance.class, WITH_PATH);
    }

    PullSource referencePaths(OpenReferenceInstancePathsRequest r, CompiledQuery filter) {
        return buffered(buffer -> {
            if (filter == null) {
                associations.referenceNames(new ReferenceNamesRequest(r.namespace(), r.instanceName(), r.resultClass(), r.role()), buffer);
            } else {
                associations.references(new ReferencesRequest(r.namespace(), r.instanceName(), r.resultClass(), r.role(), false,
                        false, null), filtered(buffer, filter, null, true));
            }
        }, ObjectPath.class, PATH);
    }

    /**
     * Where an association traversal writes: straight into {@code buffer} without a filter; with one,
     * only the instances it selects, cut to {@code propertyList} afterwards (or only their paths).
     */
    private static ResponseSink filtered(ResponseSink buffer, CompiledQuery filter, List<CimName> propertyList, boolean paths) {
        if (filter == null) {
            return buffer;
        }
        PropertySelection keep = PropertySelection.of(propertyList);
        return new InstanceStreamSink(i -> {
            if (!filter.matches(i)) {
                return;
            }
            if (paths) {
                buffer.objectPath(i.path());
            } else if (keep.isAll()) {
                buffer.objectWithPath(i);
            } else {
                List<CimProperty> kept = new ArrayList<>();
                for (CimProperty p : i.properties()) {
                    if (keep.includes(p.name())) {
                        kept.add(p);
                    }
                }
                buffer.objectWithPath(i.withProperties(kept));
            }
        });
    }

    /** Runs {@code operation} into a buffer charged to the memory budget; the buffer's reservation ends with the context. */
    private <T> PullSource buffered(Consumer<ResponseSink> operation, Class<T> type, BiConsumer<ResponseSink, T> writer) {
        BufferingSink buffer = new BufferingSink(memory.reserve());
        try {
            operation.accept(buffer);
        } catch (RuntimeException e) {
            buffer.release();
            throw e;
        }
        long total = buffer.size();
        return new LazyPullSource<>(buffer.drain(type), writer, () -> total, buffer::release);
    }
}
