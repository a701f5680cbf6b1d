package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Clock;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.job.JobService;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.iscsismis.testing.storage.StorageModel;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.Provider;
import org.iscsismis.provider.ResultSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider timeout measured as "no progress": a fake nano clock and sweeps run by hand, on the
 * calling thread itself, so that every step is deterministic (a sweep that fires interrupts this
 * thread, which the tests observe).
 */
class ProviderTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final CimName CLASS = CimName.of("Test_Disk");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final CallWatchdog watchdog = new CallWatchdog(TIMEOUT, nanos::get, false);
    private final ProviderCalls calls = ProviderCalls.timed(watchdog);
    private final Provider provider = new Slowpoke();
    private final List<String> delivered = new ArrayList<>();

    private static final class Slowpoke extends AbstractInstanceProvider {
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
        watchdog.close();
    }

    /** Lets {@code millis} pass and lets the watchdog look. */
    private void pass(long millis) {
        nanos.addAndGet(Duration.ofMillis(millis).toNanos());
        watchdog.sweep();
    }

    private void stream(ResultSink<String> downstream, java.util.function.Consumer<ResultSink<String>> provider) {
        calls.stream(this.provider, "EnumerateInstances", CLASS, downstream, provider);
    }

    @Test
    void aStreamThatKeepsDeliveringIsNeverCutOff() {
        stream(delivered::add, sink -> {
            for (int i = 0; i < 5; i++) {
                pass(150); // each gap under the timeout, 750 ms in all
                sink.deliver("r" + i);
            }
            pass(150);
        });
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4"), delivered);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void timeInsideTheSinkIsNotTheProvidersTime() {
        stream(item -> {
            pass(5_000); // a slow client, or a far end fetched from another provider
            delivered.add(item);
        }, sink -> {
            sink.deliver("a");
            sink.deliver("b");
        });
        assertEquals(List.of("a", "b"), delivered);
    }

    @Test
    void anIdleStreamTimesOutIsInterruptedAndItsLaterResultsAreRefused() {
        List<Boolean> interruptedSeen = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        CimException e = assertCimError(CimStatus.FAILED, () -> stream(delivered::add, sink -> {
            sink.deliver("before");
            pass(199);
            interruptedSeen.add(Thread.currentThread().isInterrupted());
            pass(1);
            interruptedSeen.add(Thread.currentThread().isInterrupted());
            try {
                sink.deliver("after"); // a provider that ignores the interrupt
            } catch (CimException refused) {
                refusals.add(refused.description());
            }
            // ...and even swallows the refusal and returns normally
        }), "Slowpoke", "EnumerateInstances", "Test_Disk", "200 ms");
        assertTrue(e.description().contains("timed out"), e.description());
        assertEquals(List.of(false, true), interruptedSeen);
        assertEquals(List.of("before"), delivered, "nothing reaches the response after the timeout");
        assertEquals(1, refusals.size());
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is cleared for the response to be written");
    }

    @Test
    void aSingleAnswerAfterTheTimeoutIsDroppedForTheTimeoutError() {
        assertCimError(CimStatus.FAILED, () -> calls.call(provider, "GetInstance", CLASS, () -> {
            pass(250);
            return "late";
        }), "Slowpoke", "GetInstance", "Test_Disk", "200 ms");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void whateverTheInterruptedProviderThrowsTheErrorIsTheTimeout() {
        assertCimError(CimStatus.FAILED, () -> calls.run(provider, "method Stall", CLASS, () -> {
            pass(300);
            throw new IllegalStateException("interrupted while waiting");
        }), "timed out", "method Stall", "200 ms");
    }

    @Test
    void aFinishedCallIsNeverInterruptedLater() {
        assertEquals("quick", calls.call(provider, "GetInstance", CLASS, () -> "quick"));
        pass(10_000);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aNestedCallThatHangsIsTheOneBlamed() {
        Provider far = new AbstractInstanceProvider() {
            @Override
            public String providerName() {
                return "FarEnd";
            }
        };
        assertCimError(CimStatus.FAILED, () -> calls.stream(provider, "AssociatorNames", CLASS, (String item) -> {
            calls.call(far, "GetInstance", CimName.of("Test_Pool"), () -> {
                pass(400); // the outer call waits in its sink meanwhile: not its fault
                return item;
            });
        }, sink -> sink.deliver("x")), "FarEnd", "GetInstance", "Test_Pool");
    }

    @Test
    void otherFailuresKeepTheirMeaningWhenNothingTimedOut() {
        assertCimError(CimStatus.NOT_FOUND, () -> calls.call(provider, "GetInstance", CLASS, () -> {
            throw new CimException(CimStatus.NOT_FOUND, "no such disk");
        }), "no such disk");
        assertCimError(CimStatus.FAILED, () -> calls.call(provider, "GetInstance", CLASS, () -> {
            throw new IllegalStateException("boom");
        }), "Slowpoke", "failed in GetInstance", "boom");
    }

    // ------------------------------------------------------------------ a real dispatcher, its watchdog thread

    /** Test_Disk whose GetInstance of "hang" and whose enumeration (after one result) wait for {@link #release}. */
    private static final class Hanging extends AbstractInstanceProvider {
        final CountDownLatch release = new CountDownLatch(1);

        private void hang() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hanging");
            }
        }

        @Override
        public CimInstance getInstance(ProviderContext context, ObjectPath path) {
            if (path.key("Id").asString().equals("hang")) {
                hang();
            }
            return CimInstance.builder(StorageModel.DISK).property("Id", path.key("Id").asString()).build();
        }

        @Override
        public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
            sink.deliver(CimInstance.builder(StorageModel.DISK).property("Id", "first").build());
            hang();
        }
    }

    @Test
    void aDispatcherFailsTheHangingRequestOnlyAndKeepsServing() {
        CimRepository repo = new CimRepository();
        repo.createNamespace(StorageFixture.NS, StandardQualifiers.declarations());
        repo.createNamespace(StorageFixture.HOSTS, StandardQualifiers.declarations());
        StorageModel.createClasses(repo, StorageFixture.NS, StorageFixture.HOSTS);
        ProviderRegistry registry = new ProviderRegistry(repo);
        Hanging hanging = new Hanging();
        registry.register(StorageFixture.NS, StorageModel.DISK, hanging);
        Clock clock = Clock.systemUTC();
        try (Dispatcher d = new Dispatcher(repo, registry, clock, new JobService(repo, clock), Duration.ofMillis(100))) {
            assertCimError(CimStatus.FAILED, () -> d.execute(GetInstanceRequest.of(StorageFixture.NS,
                    StorageModel.path(StorageModel.DISK, "hang")), new RecordingSink()), "Hanging", "GetInstance", "100 ms");
            assertFalse(Thread.currentThread().isInterrupted());

            RecordingSink partial = new RecordingSink();
            assertCimError(CimStatus.FAILED, () -> d.execute(EnumerateInstancesRequest.of(StorageFixture.NS, StorageModel.DISK),
                    partial), "Hanging", "EnumerateInstances", "100 ms");
            assertEquals(1, partial.all("namedInstance", CimInstance.class).size(), "what came before the timeout was streamed");

            CimInstance ok = new RecordingSink() {
                { d.execute(GetInstanceRequest.of(StorageFixture.NS, StorageModel.path(StorageModel.DISK, "D1")), this); }
            }.only("instance", CimInstance.class);
            assertEquals("D1", ok.value("Id").asString(), "the dispatcher keeps serving");
        } finally {
            hanging.release.countDown();
        }
    }
}
