package org.iscsismis.server;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.dispatch.Dispatcher;
import org.iscsismis.indication.DeliveryScheduler;
import org.iscsismis.indication.IndicationService;
import org.iscsismis.interop.FunctionalProfile;
import org.iscsismis.iscsi.provider.IscsiTarget;
import org.iscsismis.iscsi.target.IscsiPortal;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.store.DataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server: the repository with its namespaces, the dispatcher, the iSCSI target and the HTTP endpoint;
 * what it started, it stops ({@link #close()}). {@link ServerStartup} builds it phase by phase.
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

    /** What {@link ServerStartup} started, all of it running; the server closes it. */
    IscsiSmisServer(ServerConfig config, CimRepository repository, HttpEndpoint endpoint, IscsiTarget target,
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

    /**
     * On {@code clock} (jobs, pull timeouts) with indication deliveries timed by {@code indicationTime}. The phases
     * of the start-up are {@link ServerStartup}'s.
     */
    public static IscsiSmisServer start(ServerConfig config, ProviderSetup setup, Clock clock, DeliveryScheduler indicationTime) {
        return new ServerStartup(config, setup, clock, indicationTime).run();
    }

    /** The DSP0200 operation groups the dispatcher implements (pulled reads and their count, queries traditional and pulled). */
    static final Set<FunctionalProfile> FUNCTIONAL_PROFILES = Set.of(FunctionalProfile.BASIC_READ, FunctionalProfile.BASIC_WRITE,
            FunctionalProfile.SCHEMA_MANIPULATION, FunctionalProfile.INSTANCE_MANIPULATION,
            FunctionalProfile.ASSOCIATION_TRAVERSAL, FunctionalProfile.QUALIFIER_DECLARATION, FunctionalProfile.PULLED_READ,
            FunctionalProfile.PULLED_READ_COUNT, FunctionalProfile.QUERY_EXECUTION, FunctionalProfile.PULLED_QUERY_EXECUTION);

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
