package org.iscsismis.dispatch;

import java.time.Duration;
import java.util.function.Function;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CloseEnumerationRequest;
import org.iscsismis.operation.EnumerationCountRequest;
import org.iscsismis.operation.OpenAssociatorInstancePathsRequest;
import org.iscsismis.operation.OpenAssociatorInstancesRequest;
import org.iscsismis.operation.OpenEnumerateInstancePathsRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.operation.OpenQueryInstancesRequest;
import org.iscsismis.operation.OpenReferenceInstancePathsRequest;
import org.iscsismis.operation.OpenReferenceInstancesRequest;
import org.iscsismis.operation.OpenRequest;
import org.iscsismis.operation.PullInstancePathsRequest;
import org.iscsismis.operation.PullInstancesRequest;
import org.iscsismis.operation.PullInstancesWithPathRequest;
import org.iscsismis.operation.PullRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.dispatch.EnumerationContext.Flavor;
import org.iscsismis.query.CompiledQuery;

/**
 * The DSP0200 pull operations: the Open* operations, the three Pulls, CloseEnumeration and
 * EnumerationCount, over an {@link EnumerationContextTable}.
 *
 * <p>Open checks, in this order: OperationTimeout (CIM_ERR_INVALID_OPERATION_TIMEOUT, see
 * {@link EnumerationContextTable#timeout}), ContinueOnError=true (refused:
 * CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED), the class (INVALID_CLASS) or the source instance
 * path (INVALID_PARAMETER if it names a class), the FilterQueryLanguage and FilterQuery (only both or
 * neither: INVALID_PARAMETER; a language other than DMTF:FQL: CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED; a
 * filter that does not parse or names an unknown property: CIM_ERR_INVALID_QUERY), the server's
 * context limit. OpenQueryInstances takes a WQL or DMTF:CQL query (14, 15 likewise), continued with
 * PullInstances; with ReturnQueryResultClass its first response carries the QueryResultClass.
 *
 * <p>A batch holds at most MaxObjectCount items (0 on an Open only opens; on a Pull it only
 * restarts the timer). When the items run out the context is closed and the answer says
 * EndOfSequence=true without a context. An error while producing a batch closes the context
 * (ContinueOnError is not supported).
 */
final class PullOperations {

    private final PullSources sources;
    private final EnumerationContextTable table;
    private final QueryExecution queries;

    PullOperations(PullSources sources, EnumerationContextTable table, QueryExecution queries) {
        this.sources = sources;
        this.table = table;
        this.queries = queries;
    }

    /** The table of open contexts (tests look at it). */
    EnumerationContextTable table() {
        return table;
    }

    /** Opens an enumeration; {@code requireClass} resolves the class an Open*Enumerate* names (INVALID_CLASS). */
    void open(OpenRequest r, Function<CimName, CimClass> requireClass, ResponseSink sink) {
        Duration timeout = table.timeout(r.operationTimeout());
        if (r.continueOnError()) {
            throw new CimException(CimStatus.CONTINUATION_ON_ERROR_NOT_SUPPORTED, r.operationName()
                    + ": ContinueOnError=true is not supported; an error ends the enumeration");
        }
        Flavor flavor;
        PullSource source;
        CimClass resultClass = null;
        if (r instanceof OpenEnumerateInstancesRequest e) {
            CimClass cls = requireClass.apply(e.className());
            flavor = Flavor.INSTANCES_WITH_PATH;
            source = sources.instances(e, cls, queries.filter(r, cls.name()));
        } else if (r instanceof OpenEnumerateInstancePathsRequest e) {
            CimClass cls = requireClass.apply(e.className());
            flavor = Flavor.INSTANCE_PATHS;
            source = sources.instancePaths(e, cls, queries.filter(r, cls.name()));
        } else if (r instanceof OpenAssociatorInstancesRequest a) {
            requireInstancePath(r, a.instanceName());
            flavor = Flavor.INSTANCES_WITH_PATH;
            source = sources.associators(a, queries.filter(r, a.resultClass()));
        } else if (r instanceof OpenAssociatorInstancePathsRequest a) {
            requireInstancePath(r, a.instanceName());
            flavor = Flavor.INSTANCE_PATHS;
            source = sources.associatorPaths(a, queries.filter(r, a.resultClass()));
        } else if (r instanceof OpenReferenceInstancesRequest a) {
            requireInstancePath(r, a.instanceName());
            flavor = Flavor.INSTANCES_WITH_PATH;
            source = sources.references(a, queries.filter(r, a.resultClass()));
        } else if (r instanceof OpenReferenceInstancePathsRequest a) {
            requireInstancePath(r, a.instanceName());
            flavor = Flavor.INSTANCE_PATHS;
            source = sources.referencePaths(a, queries.filter(r, a.resultClass()));
        } else if (r instanceof OpenQueryInstancesRequest q) {
            CompiledQuery query = queries.compile(q.filterQueryLanguage(), q.filterQuery(), q.namespace());
            CimClass from = requireClass.apply(query.fromClass());
            flavor = Flavor.INSTANCES;
            source = sources.query(q, from, query);
            resultClass = q.returnQueryResultClass() ? QueryExecution.resultClass(from, query) : null;
        } else {
            throw new CimException(CimStatus.NOT_SUPPORTED, "Operation " + r.operationName() + " is not supported");
        }
        if (resultClass != null) {
            sink.queryResultClass(resultClass);
        }
        EnumerationContext context;
        try {
            context = table.open(r.namespace(), r.operationName(), flavor, source, timeout);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        deliver(context, r.maxObjectCount(), sink);
    }

    void pull(PullRequest r, ResponseSink sink) {
        Flavor flavor;
        if (r instanceof PullInstancesWithPathRequest) {
            flavor = Flavor.INSTANCES_WITH_PATH;
        } else if (r instanceof PullInstancePathsRequest) {
            flavor = Flavor.INSTANCE_PATHS;
        } else if (r instanceof PullInstancesRequest) {
            flavor = Flavor.INSTANCES;
        } else {
            throw new CimException(CimStatus.NOT_SUPPORTED, "Operation " + r.operationName() + " is not supported");
        }
        deliver(table.acquire(r.enumerationContext(), r.namespace(), flavor), r.maxObjectCount(), sink);
    }

    void close(CloseEnumerationRequest r) {
        table.close(r.enumerationContext(), r.namespace());
    }

    /** The items left: exact for buffered results, the repository's current count minus those sent for lazy ones. */
    void count(EnumerationCountRequest r, ResponseSink sink) {
        EnumerationContext c = table.acquire(r.enumerationContext(), r.namespace(), null);
        Long remaining;
        try {
            remaining = c.source().remaining();
        } finally {
            table.release(c);
        }
        sink.enumerationCount(remaining);
    }

    /** Writes up to {@code max} items of a busy context, then EndOfSequence and the context, and frees or forgets it. */
    private void deliver(EnumerationContext c, long max, ResponseSink sink) {
        boolean end;
        try {
            PullSource source = c.source();
            for (long n = 0; n < max && source.hasNext(); n++) {
                source.writeNext(sink);
            }
            end = !source.hasNext();
        } catch (RuntimeException e) {
            table.remove(c);
            throw e;
        }
        if (end) {
            table.remove(c);
        } else {
            table.release(c);
        }
        sink.pullResult(end ? null : c.id(), end);
    }

    private static void requireInstancePath(OpenRequest r, ObjectPath instanceName) {
        if (instanceName.isClassPath()) {
            throw new CimException(CimStatus.INVALID_PARAMETER, r.operationName() + ": InstanceName must name an instance, not class "
                    + instanceName.className());
        }
    }
}
