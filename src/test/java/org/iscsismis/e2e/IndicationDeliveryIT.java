package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.iscsismis.indication.DeliveryStatistics;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.ManualDeliveryScheduler;
import org.iscsismis.testing.RawIndicationListener;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Delivery to listeners that fail — one answers HTTP 500, one accepts connections and never answers, one refuses
 * connections — next to a healthy one, with retries driven by a stepped clock: the attempts are counted as configured
 * (2 retries, 30 s apart), then each subscription goes as documented, while the healthy listener gets everything at once.
 */
class IndicationDeliveryIT {

    private static final ManualDeliveryScheduler time = new ManualDeliveryScheduler();
    @RegisterExtension
    static final ServerFixture server = ServerFixture.with(TestServer.testDefaults()
            .with(ServerConfig.INDICATION_RETRY_ATTEMPTS, "2")
            .with(ServerConfig.INDICATION_RETRY_INTERVAL_S, "30")
            .with(ServerConfig.INDICATION_REMOVAL_INTERVAL_S, "60")
            .with(ServerConfig.INDICATION_DELIVERY_TIMEOUT_MS, "3000"), time); // a loaded machine still answers in time
    private static final WBEMClient client = server.client();
    private static final Subscriptions subscriptions = server.subscriptions();
    private static HttpServer failing;
    private static final AtomicInteger failingRequests = new AtomicInteger();
    private static ServerSocket silent;
    private static final AtomicInteger silentConnections = new AtomicInteger();
    private static final List<Socket> silentSockets = new ArrayList<>();
    private static int refusedPort;

    @BeforeAll
    static void start() throws IOException {
        failing = RawIndicationListener.newServer();
        failing.createContext("/", exchange -> {
            failingRequests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        failing.start();

        silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    Socket s = silent.accept();
                    silentConnections.incrementAndGet();
                    synchronized (silentSockets) {
                        silentSockets.add(s); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-listener");
        acceptor.setDaemon(true);
        acceptor.start();

        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            refusedPort = s.getLocalPort(); // closed again: connections to it are refused
        }
    }

    @AfterAll
    static void stop() throws IOException {
        failing.stop(0);
        silent.close();
        synchronized (silentSockets) {
            for (Socket s : silentSockets) {
                s.close();
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out waiting until " + what + "; " + statistics());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static Map<String, DeliveryStatistics> statistics() {
        return server.server().indications().statistics();
    }

    private static long failed(String destination) {
        DeliveryStatistics s = statistics().get(destination);
        return s == null ? 0 : s.failed();
    }

    private static long attempts(String destination) {
        DeliveryStatistics s = statistics().get(destination);
        return s == null ? 0 : s.attempts();
    }

    private static void createProfile(String id) throws WBEMException {
        client.createInstance(new CIMInstance(new CIMObjectPath(null, null, null, "root/cimv2", "CIM_RegisteredProfile", null),
                new CIMProperty<?>[] {Subscriptions.text("InstanceID", id), Subscriptions.text("RegisteredName", id),
                        Subscriptions.text("RegisteredVersion", "1.0"), Subscriptions.u16("RegisteredOrganization", 1)}));
    }

    /**
     * Waits until the subscription states are {@code expected}, then checks them once more for a clear message: a
     * listener's queue counts a failure before the service disables or removes the subscription.
     */
    private static void awaitStates(Map<String, Integer> expected, String what) throws WBEMException {
        await(() -> {
            try {
                return expected.equals(subscriptionStates());
            } catch (WBEMException e) {
                throw new IllegalStateException(e);
            }
        }, what);
        assertEquals(expected, subscriptionStates());
    }

    /** Subscription state by destination Name. */
    private static Map<String, Integer> subscriptionStates() throws WBEMException {
        Map<String, Integer> out = new TreeMap<>();
        for (CIMInstance s : all(client.enumerateInstances(Subscriptions.path("CIM_IndicationSubscription"), false, false, false, null))) {
            CIMObjectPath handler = (CIMObjectPath) s.getPropertyValue("Handler");
            out.put(String.valueOf(handler.getKey("Name").getValue()), ((Number) s.getPropertyValue("SubscriptionState")).intValue());
        }
        return out;
    }

    @Test
    void failingListenersAreRetriedAsConfiguredThenRemovedOrDisabledWhileAHealthyOneGetsEverythingAtOnce() throws Exception {
        try (IndicationListeners healthy = new IndicationListeners()) {
            CIMObjectPath filter = subscriptions.filter("profiles", "WQL", "SELECT * FROM CIM_InstCreation", "root/cimv2");
            subscriptions.subscription(filter, subscriptions.destination("healthy", healthy.url()));
            subscriptions.subscription(filter, subscriptions.destination("answers-500",
                    URI.create("http://127.0.0.1:" + failing.getAddress().getPort() + "/")), Subscriptions.u16("OnFatalErrorPolicy", 4));
            subscriptions.subscription(filter, subscriptions.destination("never-answers",
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/")), Subscriptions.u16("OnFatalErrorPolicy", 3));
            subscriptions.subscription(filter, subscriptions.destination("refuses", URI.create("http://127.0.0.1:" + refusedPort + "/")));

            createProfile("delivery:1");
            healthy.await(l -> l.size() == 1, "the healthy listener's indication, with no time passing");
            await(() -> time.pending() == 3, "three first attempts failed, three retries waiting");
            assertEquals(1, failingRequests.get());
            assertEquals(1, silentConnections.get());

            time.advance(Duration.ofSeconds(29));
            assertEquals(3, time.pending(), "no retry before DeliveryRetryInterval");
            time.advance(Duration.ofSeconds(1));
            await(() -> time.pending() == 3 && failingRequests.get() == 2 && silentConnections.get() == 2, "retry 1 of 2");
            time.advance(Duration.ofSeconds(30));
            await(() -> failed("answers-500") == 1 && failed("never-answers") == 1 && failed("refuses") == 1, "retry 2 of 2 failed");
            assertEquals(0, time.pending(), "given up: no more retries");
            assertEquals(3, failingRequests.get(), "the first attempt and two retries");
            assertEquals(3, silentConnections.get());
            assertEquals(3, attempts("refuses"));
            // OnFatalErrorPolicy 4 Remove: gone; 3 Disable: SubscriptionState 4; NULL: kept until the removal rule applies
            awaitStates(Map.of("healthy", 2, "never-answers", 4, "refuses", 2), "the fatal-error policies applied");

            createProfile("delivery:2"); // 60 s after the first failure of "refuses"
            healthy.await(l -> l.size() == 2, "the second indication, at once");
            await(() -> time.pending() == 1, "only the refusing listener retries");
            time.advance(Duration.ofSeconds(30));
            await(() -> attempts("refuses") == 5 && time.pending() == 1, "retry 1 of the second");
            time.advance(Duration.ofSeconds(30));
            await(() -> failed("refuses") == 2, "the second failure, 60 s after the first");
            // two failures with no success between, SubscriptionRemovalTimeInterval (60 s) apart: Remove
            awaitStates(Map.of("healthy", 2, "never-answers", 4), "the refusing listener's subscription removed");
            assertEquals(3, failingRequests.get(), "a removed subscription gets nothing");
            assertEquals(3, silentConnections.get(), "a disabled subscription gets nothing");

            List<CIMInstance> got = healthy.received();
            assertEquals(List.of(0L, 1L), got.stream().map(IndicationIT::sequenceNumber).toList());
            assertEquals(List.of("delivery:1", "delivery:2"), got.stream().map(i -> IndicationIT.source(i).getPropertyValue("InstanceID")).toList());
        }
    }
}
