package org.iscsismis.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.console.ConsoleAccess;
import org.iscsismis.console.ConsoleHandler;
import org.iscsismis.console.ConsoleUser;
import org.iscsismis.dispatch.Caller;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.dispatch.MemoryBudget;
import org.iscsismis.http.AccessControl;
import org.iscsismis.http.Authenticator;
import org.iscsismis.http.CimOperationHandler;
import org.iscsismis.indication.DeliveryScheduler;
import org.iscsismis.indication.IndicationNames;
import org.iscsismis.indication.IndicationService;
import org.iscsismis.indication.IndicationSetup;
import org.iscsismis.interop.CimXmlAccess;
import org.iscsismis.interop.FunctionalProfile;
import org.iscsismis.interop.InteropNames;
import org.iscsismis.interop.InteropSetup;
import org.iscsismis.interop.ServerIdentity;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.DiskStorage;
import org.iscsismis.iscsi.provider.IscsiDemo;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.iscsi.target.VolumeIdentity;
import org.iscsismis.iscsi.target.login.ChapSecrets;
import org.iscsismis.provider.job.JobProviders;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.store.DataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server: the repository with its namespaces, the dispatcher, and the HTTP endpoint.
 * The only place that names the concrete implementations.
 *
 * <pre>{@code
 * try (IscsiSmisServer server = IscsiSmisServer.start(ServerConfig.defaults().withHttpPort(0))) {
 *     URI cimom = server.url().resolve("/cimom");
 * }
 * }</pre>
 */
