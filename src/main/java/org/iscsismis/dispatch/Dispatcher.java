package org.iscsismis.dispatch;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.CimRequest;
import org.iscsismis.operation.CloseEnumerationRequest;
import org.iscsismis.operation.EnumerationCountRequest;
import org.iscsismis.operation.ExecQueryRequest;
import org.iscsismis.operation.OpenRequest;
import org.iscsismis.operation.PullRequest;
import org.iscsismis.operation.InvokeMethodRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.iscsismis.operation.CreateClassRequest;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.DeleteClassRequest;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.DeleteQualifierRequest;
import org.iscsismis.operation.EnumerateClassNamesRequest;
import org.iscsismis.operation.EnumerateClassesRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.EnumerateQualifiersRequest;
import org.iscsismis.operation.GetClassRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.GetPropertyRequest;
import org.iscsismis.operation.GetQualifierRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.operation.SetPropertyRequest;
import org.iscsismis.operation.SetQualifierRequest;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes operation records against the repository and the providers of the
 * {@link ProviderRegistry}, streaming results into a sink one at a time. Thread-safe: holds no
 * per-request state and no lock while streaming.
 *
 * <p>Requests name namespaces by their canonical names: an alias ({@link CimRepository#addNamespaceAlias}) is
 * resolved where the request is parsed (the CIM-XML reader), so the dispatcher, providers and answers only ever see
 * the namespace's own name. A request still naming an alias is INVALID_NAMESPACE.
 *
 * <p>Order of checks: the caller's rights (ACCESS_DENIED, see {@link #execute(CimRequest, Caller, ResponseSink)}),
 * the namespace exists (INVALID_NAMESPACE), then the class the operation
 * names exists (INVALID_CLASS; NOT_FOUND for GetClass, ModifyClass and DeleteClass, whose subject
 * is the class itself), then the operation. Class and qualifier operations go to the repository;
 * instance operations are routed by {@link InstanceRouter}, association operations by
 * {@link AssociationTraversal}, extrinsic methods by {@link MethodInvoker}, the pull operations by
 * {@link PullOperations}, queries (ExecQuery; OpenQueryInstances and FilterQuery through the pulls) by
 * {@link QueryExecution}. The result filters live in {@link ClassFilter} and {@link InstanceFilter},
 * applied once here for every provider. Operations not implemented (unknown intrinsics) fail with
 * NOT_SUPPORTED naming the operation.
 *
 * <p>A RuntimeException that is not a CimException is logged and becomes FAILED ("internal
 * error"); an {@link UncheckedIOException} from the sink (the client went away) passes through
 * unchanged for the transport layer.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final CimRepository repository;
    private final ProviderRegistry registry;
    private final Clock clock;
    private final InstanceRouter instances;
    private final AssociationTraversal associations;
    private final MethodInvoker methods;
    private final JobService jobs;
    private final CallWatchdog watchdog;
    private final PullOperations pulls;
    private final QueryExecution queries;

    /** A dispatcher whose every class is served by the repository (no providers). */
    public Dispatcher(CimRepository repository, Clock clock) {
        this(repository, new ProviderRegistry(repository), clock);
    }

    /**
     * A dispatcher routing through {@code registry}; classes without a provider are served by
     * {@code repository}. Providers get a job service of their own on {@code clock}.
     */
    public Dispatcher(CimRepository repository, ProviderRegistry registry, Clock clock) {
        this(repository, registry, clock, new JobService(repository, clock));
    }

    /** A dispatcher whose providers use {@code jobs} (tests inject one to watch its jobs). */
    public Dispatcher(CimRepository repository, ProviderRegistry registry, Clock clock, JobService jobs) {
        this(repository, registry, clock, jobs, Duration.ZERO);
    }

    /**
     * A dispatcher whose provider calls fail with CIM_ERR_FAILED when a provider makes no progress
     * for {@code providerTimeout} (no answer, no result delivered; see {@link CallWatchdog});
     * zero means no limit. A timed dispatcher runs a watchdog thread: {@link #close()} stops it.
     */
    public Dispatcher(CimRepository repository, ProviderRegistry registry, Clock clock, JobService jobs, Duration providerTimeout) {
        this(repository, registry, clock, jobs, providerTimeout, PullLimits.DEFAULT);
    }

    /**
     * A dispatcher as above whose pulled enumerations (DSP0200 Open/Pull) keep to {@code pullLimits};
     * their inactivity timeouts run on {@code clock}.
     */
    public Dispatcher(CimRepository repository, ProviderRegistry registry, Clock clock, JobService jobs, Duration providerTimeout,
                      PullLimits pullLimits) {
        this(repository, registry, clock, jobs, providerTimeout, pullLimits, MemoryBudget.unlimited());
    }

    /**
     * A dispatcher as above whose buffered pulled enumerations are charged to {@code memory}: an Open whose results
     * do not fit in what is left fails with CIM_ERR_SERVER_LIMITS_EXCEEDED.
     */
    public Dispatcher(CimRepository repository, ProviderRegistry registry, Clock clock, JobService jobs, Duration providerTimeout,
                      PullLimits pullLimits, MemoryBudget memory) {
        this.repository = Objects.requireNonNull(repository, "repository must not be null");
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.jobs = Objects.requireNonNull(jobs, "jobs must not be null");
        if (providerTimeout.isNegative()) {
            throw new IllegalArgumentException("providerTimeout must not be negative: " + providerTimeout);
        }
        this.watchdog = providerTimeout.isZero() ? null : new CallWatchdog(providerTimeout);
        ProviderCalls calls = watchdog == null ? ProviderCalls.untimed() : ProviderCalls.timed(watchdog);
        this.instances = new InstanceRouter(repository, registry, clock, jobs, calls);
        this.associations = new AssociationTraversal(repository, registry, instances);
        this.methods = new MethodInvoker(repository, registry, instances);
        this.queries = new QueryExecution(repository, instances);
        this.pulls = new PullOperations(new PullSources(repository, instances, associations, queries,
                Objects.requireNonNull(memory, "memory must not be null")),
                new EnumerationContextTable(clock, Objects.requireNonNull(pullLimits, "pullLimits must not be null")), queries);
    }

    /** Stops the provider-call watchdog, if any (the job service has its own owner). */
    @Override
    public void close() {
        if (watchdog != null) {
            watchdog.close();
        }
    }

    /** The registry this dispatcher routes through. */
    public ProviderRegistry registry() {
        return registry;
    }

    /** The job service of this dispatcher's providers. */
    public JobService jobs() {
        return jobs;
    }

    /** The number of open enumeration contexts (pull operations). */
    public int openEnumerationContexts() {
        return pulls.table().size();
    }

    /** How queries run (tests look at the fast path). */
    QueryExecution queries() {
        return queries;
    }

    /** The clock operations use for timestamps (jobs, pull timeouts). */
    public Clock clock() {
        return clock;
    }

    /** Runs {@code request} for a caller with every right (a server without authentication; tests). */
    public void execute(CimRequest request, ResponseSink sink) throws CimException {
        execute(request, Caller.ANYONE, sink);
    }

    /**
     * Runs {@code request} for {@code caller}. The caller's rights are checked here, once for every operation and
     * before anything else (see {@link AccessRule}): the target namespace needs read access, or write access for an
     * operation that changes state; an association operation's source namespace needs read access too; far ends in
     * namespaces the caller may not read are left out of the results ({@link ReadableResultsSink}). A denied
     * operation fails with CIM_ERR_ACCESS_DENIED and changes nothing.
     */
    public void execute(CimRequest request, Caller caller, ResponseSink sink) throws CimException {
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(sink, "sink must not be null");
        try {
            ResponseSink out = checkAccess(request, request.namespace(), caller, sink);
            requireNamespace(request.namespace());
            dispatch(request, caller, out);
        } catch (CimException | UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("internal error in {} on namespace {}: {}", request.operationName(), request.namespace(), request, e);
            throw new CimException(CimStatus.FAILED, "internal error: " + e, e);
        }
    }

    private void dispatch(CimRequest request, Caller caller, ResponseSink sink) {
        CimNamespace ns = request.namespace();
        if (request instanceof GetClassRequest r) {
            CimClass c = requireClassAsSubject(ns, r.className());
            sink.cimClass(new ClassFilter(r.localOnly(), r.includeQualifiers(), r.includeClassOrigin(), r.propertyList()).apply(c));
        } else if (request instanceof EnumerateClassesRequest r) {
            optionalClass(ns, r.className());
            ClassFilter filter = new ClassFilter(r.localOnly(), r.includeQualifiers(), r.includeClassOrigin(), null);
            repository.classes(ns, r.className(), r.deepInheritance()).forEach(c -> sink.cimClass(filter.apply(c)));
        } else if (request instanceof EnumerateClassNamesRequest r) {
            optionalClass(ns, r.className());
            sink.classNames(repository.classNames(ns, r.className(), r.deepInheritance()));
        } else if (request instanceof CreateClassRequest r) {
            repository.createClass(ns, r.newClass());
        } else if (request instanceof ModifyClassRequest r) {
            requireClassAsSubject(ns, r.modifiedClass().name());
            requireNoProvider(ns, r.modifiedClass().name(), "modified");
            repository.modifyClass(ns, r.modifiedClass());
        } else if (request instanceof DeleteClassRequest r) {
            requireClassAsSubject(ns, r.className());
            requireNoProvider(ns, r.className(), "deleted");
            repository.deleteClass(ns, r.className());
        } else if (request instanceof GetQualifierRequest r) {
            sink.qualifierDeclaration(repository.getQualifierType(ns, r.qualifierName()));
        } else if (request instanceof SetQualifierRequest r) {
            repository.setQualifierType(ns, r.qualifierDeclaration());
        } else if (request instanceof DeleteQualifierRequest r) {
            repository.deleteQualifierType(ns, r.qualifierName());
        } else if (request instanceof EnumerateQualifiersRequest) {
            for (CimQualifierType q : repository.qualifierTypes(ns)) {
                sink.qualifierDeclaration(q);
            }
        } else if (request instanceof GetInstanceRequest r) {
            instances.getInstance(r, requireClass(ns, r.instanceName().className()), sink);
        } else if (request instanceof EnumerateInstancesRequest r) {
            instances.enumerateInstances(r, requireClass(ns, r.className()), sink);
        } else if (request instanceof EnumerateInstanceNamesRequest r) {
            instances.enumerateInstanceNames(r, requireClass(ns, r.className()), sink);
        } else if (request instanceof CreateInstanceRequest r) {
            instances.createInstance(r, requireClass(ns, r.newInstance().className()), caller, sink);
        } else if (request instanceof ModifyInstanceRequest r) {
            instances.modifyInstance(r, requireClass(ns, r.modifiedInstance().path().className()));
        } else if (request instanceof DeleteInstanceRequest r) {
            instances.deleteInstance(r, requireClass(ns, r.instanceName().className()));
        } else if (request instanceof GetPropertyRequest r) {
            instances.getProperty(r, requireClass(ns, r.instanceName().className()), sink);
        } else if (request instanceof SetPropertyRequest r) {
            instances.setProperty(r, requireClass(ns, r.instanceName().className()));
        } else if (request instanceof AssociatorsRequest r) {
            associations.associators(r, sink);
        } else if (request instanceof AssociatorNamesRequest r) {
            associations.associatorNames(r, sink);
        } else if (request instanceof ReferencesRequest r) {
            associations.references(r, sink);
        } else if (request instanceof ReferenceNamesRequest r) {
            associations.referenceNames(r, sink);
        } else if (request instanceof ExecQueryRequest r) {
            queries.execQuery(r, sink);
        } else if (request instanceof InvokeMethodRequest r) {
            methods.invoke(r, sink);
        } else if (request instanceof OpenRequest r) {
            pulls.open(r, name -> requireClass(ns, name), sink);
        } else if (request instanceof PullRequest r) {
            pulls.pull(r, sink);
        } else if (request instanceof CloseEnumerationRequest r) {
            pulls.close(r);
        } else if (request instanceof EnumerationCountRequest r) {
            pulls.count(r, sink);
        } else {
            throw new CimException(CimStatus.NOT_SUPPORTED, "Operation " + request.operationName() + " is not supported by this server yet");
        }
    }

    // ------------------------------------------------------------------ checks

    /** The rights check; the sink to write into (filtered by readable namespaces unless the caller may read all). */
    private ResponseSink checkAccess(CimRequest request, CimNamespace ns, Caller caller, ResponseSink sink) {
        if (caller.grants() == NamespaceGrants.EVERYTHING) {
            return sink;
        }
        AccessRule.require(caller, ns, AccessRule.needed(request), request.operationName());
        ObjectPath source = AccessRule.associationSource(request);
        if (source != null && source.namespace() != null) {
            AccessRule.require(caller, repository.canonicalNamespace(source.namespace()), NamespaceAccess.READ,
                    request.operationName() + " from " + source.className());
        }
        return new ReadableResultsSink(sink, caller);
    }

    private void requireNamespace(CimNamespace ns) {
        if (!repository.hasNamespace(ns)) {
            CimNamespace canonical = repository.canonicalNamespace(ns);
            throw new CimException(CimStatus.INVALID_NAMESPACE, "Namespace " + ns + (canonical.equals(ns) ? " does not exist"
                    : " is another name of " + canonical + ", which requests name once they are parsed"));
        }
    }

    /** The class an instance operation names; INVALID_CLASS if it does not exist. */
    private CimClass requireClass(CimNamespace ns, CimName className) {
        CimClass c = repository.findClass(ns, className);
        if (c == null) {
            throw new CimException(CimStatus.INVALID_CLASS, "Class " + className + " does not exist in namespace " + ns);
        }
        return c;
    }

    /** The class a class operation is about; NOT_FOUND if it does not exist. */
    private CimClass requireClassAsSubject(CimNamespace ns, CimName className) {
        CimClass c = repository.findClass(ns, className);
        if (c == null) {
            throw new CimException(CimStatus.NOT_FOUND, "Class " + className + " does not exist in namespace " + ns);
        }
        return c;
    }

    /** A class a provider serves keeps its declaration while the provider is registered (the provider relies on it). */
    private void requireNoProvider(CimNamespace ns, CimName className, String verb) {
        if (registry.provider(ns, className) != null) {
            throw new CimException(CimStatus.FAILED, "Class " + className + " in namespace " + ns
                    + " is served by a provider and cannot be " + verb);
        }
    }

    /** EnumerateClasses/EnumerateClassNames: a given ClassName must exist (INVALID_CLASS); null starts at the roots. */
    private void optionalClass(CimNamespace ns, CimName className) {
        if (className != null) {
            requireClass(ns, className);
        }
    }
}
