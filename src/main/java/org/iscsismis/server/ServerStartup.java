package org.iscsismis.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.cimxml.EncodedInstances;
import org.iscsismis.console.ConsoleHandler;
import org.iscsismis.dispatch.Caller;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.dispatch.MemoryBudget;
import org.iscsismis.dispatch.NamespaceGrants;
import org.iscsismis.http.AccessControl;
import org.iscsismis.http.CimOperationHandler;
import org.iscsismis.indication.DeliveryScheduler;
import org.iscsismis.indication.IndicationNames;
import org.iscsismis.indication.IndicationService;
import org.iscsismis.indication.IndicationSetup;
import org.iscsismis.interop.InteropNames;
import org.iscsismis.interop.InteropSetup;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.DiskStorage;
import org.iscsismis.iscsi.provider.IscsiDemo;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.iscsi.target.VolumeIdentity;
import org.iscsismis.iscsi.target.login.ChapSecrets;
import org.iscsismis.provider.Requester;
import org.iscsismis.provider.job.JobProviders;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.store.DataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of the server, phase by phase: the files that can be wrong, the model (schema), storage and recovery,
 * the providers, the indication service, the dispatcher, the network endpoints (iSCSI portal, HTTP and HTTPS). Each
 * phase is a method filling the fields the later ones use; if one fails, what the earlier ones started is closed. Used
 * once, by {@link IscsiSmisServer#start}.
 */
final class ServerStartup {

    /** The start-up lines keep the server's logger name, as operators and docs/operations.md know them. */
    private static final Logger LOG = LoggerFactory.getLogger(IscsiSmisServer.class);

    private final ServerConfig config;
    private final IscsiSmisServer.ProviderSetup setup;
    private final Clock clock;
    private final DeliveryScheduler indicationTime;

    private AccessControl access;
    private Supplier<ChapSecrets> chap;
    private TlsKeystore keystore;
    private CimRepository repository;
    private ProviderRegistry registry;
    private boolean iscsiTarget;
    private String targetName;
    private DataStore store;
    private IscsiTarget target;
    private MemoryBudget memory;
    private JobService jobs;
    private IndicationService indications;
    private Dispatcher dispatcher;
    private Handler handlers;
    private IscsiPortal portal;
    private HttpEndpoint endpoint;
    /** The endpoint once it listens: the interop providers list its URLs (none before). */
    private final AtomicReference<HttpEndpoint> listening = new AtomicReference<>();

    ServerStartup(ServerConfig config, IscsiSmisServer.ProviderSetup setup, Clock clock, DeliveryScheduler indicationTime) {
        this.config = config;
        this.setup = setup;
        this.clock = clock;
        this.indicationTime = indicationTime;
    }

    /** Runs every phase and logs "Started in N ms: schema …, providers …, HTTP …". */
    IscsiSmisServer run() {
        config.checkBindingAllowed();
        long started = System.nanoTime();
        readFiles();
        loadSchema();
        long schemaLoaded = System.nanoTime();
        openStorage();
        long providersReady;
        try {
            registerProviders();
            startIndications();
            registerInteropAndTheRest();
            buildDispatcher();
            providersReady = System.nanoTime();
            startEndpoints();
        } catch (RuntimeException e) {
            closeAfterFailure();
            throw e;
        }
        LOG.info("Started in {} ms: schema {} ms, providers{} {} ms, HTTP {} ms", millis(started, System.nanoTime()),
                millis(started, schemaLoaded), config.demoEnabled() ? " and demo" : "", millis(schemaLoaded, providersReady),
                millis(providersReady, System.nanoTime()));
        LOG.debug("Listening on {}/cimom{} ({}, namespaces {})", endpoint.url(),
                keystore != null ? " and " + endpoint.httpsUrl() + "/cimom" : "",
                access.authenticator().required() ? "HTTP Basic authentication" : "no authentication",
                IscsiSmisServer.NAMESPACES);
        return new IscsiSmisServer(config, repository, endpoint, target, portal, dispatcher, keystore, indications, store);
    }

    /** Accounts, CHAP secrets and the TLS keystore: a bad file stops the start before anything runs. */
    private void readFiles() {
        access = Accounts.accessControl(config);
        chap = config.iscsiEnabled() ? IscsiChap.secrets(config) : ChapSecrets::none;
        keystore = config.httpsEnabled() ? TlsKeystore.load(config) : null;
    }

    /** The model: the repository compiled from the MOF directory, with every namespace of DESIGN.md. */
    private void loadSchema() {
        repository = new CimRepository();
        SchemaLoader.load(config.mofDirectory() != null ? config.mofDirectory() : SchemaLoader.embeddedMofDirectory(),
                repository);
        for (CimNamespace namespace : IscsiSmisServer.NAMESPACES) {
            if (!repository.hasNamespace(namespace)) {
                throw new ConfigurationException("the schema defines no namespace " + namespace
                        + " (expected a root file for it in the MOF directory)");
            }
        }
    }

    /** Storage: the data directory (or temporary disks), the iSCSI target's engine on it, the job service. */
    private void openStorage() {
        registry = new ProviderRegistry(repository);
        targetName = config.iscsiTargetName(StorageElements.SYSTEM_NAME);
        store = config.dataDirectory() == null ? null
                : DataStore.open(config.dataDirectory(), config.storageMinFreeBytes());
        target = new IscsiTarget(store != null ? store.disks() : DiskRegistry.on(diskStorage(config)),
                EngineConfig.defaults(), new VolumeIdentity(targetName));
        memory = new MemoryBudget(config.memoryBudgetBytes());
        jobs = new JobService(repository, clock, JobService.DEFAULT_THREADS, JobService.DEFAULT_QUEUE,
                config.jobsMaxFinished());
        iscsiTarget = IscsiTarget.schemaHasClasses(repository);
    }

    /** Where virtual disks keep their data: the heap, or sparse files in a temporary directory. */
    private static DiskStorage diskStorage(ServerConfig config) {
        DiskStorage storage = config.heapMedium() ? DiskStorage.heap(config.storageMaxHeapBytes())
                : DiskStorage.temporaryFiles(config.storageMinFreeBytes());
        LOG.info("No data directory (data.dir): disk data {}, and nothing is kept across restarts", storage.description());
        return storage;
    }

    /** Recovery of the engine and the jobs from the data directory, then the iSCSI target's providers and the demo. */
    private void registerProviders() {
        FaultInjectionSchema.apply(config, repository, iscsiTarget);
        if (store != null) {
            store.recoverPairs(target.engine());
            store.recoverJobs(jobs);
            store.recoverMasking(target.masking());
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
    }

    /** The indication service, or none (with a warning) when the interop namespace lacks its classes. */
    private void startIndications() {
        if (!IndicationNames.CLASSES.stream().allMatch(c -> repository.hasClass(InteropNames.NAMESPACE, c))) {
            LOG.warn("The schema lacks indication classes {}: no indication service", IndicationNames.CLASSES);
            indicationTime.close();
            return;
        }
        indications = new IndicationService(repository, InteropSetup.systemPath(InteropRegistration.identity()),
                config.indicationSettings(), indicationTime);
    }

    /**
     * The interop providers, the indication providers, the caller's setup, the read-only rest of the target's classes;
     * then the repository's own changes from the data directory (after the providers: what they serve was never
     * recorded).
     */
    private void registerInteropAndTheRest() {
        InteropRegistration.register(config, access.authenticator().required(), () -> accessPoints(listening.get()),
                repository, registry, iscsiTarget, indications != null);
        if (indications != null) {
            IndicationSetup.register(indications, repository, registry, jobs);
        }
        setup.configure(repository, registry);
        if (iscsiTarget) {
            LOG.debug("Read-only, no instances yet: {}", IscsiTarget.registerReadOnlyRest(repository, registry));
        }
        if (store != null) {
            store.recoverRepository(repository);
            if (indications != null) { // after the repository: a filter may look at a class a client created
                store.recoverSubscriptions(indications, user -> creator(access, user));
            }
        }
    }

    /** The caller a kept subscription's creator is now; a user no longer known may read nothing. */
    private static Requester creator(AccessControl access, String user) {
        Caller caller = access.authenticator().caller(user);
        return caller != null ? caller : new Caller(user, NamespaceGrants.NOTHING);
    }

    /** The dispatcher, and the two handlers that reach it: the web console and the CIM-XML operations. */
    private void buildDispatcher() {
        dispatcher = new Dispatcher(repository, registry, clock, jobs, config.providerTimeout(), config.pullLimits(), memory);
        EncodedInstances encoded = EncodedInstances.withBudget(config.encodedInstancesBytes());
        repository.addInstanceListener(new ForgetChangedInstances(encoded));
        CimOperationHandler handler = new CimOperationHandler(dispatcher, new CimXmlRequestReader(repository::canonicalNamespace),
                config.httpLimits(), access, memory, encoded);
        ConsoleHandler console = new ConsoleHandler(new DispatcherConsoleAccess(access, dispatcher));
        handlers = new Handler.Sequence(console, handler);
    }

    /** The network endpoints: the iSCSI portal (unless iscsi.enabled is false), then HTTP and HTTPS. */
    private void startEndpoints() {
        if (config.iscsiEnabled()) {
            portal = IscsiPortal.start(address(config.bind()), config.iscsiPort(),
                    config.iscsiSettings(targetName, ServerVersion.current().replaceFirst("^(\\d+\\.\\d+).*", "$1")),
                    target.engine(), chap, IscsiChap.guard(config));
            target.masking().attach(portal);
        }
        endpoint = HttpEndpoint.start(config, handlers, keystore);
        listening.set(endpoint);
    }

    /** Closes what the phases so far started, so a failed start leaves no thread, port or file open. */
    private void closeAfterFailure() {
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
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigurationException(ServerConfig.HTTP_BIND + ": cannot resolve \"" + bind + "\"");
        }
    }

    /** The URLs the endpoint listens on (none before it listens). */
    private static List<URI> accessPoints(HttpEndpoint endpoint) {
        if (endpoint == null) {
            return List.of();
        }
        URI https = endpoint.httpsUrl();
        return https == null ? List.of(endpoint.url()) : List.of(endpoint.url(), https);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
