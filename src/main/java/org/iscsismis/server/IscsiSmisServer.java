package org.iscsismis.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cimxml.CimXmlRequestReader;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.http.Authenticator;
import org.iscsismis.http.BasicAuthenticator;
import org.iscsismis.http.CimOperationHandler;
import org.iscsismis.interop.CimXmlAccess;
import org.iscsismis.interop.FunctionalProfile;
import org.iscsismis.interop.InteropNames;
import org.iscsismis.interop.InteropSetup;
import org.iscsismis.interop.ServerIdentity;
import org.iscsismis.iscsi.provider.IscsiDemo;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.iscsi.provider.StorageElements;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.iscsi.target.VolumeIdentity;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.provider.job.JobProviders;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
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
    private final IscsiPortal portal;
    private final Dispatcher dispatcher;

    private IscsiSmisServer(ServerConfig config, CimRepository repository, HttpEndpoint endpoint, IscsiTarget target,
                            IscsiPortal portal, Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.config = config;
        this.repository = repository;
        this.endpoint = endpoint;
        this.target = target;
        this.portal = portal;
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
        config.checkBindingAllowed();
        long started = System.nanoTime();
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
        IscsiTarget target = new IscsiTarget(new DiskRegistry(), EngineConfig.defaults(), new VolumeIdentity(targetName));
        IscsiPortal portal = null;
        HttpEndpoint endpoint;
        Dispatcher dispatcher = null;
        long providersReady;
        boolean iscsiTarget = IscsiTarget.schemaHasClasses(repository);
        try {
            if (iscsiTarget) {
                target.register(registry);
                if (config.demoEnabled()) {
                    IscsiDemo.populate(target.engine());
                    LOG.debug("Demo target: {} pools, {} disks, {} replication pairs", target.disks().pools().size(),
                            target.disks().disks().size(), target.engine().pairs().size());
                }
            } else {
                LOG.warn("The schema lacks the MSISCSITARGET_* classes {}: the iSCSI target providers are not registered",
                        IscsiTarget.CLASSES);
            }
            JobProviders.register(repository, registry);
            registerInterop(config, repository, registry, iscsiTarget);
            setup.configure(repository, registry);
            Clock clock = Clock.systemUTC();
            dispatcher = new Dispatcher(repository, registry, clock, new JobService(repository, clock), config.providerTimeout(),
                    config.pullLimits());
            CimOperationHandler handler = new CimOperationHandler(dispatcher, new CimXmlRequestReader(), config.httpLimits(),
                    authenticator(config.users()));
            providersReady = System.nanoTime();
            if (config.iscsiEnabled()) {
                portal = IscsiPortal.start(address(config.bind()), config.iscsiPort(),
                        config.iscsiSettings(targetName, ServerVersion.current().replaceFirst("^(\\d+\\.\\d+).*", "$1")), target.engine());
            }
            endpoint = HttpEndpoint.start(config, handler);
        } catch (RuntimeException e) {
            if (portal != null) {
                portal.close();
            }
            target.close();
            if (dispatcher != null) {
                dispatcher.close();
                dispatcher.jobs().close();
            }
            throw e;
        }
        LOG.info("Started in {} ms: schema {} ms, providers{} {} ms, HTTP {} ms", millis(started, System.nanoTime()),
                millis(started, schemaLoaded), config.demoEnabled() ? " and demo" : "", millis(schemaLoaded, providersReady),
                millis(providersReady, System.nanoTime()));
        LOG.debug("Listening on {}/cimom ({}, namespaces {})", endpoint.url(),
                config.users().isEmpty() ? "no authentication" : "HTTP Basic authentication", NAMESPACES);
        return new IscsiSmisServer(config, repository, endpoint, target, portal, dispatcher);
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigurationException(ServerConfig.HTTP_BIND + ": cannot resolve \"" + bind + "\"");
        }
    }

    /** The DSP0200 operation groups the dispatcher implements (no queries or indications yet; pulled reads and their count). */
    static final Set<FunctionalProfile> FUNCTIONAL_PROFILES = Set.of(FunctionalProfile.BASIC_READ, FunctionalProfile.BASIC_WRITE,
            FunctionalProfile.SCHEMA_MANIPULATION, FunctionalProfile.INSTANCE_MANIPULATION,
            FunctionalProfile.ASSOCIATION_TRAVERSAL, FunctionalProfile.QUALIFIER_DECLARATION, FunctionalProfile.PULLED_READ,
            FunctionalProfile.PULLED_READ_COUNT);

    /**
     * {@code interop} as another name of {@code root/interop}, and the interop providers: the object manager, the
     * namespaces and the SMI-S profiles with their central instances (the storage ones only with the iSCSI target).
     */
    private static void registerInterop(ServerConfig config, CimRepository repository, ProviderRegistry registry, boolean iscsiTarget) {
        repository.addNamespaceAlias(InteropNames.ALIAS, InteropNames.NAMESPACE);
        if (!InteropNames.CLASSES.stream().allMatch(c -> repository.hasClass(InteropNames.NAMESPACE, c))) {
            LOG.warn("The schema lacks interop classes {}: the interop providers are not registered", InteropNames.CLASSES);
            return;
        }
        ServerIdentity identity = new ServerIdentity(PRODUCT, ServerVersion.current(), PRODUCT + " project",
                StorageElements.SYSTEM_NAME);
        new InteropSetup(identity, new CimXmlAccess(FUNCTIONAL_PROFILES, !config.users().isEmpty(),
                config.pullLimits().maxTimeout().toSeconds()),
                new RepositoryNamespaces(repository, registry), ServerProfiles.of(identity, iscsiTarget)).register(registry);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static Authenticator authenticator(Map<String, String> users) {
        return users.isEmpty() ? Authenticator.none() : new BasicAuthenticator(users);
    }

    /** The bound port (the configured one, or the one picked for port 0). */
    public int httpPort() {
        return endpoint.port();
    }

    /** {@code http://127.0.0.1:PORT} (the bound address; 127.0.0.1 when listening on all addresses). */
    public URI url() {
        return endpoint.url();
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

    /** The iSCSI portal, or null when iscsi.enabled is false. */
    public IscsiPortal portal() {
        return portal;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        endpoint.join();
    }

    /**
     * Stops gracefully: no new connections, requests in progress finish within http.shutdownTimeoutMs; then the iSCSI
     * sessions are closed and the replication engine stops (after both, so no request still reaches it).
     */
    @Override
    public void close() {
        if (endpoint.isRunning()) {
            LOG.info("Stopping");
            endpoint.close();
        }
        if (portal != null) {
            portal.close();
        }
        target.close();
        dispatcher.close();
        dispatcher.jobs().close();
    }
}
