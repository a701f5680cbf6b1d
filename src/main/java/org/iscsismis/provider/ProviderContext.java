package org.iscsismis.provider;

import java.time.Clock;
import java.util.Objects;
import java.util.stream.Stream;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.repository.CimRepository;

/**
 * What a provider may use during one call: the target namespace, a read-only view of the
 * repository (class declarations and static instances), the server's clock and its job service.
 * Immutable and cheap; the dispatcher makes one per call.
 */
public final class ProviderContext {

    private final CimNamespace namespace;
    private final CimRepository repository;
    private final Clock clock;
    private final JobService jobs;
    private final Requester requester;

    /** A context without a job service ({@link #jobs} fails). */
    public ProviderContext(CimNamespace namespace, CimRepository repository, Clock clock) {
        this(namespace, repository, clock, null);
    }

    public ProviderContext(CimNamespace namespace, CimRepository repository, Clock clock, JobService jobs) {
        this(namespace, repository, clock, jobs, Requester.ANYONE);
    }

    public ProviderContext(CimNamespace namespace, CimRepository repository, Clock clock, JobService jobs, Requester requester) {
        this.namespace = Objects.requireNonNull(namespace, "namespace must not be null");
        this.repository = Objects.requireNonNull(repository, "repository must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.jobs = jobs;
        this.requester = Objects.requireNonNull(requester, "requester must not be null");
    }

    /**
     * Who asked. The dispatcher tells it for CreateInstance (a provider that keeps something on the client's behalf
     * records it); in other calls it is {@link Requester#ANYONE}, the dispatcher having checked the caller's rights
     * on the target namespace already.
     */
    public Requester requester() {
        return requester;
    }

    /**
     * The server's job service: start a job for long work and return its path as OUT {@code Job}
     * with return value 4096.
     *
     * @throws IllegalStateException if this context has none
     */
    public JobService jobs() {
        if (jobs == null) {
            throw new IllegalStateException("no job service in this provider context");
        }
        return jobs;
    }

    /** The namespace of the request (the namespace of the class being served). */
    public CimNamespace namespace() {
        return namespace;
    }

    /** The server's clock; inject a fixed or stepping clock in tests instead of sleeping. */
    public Clock clock() {
        return clock;
    }

    /** The resolved class {@code className} of this namespace, or null. */
    public CimClass findClass(CimName className) {
        return repository.findClass(namespace, className);
    }

    /** The resolved class {@code className} of {@code ns} (another namespace), or null. */
    public CimClass findClass(CimNamespace ns, CimName className) {
        return repository.hasNamespace(ns) ? repository.findClass(ns, className) : null;
    }

    /** True if {@code subclass} is {@code superclass} or derives from it in this namespace. */
    public boolean isSubclassOf(CimName subclass, CimName superclass) {
        return repository.isSubclassOf(namespace, subclass, superclass);
    }

    /** The static (repository) instances of {@code className}, and of its subclasses if {@code deep}. */
    public Stream<CimInstance> staticInstances(CimName className, boolean deep) {
        return repository.instances(namespace, className, deep);
    }

    /** A static (repository) instance; CimException NOT_FOUND if absent. */
    public CimInstance staticInstance(ObjectPath path) {
        return repository.getInstance(namespace, path);
    }

    /** {@code path} in this namespace (namespace set, host removed). */
    public ObjectPath local(ObjectPath path) {
        return path.withHost(null).withNamespace(namespace);
    }
}
