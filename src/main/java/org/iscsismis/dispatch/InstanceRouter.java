package org.iscsismis.dispatch;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.GetPropertyRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.ResponseSink;
import org.iscsismis.operation.SetPropertyRequest;
import org.iscsismis.provider.InstanceProvider;
import org.iscsismis.provider.Provider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.provider.registry.Route;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.ValueCoercion;

/**
 * The instance operations, routed through the registry: a single-instance operation goes to the
 * {@link InstanceProvider} of the instance's class, or to the repository when the class has no
 * provider (or its provider serves no instances); EnumerateInstances and EnumerateInstanceNames fan
 * out over the class and its subclasses ({@link Route}) and merge everything into the one response
 * stream, filtering each instance once ({@link InstanceFilter}). Holds no lock while streaming.
 *
 * <p>Provider answers are checked: an instance or path of a class other than the one asked for is
 * CIM_ERR_FAILED naming the provider (see {@link ProviderCalls}).
 */
final class InstanceRouter {

    private final CimRepository repository;
    private final ProviderRegistry registry;
    private final Clock clock;
    private final JobService jobs;
    private final ProviderCalls calls;

    InstanceRouter(CimRepository repository, ProviderRegistry registry, Clock clock, JobService jobs, ProviderCalls calls) {
        this.repository = repository;
        this.registry = registry;
        this.clock = clock;
        this.jobs = jobs;
        this.calls = calls;
    }

    /** How providers are called (with or without a timeout), for every router of the dispatcher. */
    ProviderCalls calls() {
        return calls;
    }

    /** The instance provider of exactly {@code className}, or null when the repository serves its instances. */
    InstanceProvider instanceProvider(CimNamespace ns, CimName className) {
        Provider p = registry.provider(ns, className);
        return p instanceof InstanceProvider ip ? ip : null;
    }

    /** True when no provider serves {@code className} or any of its subclasses: the repository holds all their instances. */
    boolean repositoryServes(CimNamespace ns, CimName className) {
        return registry.repositoryOnly(ns) || registry.route(ns, className).repositoryOnly();
    }

    ProviderContext context(CimNamespace ns) {
        return new ProviderContext(ns, repository, clock, jobs);
    }

    // ------------------------------------------------------------------ single instances

    /** The full instance named by {@code path} in {@code ns}, from its provider or the repository (unfiltered). */
    CimInstance fetch(CimNamespace ns, CimClass cls, ObjectPath path) {
        InstanceProvider p = instanceProvider(ns, cls.name());
        if (p == null) {
            return repository.getInstance(ns, path);
        }
        ObjectPath normalized = Paths.normalize(path, cls, ns);
        CimInstance i = calls.call(p, "GetInstance", cls.name(), () -> p.getInstance(context(ns), normalized));
        if (i == null) {
            throw ProviderCalls.contractViolation(p, "GetInstance", cls.name(), "returned null for " + normalized
                    + " (it must throw NOT_FOUND)");
        }
        checkClass(p, "GetInstance", cls, i.className());
        return i.path() == null ? i.withPath(normalized) : i;
    }

    void getInstance(GetInstanceRequest r, CimClass cls, ResponseSink sink) {
        CimInstance i = fetch(r.namespace(), cls, r.instanceName());
        InstanceFilter filter = new InstanceFilter(cls, true, r.includeQualifiers(), r.includeClassOrigin(), r.propertyList());
        sink.instance(filter.apply(i, cls));
    }

    /** CreateInstance; the provider's context names {@code caller}, for a provider that keeps things on its behalf. */
    void createInstance(CreateInstanceRequest r, CimClass cls, Caller caller, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        InstanceProvider p = instanceProvider(ns, cls.name());
        if (p == null) {
            sink.instanceName(repository.createInstance(ns, r.newInstance()).path().withoutHostAndNamespace());
            return;
        }
        ProviderContext context = new ProviderContext(ns, repository, clock, jobs, caller);
        ObjectPath created = calls.call(p, "CreateInstance", cls.name(), () -> p.createInstance(context, r.newInstance()));
        if (created == null) {
            throw ProviderCalls.contractViolation(p, "CreateInstance", cls.name(), "returned no path");
        }
        // the created instance may be of a subclass (CIM_Namespace created as the server's own namespace class)
        if (!repository.hasClass(ns, created.className()) || !repository.isSubclassOf(ns, created.className(), cls.name())) {
            checkClass(p, "CreateInstance", cls, created.className());
        }
        sink.instanceName(created.withoutHostAndNamespace());
    }

    void modifyInstance(ModifyInstanceRequest r, CimClass cls) {
        CimNamespace ns = r.namespace();
        InstanceProvider p = instanceProvider(ns, cls.name());
        if (p == null) {
            repository.modifyInstance(ns, r.modifiedInstance(), r.propertyList());
            return;
        }
        CimInstance modified = r.modifiedInstance();
        if (!modified.className().equals(modified.path().className())) {
            throw new CimException(CimStatus.INVALID_PARAMETER, "ModifiedInstance is of class " + modified.className()
                    + " but its path names class " + modified.path().className());
        }
        CimInstance typed = modified.withPath(Paths.normalize(modified.path(), cls, ns));
        calls.run(p, "ModifyInstance", cls.name(), () -> p.modifyInstance(context(ns), typed, r.propertyList()));
    }

    void deleteInstance(DeleteInstanceRequest r, CimClass cls) {
        CimNamespace ns = r.namespace();
        InstanceProvider p = instanceProvider(ns, cls.name());
        if (p == null) {
            repository.deleteInstance(ns, r.instanceName());
            return;
        }
        ObjectPath path = Paths.normalize(r.instanceName(), cls, ns);
        calls.run(p, "DeleteInstance", cls.name(), () -> p.deleteInstance(context(ns), path));
    }

