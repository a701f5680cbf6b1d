package org.iscsismis.dispatch;

import java.util.function.BiConsumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.OpenAssociatorInstancePathsRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenReferenceInstancesRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.ResponseSink;
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
 */
final class PullSources {

    private static final BiConsumer<ResponseSink, CimInstance> WITH_PATH = ResponseSink::objectWithPath;
    private static final BiConsumer<ResponseSink, ObjectPath> PATH = ResponseSink::objectPath;

    private final CimRepository repository;
    private final InstanceRouter instances;
    private final AssociationTraversal associations;
    private final MemoryBudget memory;

    PullSources(CimRepository repository, InstanceRouter instances, AssociationTraversal associations, MemoryBudget memory) {
        this.repository = repository;
        this.instances = instances;
        this.associations = associations;
        this.memory = memory;
    }

    PullSource instances(OpenEnumerateInstancesRequest r, CimClass cls) {
        CimNamespace ns = r.namespace();
        if (instances.repositoryServes(ns, cls.name())) {
            InstanceFilter filter = new InstanceFilter(cls, r.deepInheritance(), false, r.includeClassOrigin(), r.propertyList());
            return new LazyPullSource<>(new FilteredRepositoryInstances(repository, ns, cls, true, filter), WITH_PATH,
                    () -> repository.instanceCount(ns, cls.name(), true));
        }
        return buffered(sink -> instances.enumerateInstances(new EnumerateInstancesRequest(ns, cls.name(), false, r.deepInheritance(), false,
                r.includeClassOrigin(), r.propertyList()), cls, sink), CimInstance.class, WITH_PATH);
    }

    PullSource instancePaths(OpenEnumerateInstancePathsRequest r, CimClass cls) {
        CimNamespace ns = r.namespace();
        if (instances.repositoryServes(ns, cls.name())) {
            return new LazyPullSource<>(repository.instanceIterator(ns, cls.name(), true),
                    (sink, i) -> sink.objectPath(i.path().withoutHostAndNamespace()),
                    () -> repository.instanceCount(ns, cls.name(), true));
        }
        return buffered(sink -> instances.enumerateInstanceNames(new EnumerateInstanceNamesRequest(ns, cls.name()), cls, sink), ObjectPath.class, PATH);
    }

    PullSource associators(OpenAssociatorInstancesRequest r) {
        return buffered(sink -> associations.associators(new AssociatorsRequest(r.namespace(), r.instanceName(), r.assocClass(), r.resultClass(),
                r.role(), r.resultRole(), false, r.includeClassOrigin(), r.propertyList()), sink), CimInstance.class, WITH_PATH);
    }

    PullSource associatorPaths(OpenAssociatorInstancePathsRequest r) {
        return buffered(sink -> associations.associatorNames(new AssociatorNamesRequest(r.namespace(), r.instanceName(), r.assocClass(),
                r.resultClass(), r.role(), r.resultRole()), sink), ObjectPath.class, PATH);
    }

    PullSource references(OpenReferenceInstancesRequest r) {
        return buffered(sink -> associations.references(new ReferencesRequest(r.namespace(), r.instanceName(), r.resultClass(), r.role(), false,
                r.includeClassOrigin(), r.propertyList()), sink), CimInstance.class, WITH_PATH);
    }

    PullSource referencePaths(OpenReferenceInstancePathsRequest r) {
        return buffered(sink -> associations.referenceNames(new ReferenceNamesRequest(r.namespace(), r.instanceName(), r.resultClass(), r.role()), sink), ObjectPath.class, PATH);
    }

    /** Runs {@code operation} into a buffer charged to the memory budget; the buffer's reservation ends with the context. */
    private <T> PullSource buffered(java.util.function.Consumer<ResponseSink> operation, Class<T> type,
                                    BiConsumer<ResponseSink, T> writer) {
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
