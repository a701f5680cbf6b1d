package org.iscsismis.testing;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import org.iscsismis.indication.DeliveryScheduler;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process iscsi-smis server on a free loopback port, shared by the tests of one class.
 *
 * <p>As a JUnit 5 extension (started before the class's first test, stopped after its last):
 * <pre>{@code
 * @RegisterExtension
 * static final TestServer server = new TestServer();
 *
 * @Test
 * void enumerates() {
 *     WBEMClient client = ...connect to server.cimomUrl()...
 * }
 * }</pre>
 * or by hand: {@code try (TestServer server = TestServer.start()) { ... }}.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final ServerConfig config;
    private final IscsiSmisServer.ProviderSetup setup;
    private final Clock clock;
    private final DeliveryScheduler indicationTime;
    private IscsiSmisServer server;

    /** The default test configuration: a free port, no demo target content. */
    public TestServer() {
        this(testDefaults());
    }

    /**
     * The defaults on free ports (HTTP and iSCSI), with the demo and HTTPS off (tests that want them turn them on),
     * and room for 256 MiB of disk data: the tests of one class create many volumes in one in-process server and
     * delete none, in a test JVM whose heap is far larger than the 64 MB storage.maxHeapBytes is sized for.
     */
    public static ServerConfig testDefaults() {
        return ServerConfig.defaults().withHttpPort(0).withIscsiPort(0).with(ServerConfig.DEMO_ENABLED, "false")
                .with(ServerConfig.HTTPS_ENABLED, "false")
                .with(ServerConfig.STORAGE_MAX_HEAP_BYTES, Long.toString(256L << 20));
    }

    /**
     * {@code config} with HTTPS on a free port, its self-signed certificate generated once into {@code target/test-config}
     * and shared by the tests of a run.
     */
    public static ServerConfig withHttps(ServerConfig config) {
        return config.with(ServerConfig.HTTPS_ENABLED, "true").with(ServerConfig.HTTPS_PORT, "0")
                .with(ServerConfig.CONFIG_DIR, Path.of("target", "test-config").toAbsolutePath().toString());
    }

    /** Starts a server with the demo target content (pool, disks, mirror, snapshot, clone) on a free port now. */
    public static TestServer startWithDemo() {
        return start(testDefaults().with(ServerConfig.DEMO_ENABLED, "true"));
    }

    /** A given configuration (use port 0 to get a free port). */
    public TestServer(ServerConfig config) {
        this(config, (repository, registry) -> { });
    }

    /** A given configuration; {@code setup} registers (test) providers before the server listens. */
    public TestServer(ServerConfig config, IscsiSmisServer.ProviderSetup setup) {
        this(config, setup, Clock.systemUTC(), null);
    }

    /** A given configuration on {@code clock} (the server's job and dispatcher time: a test steps it). */
    public TestServer(ServerConfig config, IscsiSmisServer.ProviderSetup setup, Clock clock) {
        this(config, setup, clock, null);
    }

    /** As above, with indication deliveries timed by {@code indicationTime} (null: real time). */
    public TestServer(ServerConfig config, IscsiSmisServer.ProviderSetup setup, DeliveryScheduler indicationTime) {
        this(config, setup, Clock.systemUTC(), indicationTime);
    }

    private TestServer(ServerConfig config, IscsiSmisServer.ProviderSetup setup, Clock clock, DeliveryScheduler indicationTime) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.setup = Objects.requireNonNull(setup, "setup must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.indicationTime = indicationTime;
    }

    /** Starts a server now whose indication retries run on {@code indicationTime} (a {@link ManualDeliveryScheduler}). */
    public static TestServer start(ServerConfig config, DeliveryScheduler indicationTime) {
        TestServer server = new TestServer(config, (repository, registry) -> { }, indicationTime);
        server.startServer();
        return server;
    }

    /** Starts a server with the given configuration and clock now. */
    public static TestServer start(ServerConfig config, Clock clock) {
        TestServer server = new TestServer(config, (repository, registry) -> { }, clock);
        server.startServer();
        return server;
    }

    /** Starts a server on a free port now, with {@code setup} registering providers first. */
    public static TestServer start(IscsiSmisServer.ProviderSetup setup) {
        return start(testDefaults(), setup);
    }

    /** Starts a server with the given configuration now, with {@code setup} registering providers first. */
    public static TestServer start(ServerConfig config, IscsiSmisServer.ProviderSetup setup) {
        TestServer server = new TestServer(config, setup);
        server.startServer();
        return server;
    }

    /** Starts a server with the default test configuration now. */
    public static TestServer start() {
        return start(testDefaults());
    }

    /** Starts a server with the given configuration now (use port 0 to get a free port). */
    public static TestServer start(ServerConfig config) {
        TestServer server = new TestServer(config);
        server.startServer();
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private synchronized void startServer() {
        if (server == null) {
            server = indicationTime == null ? IscsiSmisServer.start(config, setup, clock)
                    : IscsiSmisServer.start(config, setup, clock, indicationTime);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return running().url();
    }

    /** {@code http://127.0.0.1:PORT/cimom}, where CIM operations are posted. */
    public URI cimomUrl() {
        return url().resolve("/cimom");
    }

    /** {@code https://127.0.0.1:PORT}, or null when HTTPS is off. */
    public URI httpsUrl() {
        return running().httpsUrl();
    }

    /** The server's HTTPS certificate (a client trusts it), or null when HTTPS is off. */
    public X509Certificate certificate() {
        return running().certificate();
    }

    public int port() {
        return running().httpPort();
    }

    /** The server's repository, to seed classes and instances directly. */
    public CimRepository repository() {
        return running().repository();
    }

    public IscsiSmisServer server() {
        return running();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private synchronized IscsiSmisServer running() {
        if (server == null) {
            throw new IllegalStateException("TestServer is not started (register it with @RegisterExtension on a static field)");
        }
        return server;
    }
}