    void getProperty(GetPropertyRequest r, CimClass cls, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        if (instanceProvider(ns, cls.name()) == null) {
            sink.propertyValue(repository.getProperty(ns, r.instanceName(), r.propertyName()));
            return;
        }
        CimInstance i = fetch(ns, cls, r.instanceName());
        CimProperty declared = cls.property(r.propertyName());
        if (declared == null) {
            throw new CimException(CimStatus.NO_SUCH_PROPERTY, "Class " + cls.name() + " has no property " + r.propertyName());
        }
        CimValue v = i.value(r.propertyName());
        sink.propertyValue(v == null ? CimValue.nullOf(declared.type()) : v);
    }

    void setProperty(SetPropertyRequest r, CimClass cls) {
        CimNamespace ns = r.namespace();
        InstanceProvider p = instanceProvider(ns, cls.name());
        if (p == null) {
            repository.setProperty(ns, r.instanceName(), r.propertyName(), r.newValue());
            return;
        }
        CimProperty declared = cls.property(r.propertyName());
        if (declared == null) {
            throw new CimException(CimStatus.NO_SUCH_PROPERTY, "Class " + cls.name() + " has no property " + r.propertyName());
        }
        ObjectPath path = Paths.normalize(r.instanceName(), cls, ns);
        CimValue v = ValueCoercion.coerce(r.newValue(), declared.type(), "property " + declared.name() + " of class " + cls.name(),
                CimStatus.TYPE_MISMATCH);
        CimInstance modified = new CimInstance(cls.name(), path, List.of(new CimProperty(declared.name(), declared.type(), v,
                List.of(), null, false)), List.of());
        calls.run(p, "SetProperty", cls.name(), () -> p.modifyInstance(context(ns), modified, List.of(declared.name())));
    }

    // ------------------------------------------------------------------ enumerations

    void enumerateInstances(EnumerateInstancesRequest r, CimClass requested, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        InstanceFilter filter = new InstanceFilter(requested, r.deepInheritance(), r.includeQualifiers(),
                r.includeClassOrigin(), r.propertyList());
        if (registry.repositoryOnly(ns)) {
            repositoryInstances(ns, requested, true, filter, sink);
            return;
        }
        Route route = registry.route(ns, requested.name());
        if (route.repositoryOnly()) {
            repositoryInstances(ns, requested, true, filter, sink);
            return;
        }
        for (Route.Entry e : route.entries()) {
            CimClass cls = repository.findClass(ns, e.className());
            if (cls == null) {
                continue; // deleted meanwhile
            }
            if (e.provider() instanceof InstanceProvider p) {
                calls.stream(p, "EnumerateInstances", cls.name(), (CimInstance i) -> {
                    checkClass(p, "EnumerateInstances", cls, i.className());
                    CimInstance withPath = i.path() != null ? i : i.withPath(i.pathFrom(cls, ns));
                    sink.namedInstance(filter.applyWithLocalPath(withPath, cls));
                }, guarded -> p.enumerateInstances(context(ns), cls.name(), guarded));
            } else {
                repositoryInstances(ns, cls, false, filter, sink);
            }
        }
    }

    private void repositoryInstances(CimNamespace ns, CimClass cls, boolean deep, InstanceFilter filter, ResponseSink sink) {
        // Not Iterator.forEachRemaining, whose calls every iterator of the process shares (the JIT could inline neither
        // next() nor the sink there): InstanceBatches' loop, shared only with ExecQuery, hands them over in batches.
        InstanceBatches.drain(new FilteredRepositoryInstances(repository, ns, cls, deep, filter), UnaryOperator.identity(),
                sink::namedInstances);
    }

    void enumerateInstanceNames(EnumerateInstanceNamesRequest r, CimClass requested, ResponseSink sink) {
        CimNamespace ns = r.namespace();
        if (registry.repositoryOnly(ns)) {
            repositoryNames(ns, requested.name(), true, sink);
            return;
        }
        Route route = registry.route(ns, requested.name());
        if (route.repositoryOnly()) {
            repositoryNames(ns, requested.name(), true, sink);
            return;
        }
        for (Route.Entry e : route.entries()) {
            CimClass cls = repository.findClass(ns, e.className());
            if (cls == null) {
                continue;
            }
            if (e.provider() instanceof InstanceProvider p) {
                calls.stream(p, "EnumerateInstanceNames", cls.name(), (ObjectPath path) -> {
                    if (path == null) {
                        throw ProviderCalls.contractViolation(p, "EnumerateInstanceNames", cls.name(), "delivered a null path");
                    }
                    checkClass(p, "EnumerateInstanceNames", cls, path.className());
                    sink.instanceName(path.withoutHostAndNamespace());
                }, guarded -> p.enumerateInstanceNames(context(ns), cls.name(), guarded));
            } else {
                repositoryNames(ns, cls.name(), false, sink);
            }
        }
    }

    private void repositoryNames(CimNamespace ns, CimName className, boolean deep, ResponseSink sink) {
        Iterator<CimInstance> it = repository.instanceIterator(ns, className, deep);
        while (it.hasNext()) {
            sink.instanceName(it.next().path().withoutHostAndNamespace());
        }
    }

    /** CIM_ERR_FAILED unless a provider's answer is of exactly the class it was asked about. */
    static void checkClass(Provider p, String operation, CimClass expected, CimName actual) {
        if (!expected.name().equals(actual)) {
            throw ProviderCalls.contractViolation(p, operation, expected.name(), "returned an instance of class " + actual
                    + ", but was asked for class " + expected.name());
        }
    }
}
