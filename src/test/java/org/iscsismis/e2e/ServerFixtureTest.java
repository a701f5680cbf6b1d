package org.iscsismis.e2e;

import static org.iscsismis.e2e.SblimClients.all;
import static org.iscsismis.e2e.SblimClients.classPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The shared end-to-end fixture, run the way JUnit runs a test class (the classes below, through the launcher): it
 * closes in the reverse order of opening, and a class whose set-up fails half-way leaves no server listening.
 */
class ServerFixtureTest {

    /** What the classes below saw, in order. */
    static final List<String> events = new CopyOnWriteArrayList<>();
    static volatile int port;
    static volatile WBEMClient usedClient;

    @BeforeEach
    void forget() {
        events.clear();
        port = 0;
        usedClient = null;
    }

    @Test
    void closesWhatItOpenedInReverseOrderAfterTheClassAndThenTheServer() {
        TestExecutionSummary summary = run(OpensThreeThings.class);

        assertEquals(1, summary.getTestsSucceededCount(), () -> failures(summary));
        assertEquals(List.of("test: server answers true", "second closed: server answers true",
                "first closed: server answers true"), events);
        assertFalse(answers(port), "the server still listens after its class");
        assertThrows(IllegalStateException.class, () -> usedClient.enumerateClassNames(classPath("root/interop", null), false));
    }

    @Test
    void aClassWhoseSetUpFailsHalfWayLeavesNoServerListening() {
        TestExecutionSummary summary = run(FailsInSetUp.class);

        assertEquals(0, summary.getTestsStartedCount());
        assertEquals(1, summary.getContainersFailedCount());
        assertEquals("set-up fails half-way", summary.getFailures().get(0).getException().getMessage());
        assertEquals(List.of("browser closed: server answers true"), events);
        assertFalse(answers(port), "a class whose set-up failed left its server listening");
    }

    @Test
    void aFailingCloseStillClosesEverythingElseAndIsReported() {
        TestExecutionSummary summary = run(CloseFails.class);

        assertEquals(1, summary.getTestsSucceededCount());
        assertEquals(1, summary.getContainersFailedCount());
        assertEquals("cannot close", summary.getFailures().get(0).getException().getMessage());
        assertEquals(List.of("earlier closed"), events);
        assertFalse(answers(port), "a failing close left the server listening");
    }

    @Test
    void aServerThatCannotStartFailsItsClassWithTheReason() {
        TestExecutionSummary summary = run(CannotStart.class);

        assertEquals(0, summary.getTestsStartedCount());
        assertEquals(1, summary.getContainersFailedCount());
        assertTrue(summary.getFailures().get(0).getException().getMessage().startsWith("interop.alias: "),
                () -> summary.getFailures().get(0).getException().toString());
    }

    @Test
    void nestedClassesShareTheOuterClasssServerUntilItEnds() {
        TestExecutionSummary summary = run(WithNested.class);

        assertEquals(3, summary.getTestsSucceededCount(), () -> failures(summary));
        assertEquals(List.of("outer: server answers true", "nested: server answers true", "nested: server answers true"),
                events, "the first nested class to end stopped the server");
        assertFalse(answers(port), "the server still listens after its class");
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(f -> f.getException().toString()).toList().toString();
    }

    /** Whether a connection to the port is accepted now. */
    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    static void connect(WBEMClient client) {
        try {
            assertFalse(all(client.enumerateClassNames(classPath("root/interop", null), false)).isEmpty());
        } catch (WBEMException e) {
            throw new AssertionError(e);
        }
        usedClient = client;
    }

    // The classes the tests above run (nested, so the build's own test run leaves them to the launcher here).

    static class OpensThreeThings {
        @RegisterExtension
        static final ServerFixture server = ServerFixture.plain();
        private static final WBEMClient client = server.client();

        @BeforeAll
        static void start() {
            port = server.port();
            server.closing(() -> events.add("first closed: server answers " + answers(port)));
            connect(client);
            server.closing(() -> events.add("second closed: server answers " + answers(port)));
        }

        @Test
        void test() {
            events.add("test: server answers " + answers(port));
        }
    }

    static class FailsInSetUp {
        @RegisterExtension
        static final ServerFixture server = ServerFixture.demo();

        @BeforeAll
        static void start() {
            port = server.port();
            connect(server.client());
            server.closing(() -> events.add("browser closed: server answers " + answers(port)));
            throw new IllegalStateException("set-up fails half-way");
        }

        @Test
        void never() {
            events.add("a test ran");
        }
    }

    static class CloseFails {
        @RegisterExtension
        static final ServerFixture server = ServerFixture.plain();

        @BeforeAll
        static void start() {
            port = server.port();
            server.closing(() -> events.add("earlier closed"));
            server.closing(() -> {
                throw new IOException("cannot close");
            });
        }

        @Test
        void test() {
        }
    }

    static class CannotStart {
        @RegisterExtension
        static final ServerFixture server = ServerFixture.with(TestServer.testDefaults().with(ServerConfig.INTEROP_ALIAS, "root/cimv2"));

        @Test
        void never() {
            events.add("a test ran");
        }
    }

    static class WithNested {
        @RegisterExtension
        static final ServerFixture server = ServerFixture.plain();

        @BeforeAll
        static void start() {
            port = server.port();
        }

        @Test
        void outer() {
            events.add("outer: server answers " + answers(port));
        }

        @Nested
        class First {
            @Test
            void nested() {
                events.add("nested: server answers " + answers(port));
            }
        }

        @Nested
        class Second {
            @Test
            void nested() {
                events.add("nested: server answers " + answers(port));
            }
        }
    }
}
