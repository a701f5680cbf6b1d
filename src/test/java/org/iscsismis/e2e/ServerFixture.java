package org.iscsismis.e2e;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.iscsismis.indication.DeliveryScheduler;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The in-process server an end-to-end test class shares, with the SBLIM client and helpers its tests call:
 * <pre>{@code
 * @RegisterExtension
 * static final ServerFixture server = ServerFixture.demo();
 * private static final WBEMClient client = server.client();
 * private static final ReplicationCalls calls = server.calls();
 * }</pre>
 * The server starts before the class's {@code @BeforeAll} methods and stops after its {@code @AfterAll} methods (once,
 * however many {@code @Nested} classes inherit the fixture). Clients connect on their first call. What the fixture opened,
 * and what a test hands to {@link #closing}, is closed in the reverse order of opening, each one even when another's
 * close fails, and also when the class's set-up failed half-way: a failed class leaves no server or port behind.
 */
final class ServerFixture implements BeforeAllCallback, AfterAllCallback {

    private final TestServer server;
    private final WBEMClient client;
    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private int classes;

    private ServerFixture(TestServer server) {
        this.server = server;
        this.client = client("", "");
    }

    /** The test defaults ({@link TestServer#testDefaults()}): an empty target on free ports. */
    static ServerFixture plain() {
        return with(TestServer.testDefaults());
    }

    /** The test defaults with the demo target content (pool, disks, mirror, snapshot, clone). */
    static ServerFixture demo() {
        return with(TestServer.testDefaults().with(ServerConfig.DEMO_ENABLED, "true"));
    }

    static ServerFixture with(ServerConfig config) {
        return new ServerFixture(new TestServer(config));
    }

    /** On {@code clock}: the server's job and dispatcher time, which the test steps. */
    static ServerFixture with(ServerConfig config, Clock clock) {
        return new ServerFixture(new TestServer(config, (repository, registry) -> { }, clock));
    }

    /** With indication deliveries timed by {@code indicationTime} (a {@code ManualDeliveryScheduler} the test steps). */
    static ServerFixture with(ServerConfig config, DeliveryScheduler indicationTime) {
        return new ServerFixture(new TestServer(config, (repository, registry) -> { }, indicationTime));
    }

    /** The test defaults, with {@code setup} adding classes, instances and providers before the server listens. */
    static ServerFixture seeded(IscsiSmisServer.ProviderSetup setup) {
        return seeded(TestServer.testDefaults(), setup);
    }

    static ServerFixture seeded(ServerConfig config, IscsiSmisServer.ProviderSetup setup) {
        return new ServerFixture(new TestServer(config, setup));
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classes++ > 0) {
            return; // a @Nested class: its outer class's server serves it
        }
        server.beforeAll(context);
        open.push(server);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        if (--classes > 0) {
            return;
        }
        Exception first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes {@code resource} with the fixture, before everything opened earlier; returns it. */
    synchronized <T extends AutoCloseable> T closing(T resource) {
        open.push(resource);
        return resource;
    }

    /** The shared anonymous client, connecting to {@link #url()} on its first call. */
    WBEMClient client() {
        return client;
    }

    /** A further client sending {@code user}/{@code password} with HTTP Basic, connecting on its first call. */
    WBEMClient client(String user, String password) {
        return LazyClient.connectingOnFirstCall(() -> SblimClients.connect(url(), user, password), this::closing);
    }

    /** The replication method calls, through the shared client. */
    ReplicationCalls calls() {
        return new ReplicationCalls(client);
    }

    /** Indication subscriptions in the interop namespace, through the shared client. */
    Subscriptions subscriptions() {
        return new Subscriptions(client);
    }

    /** {@code http://127.0.0.1:PORT}. */
    URI url() {
        return server.url();
    }

    URI cimomUrl() {
        return server.cimomUrl();
    }

    /** {@code https://127.0.0.1:PORT}, or null when HTTPS is off. */
    URI httpsUrl() {
        return server.httpsUrl();
    }

    /** The server's HTTPS certificate, or null when HTTPS is off. */
    X509Certificate certificate() {
        return server.certificate();
    }

    int port() {
        return server.port();
    }

    /** The server's repository, to seed classes and instances directly. */
    CimRepository repository() {
        return server.repository();
    }

    /** The running server itself (its target, portal, indication service). */
    IscsiSmisServer server() {
        return server.server();
    }
}