public final class IscsiSmisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IscsiSmisServer.class);

    /** The namespaces created at start-up (DESIGN.md). */
    public static final List<CimNamespace> NAMESPACES = List.of(
            CimNamespace.of("root/cimv2"),
            CimNamespace.of("root/interop"),
            CimNamespace.of("root/cimv2/storage/iscsitarget"));

    /** The product name the interop namespace reports. */
    static final String PRODUCT = "iscsi-smis";

    private final ServerConfig config;
    private final CimRepository repository;
    private final HttpEndpoint endpoint;
    private final IscsiTarget target;
    private final Dispatcher dispatcher;
    private final TlsKeystore keystore;
    private final IndicationService indications;
    private final IscsiPortal portal;
    private final DataStore store;
    private boolean closed; // guarded by this

    private IscsiSmisServer(ServerConfig config, CimRepository repository, HttpEndpoint endpoint, IscsiTarget target,
                            IscsiPortal portal, Dispatcher dispatcher, TlsKeystore keystore, IndicationService indications,
                            DataStore store) {
        this.portal = portal;
        this.store = store;
        this.dispatcher = dispatcher;
        this.keystore = keystore;
        this.indications = indications;
        this.config = config;
        this.repository = repository;
        this.endpoint = endpoint;
        this.target = target;
    }

    /**
     * Builds the repository and dispatcher and starts listening.
     *
     * @throws ConfigurationException          if the configuration may not be served (non-loopback without auth)
     * @throws java.io.UncheckedIOException    if the address cannot be bound
     */
    public static IscsiSmisServer start(ServerConfig config) {
        return start(config, (repository, registry) -> { });
    }

    /**
     * What runs after the schema is loaded and before the server listens: registers providers (and,
     * in tests, may add the classes they serve to the repository first). The server's own providers
     * are registered here too once they exist.
     */
    @FunctionalInterface
    public interface ProviderSetup {
        void configure(CimRepository repository, ProviderRegistry registry);
    }

    /**
     * Like {@link #start(ServerConfig)}, calling {@code setup} to register providers before listening.
     *
     * @throws IllegalArgumentException if {@code setup} registers a provider the registry refuses
     */
    public static IscsiSmisServer start(ServerConfig config, ProviderSetup setup) {
        return start(config, setup, Clock.systemUTC());
    }

    /**
     * Like {@link #start(ServerConfig, ProviderSetup)} on {@code clock}: the dispatcher's and the job service's time
     * (job times and removal after TimeBeforeRemoval, pull timeouts). Tests pass a clock they step.
     */
    public static IscsiSmisServer start(ServerConfig config, ProviderSetup setup, Clock clock) {
        return start(config, setup, clock, DeliveryScheduler.realTime());
    }

    /**
     * Like {@link #start(ServerConfig, ProviderSetup)}, with indication deliveries timed by {@code indicationTime} (tests
     * step it by hand to drive retries). The server closes it.
     */
    public static IscsiSmisServer start(ServerConfig config, ProviderSetup setup, DeliveryScheduler indicationTime) {
        return start(config, setup, Clock.systemUTC(), indicationTime);
    }

    /** On {@code clock} (jobs, pull timeouts) with indication deliveries timed by {@code indicationTime}. */
    public static IscsiSmisServer start(ServerConfig config, ProviderSetup setup, Clock clock, DeliveryScheduler indicationTime) {
        config.checkBindingAllowed();
        long started = System.nanoTime();
        AccessControl access = Accounts.accessControl(config);
        Supplier<ChapSecrets> chap = config.iscsiEnabled() ? IscsiChap.secrets(config) : ChapSecrets::none; // a bad file stops the start at once
        TlsKeystore keystore = config.httpsEnabled() ? TlsKeystore.load(config) : null;
        CimRepository repository = new CimRepository();
        SchemaLoader.load(config.mofDirectory() != null ? config.mofDirectory() : SchemaLoader.embeddedMofDirectory(),
                repository);
        for (CimNamespace namespace : NAMESPACES) {
            if (!repository.hasNamespace(namespace)) {
                throw new ConfigurationException("the schema defines no namespace " + namespace
                        + " (expected a root file for it in the MOF directory)");
            }
        }
        long schemaLoaded = System.nanoTime();
        ProviderRegistry registry = new ProviderRegistry(repository);
        String targetName = config.iscsiTargetName(StorageElements.SYSTEM_NAME);
        DataStore store = config.dataDirectory() == null ? null
                : DataStore.open(config.dataDirectory(), config.storageMinFreeBytes());
        IscsiTarget target = new IscsiTarget(store != null ? store.disks() : DiskRegistry.on(diskStorage(config)),
                EngineConfig.defaults(), new VolumeIdentity(targetName));
        IscsiPortal portal = null;
        MemoryBudget memory = new MemoryBudget(config.memoryBudgetBytes());
        HttpEndpoint endpoint;
        AtomicReference<HttpEndpoint> listening = new AtomicReference<>();
        Dispatcher dispatcher = null;
        IndicationService indications = null;
        JobService jobs = new JobService(repository, clock, JobService.DEFAULT_THREADS, JobService.DEFAULT_QUEUE,
                config.jobsMaxFinished());
        long providersReady;
        boolean iscsiTarget = IscsiTarget.schemaHasClasses(repository);
        try {
            FaultInjectionSchema.apply(config, repository, iscsiTarget);
            if (store != null) {
                store.recoverPairs(target.engine());
                store.recoverJobs(jobs);
            }
            if (iscsiTarget) {
                target.register(registry, config.indicationSettings().progressStepPercent());
                if (config.faultsEnabled()) {
                    target.registerFaultInjection(registry);
                }
                if (config.demoEnabled() && (store == null || store.isNew())) {
                    IscsiDemo.Content demo = IscsiDemo.populate(target.engine());
                    IscsiDemo.exposeHost(target.masking(), demo);
                    LOG.debug("Demo target: {} pools, {} disks, {} replication pairs", target.disks().pools().size(),
                            target.disks().disks().size(), target.engine().pairs().size());
                }
            } else {
                LOG.warn("The schema lacks the MSISCSITARGET_* classes {}: the iSCSI target providers are not registered",
                        IscsiTarget.CLASSES);
            }
            JobProviders.register(repository, registry);
            indications = indicationService(config, repository, indicationTime);
            registerInterop(config, access.authenticator().required(), () -> accessPoints(listening.get()), repository, registry,
                    iscsiTarget, indications != null);
            if (indications != null) {
                IndicationSetup.register(indications, repository, registry, jobs);
            }
            setup.configure(repository, registry);
            if (iscsiTarget) {
                LOG.debug("Read-only, no instances yet: {}", IscsiTarget.registerReadOnlyRest(repository, registry));
            }
            if (store != null) {
                store.recoverRepository(repository); // after the providers: what they serve was never recorded
            }
            dispatcher = new Dispatcher(repository, registry, clock, jobs, config.providerTimeout(), config.pullLimits(), memory);
            CimOperationHandler handler = new CimOperationHandler(dispatcher, new CimXmlRequestReader(repository::canonicalNamespace),
                    config.httpLimits(), access, memory);
            ConsoleHandler console = new ConsoleHandler(consoleAccess(access, dispatcher));
            providersReady = System.nanoTime();
            if (config.iscsiEnabled()) {
                portal = IscsiPortal.start(address(config.bind()), config.iscsiPort(),
                        config.iscsiSettings(targetName, ServerVersion.current().replaceFirst("^(\\d+\\.\\d+).*", "$1")),
                        target.engine(), chap, IscsiChap.guard(config));
                target.masking().attach(portal);
            }
            endpoint = HttpEndpoint.start(config, new Handler.Sequence(console, handler), keystore);
            listening.set(endpoint);
        } catch (RuntimeException e) {
            if (portal != null) {
                portal.close();
            }
            target.close();
            if (store != null) {
                store.close();
            }
            if (dispatcher != null) {
                dispatcher.close();
            }
            jobs.close();
            if (indications != null) {
                indications.close();
            } else {
                indicationTime.close();
            }
            throw e;
        }
        LOG.info("Started in {} ms: schema {} ms, providers{} {} ms, HTTP {} ms", millis(started, System.nanoTime()),
                millis(started, schemaLoaded), config.demoEnabled() ? " and demo" : "", millis(schemaLoaded, providersReady),
                millis(providersReady, System.nanoTime()));
        LOG.debug("Listening on {}/cimom{} ({}, namespaces {})", endpoint.url(),
                keystore != null ? " and " + endpoint.httpsUrl() + "/cimom" : "",
                access.authenticator().required() ? "HTTP Basic authentication" : "no authentication", NAMESPACES);
        return new IscsiSmisServer(config, repository, endpoint, target, portal, dispatcher, keystore, indications, store);
    }

    /** Where virtual disks keep their data: the heap, or sparse files in a temporary directory. */
    private static DiskStorage diskStorage(ServerConfig config) {
        DiskStorage storage = config.heapMedium() ? DiskStorage.heap(config.storageMaxHeapBytes())
                : DiskStorage.temporaryFiles(config.storageMinFreeBytes());
        LOG.info("No data directory (data.dir): disk data {}, and nothing is kept across restarts", storage.description());
        return storage;
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigurationException(ServerConfig.HTTP_BIND + ": cannot resolve \"" + bind + "\"");
        }
    }

    /** The indication service, or null (with a warning) when the interop namespace lacks its classes. */
    private static IndicationService indicationService(ServerConfig config, CimRepository repository, DeliveryScheduler time) {
        if (!IndicationNames.CLASSES.stream().allMatch(c -> repository.hasClass(InteropNames.NAMESPACE, c))) {
            LOG.warn("The schema lacks indication classes {}: no indication service", IndicationNames.CLASSES);
            time.close();
            return null;
        }
        return new IndicationService(repository, InteropSetup.systemPath(identity()), config.indicationSettings(), time);
    }

    private static ServerIdentity identity() {
        return new ServerIdentity(PRODUCT, ServerVersion.current(), PRODUCT + " project", StorageElements.SYSTEM_NAME);
    }

    /** The DSP0200 operation groups the dispatcher implements (pulled reads and their count, queries traditional and pulled). */
    static final Set<FunctionalProfile> FUNCTIONAL_PROFILES = Set.of(FunctionalProfile.BASIC_READ, FunctionalProfile.BASIC_WRITE,
            FunctionalProfile.SCHEMA_MANIPULATION, FunctionalProfile.INSTANCE_MANIPULATION,
            FunctionalProfile.ASSOCIATION_TRAVERSAL, FunctionalProfile.QUALIFIER_DECLARATION, FunctionalProfile.PULLED_READ,
            FunctionalProfile.PULLED_READ_COUNT, FunctionalProfile.QUERY_EXECUTION, FunctionalProfile.PULLED_QUERY_EXECUTION);

    /**
     * The other name of {@code root/interop}, if one is configured, and the interop providers: the object manager,
     * the namespaces and the SMI-S profiles with their central instances (the storage ones only with the iSCSI
     * target).
     */
    private static void registerInterop(ServerConfig config, boolean authentication, Supplier<List<URI>> accessPoints,
                                        CimRepository repository, ProviderRegistry registry, boolean iscsiTarget,
                                        boolean indications) {
        config.interopAlias().ifPresent(alias -> {
            try {
                repository.addNamespaceAlias(alias, InteropNames.NAMESPACE);
            } catch (CimException e) {
                throw new ConfigurationException(ServerConfig.INTEROP_ALIAS + ": " + e.getMessage());
            }
        });
        if (!InteropNames.CLASSES.stream().allMatch(c -> repository.hasClass(InteropNames.NAMESPACE, c))) {
            LOG.warn("The schema lacks interop classes {}: the interop providers are not registered", InteropNames.CLASSES);
            return;
        }
        ServerIdentity identity = identity();
        ObjectPath indicationService = indications ? IndicationSetup.servicePath(InteropSetup.systemPath(identity)) : null;
        Set<FunctionalProfile> operations = new HashSet<>(FUNCTIONAL_PROFILES);
        if (indications) {
            operations.add(FunctionalProfile.INDICATIONS);
        }
        new InteropSetup(identity, new CimXmlAccess(operations, authentication,
                config.pullLimits().maxTimeout().toSeconds(), accessPoints),
                new RepositoryNamespaces(repository, registry), ServerProfiles.of(identity, iscsiTarget, indicationService),
                indicationService == null ? List.of() : List.of(indicationService)).register(registry);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** The URLs the endpoint listens on (none before it listens). */
    private static List<URI> accessPoints(HttpEndpoint endpoint) {
        if (endpoint == null) {
            return List.of();
        }
        URI https = endpoint.httpsUrl();
        return https == null ? List.of(endpoint.url()) : List.of(endpoint.url(), https);
    }

    /** The web console admits whom the CIM endpoint admits, and runs their operations through the same dispatcher. */
    private static ConsoleAccess consoleAccess(AccessControl access, Dispatcher dispatcher) {
        return new ConsoleAccess() {
            @Override
            public String realm() {
                return Authenticator.REALM;
            }

            @Override
            public ConsoleUser login(String authorizationHeader, String clientAddress) {
                Caller caller = access.login(authorizationHeader, clientAddress);
                return caller == null ? null
                        : new ConsoleUser(caller.name(), (request, sink) -> dispatcher.execute(request, caller, sink));
            }

            @Override
            public long retryAfterSeconds(String clientAddress) {
                return access.throttle().retryAfterSeconds(clientAddress);
            }

            @Override
            public boolean allowsHost(String hostHeader) {
                return access.authenticator().required() || access.hosts().allows(hostHeader);
            }
        };
    }

    /** The iSCSI portal, or null when iscsi.enabled is false. */
    public IscsiPortal portal() {
        return portal;
    }

    /** The indication service (subscriptions and delivery), or null if the schema has no indication classes. */
    public IndicationService indications() {
        return indications;
    }

    /** HTTP connections open now (tests check that abusive clients leave none behind). */
    public int openConnections() {
        return endpoint.openConnections();
    }

    /** The bound port (the configured one, or the one picked for port 0). */
    public int httpPort() {
        return endpoint.port();
    }

    /** {@code http://127.0.0.1:PORT} (the bound address; 127.0.0.1 when listening on all addresses). */
    public URI url() {
        return endpoint.url();
    }

    /** {@code https://127.0.0.1:PORT} like {@link #url()}, or null when HTTPS is off. */
    public URI httpsUrl() {
        return endpoint.httpsUrl();
    }

    /** The bound HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        return endpoint.httpsPort();
    }

    /** The HTTPS certificate (null when HTTPS is off): clients pin it, tests trust it. */
    public X509Certificate certificate() {
        return keystore == null ? null : keystore.certificate();
    }

    /** The SHA-256 fingerprint of the HTTPS certificate, {@code AB:CD:...}, or null when HTTPS is off. */
    public String certificateFingerprint() {
        return keystore == null ? null : keystore.fingerprint();
    }

    /** Where the HTTPS certificate comes from, for the start-up message; null when HTTPS is off. */
    String certificateSource() {
        return keystore == null ? null : (keystore.generated() ? "self-signed, " : "") + keystore.source();
    }

    public CimRepository repository() {
        return repository;
    }

    /** The dispatcher serving the CIM-XML endpoint (tests watch its open enumeration contexts). */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The simulated iSCSI target (disks and replication engine) behind the MSISCSITARGET_* providers. */
    public IscsiTarget target() {
        return target;
    }

    public ServerConfig config() {
        return config;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        endpoint.join();
    }

    /**
     * Stops gracefully: no new connections, requests in progress finish within http.shutdownTimeoutMs; then the iSCSI
     * sessions are closed and the replication engine stops (after both, so no request still reaches it). Idempotent;
     * a second caller waits until the first has finished.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (endpoint.isRunning()) {
            LOG.info("Stopping");
            endpoint.close();
        }
        if (portal != null) {
            portal.close();
        }
        dispatcher.jobs().setLog(null); // jobs the engine's closing ends stay recorded as running: interrupted at the restart
        target.close();
        dispatcher.close();
        dispatcher.jobs().close();
        if (indications != null) {
            indications.close();
        }
        if (store != null) {
            store.close();
        }
        closed = true;
    }
}
