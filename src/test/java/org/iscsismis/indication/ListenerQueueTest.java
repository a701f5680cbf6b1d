package org.iscsismis.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.cimxml.CimXmlExportCodec;
import org.iscsismis.provider.Requester;
import org.iscsismis.testing.ManualDeliveryScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One listener's queue against a scripted sender, on a stepped clock: order, numbering, retries, overflow. */
class ListenerQueueTest {

    private static final Pattern NUMBER = Pattern.compile("NAME=\"SequenceNumber\" TYPE=\"sint64\"><VALUE>(\\d+)<");
    private static final Pattern MARK = Pattern.compile("NAME=\"Mark\" TYPE=\"string\"><VALUE>([^<]*)<");

    /** Answers each request as told: immediately, or never until released, or always failing. */
    private static final class ScriptedSender implements ExportSender {
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        final List<CompletableFuture<Void>> held = Collections.synchronizedList(new ArrayList<>());
        volatile boolean fail;
        volatile boolean hold;

        @Override
        public CompletableFuture<Void> send(URI destination, String credentials, byte[] exportRequest) {
            bodies.add(new String(exportRequest, StandardCharsets.UTF_8));
            if (fail) {
                return CompletableFuture.failedFuture(new IllegalStateException("the listener answered HTTP 500"));
            }
            if (hold) {
                CompletableFuture<Void> f = new CompletableFuture<>();
                held.add(f);
                return f;
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }

    private final ScriptedSender sender = new ScriptedSender();
    private static final CimXmlExportCodec CODEC = new CimXmlExportCodec();
    private final ManualDeliveryScheduler time = new ManualDeliveryScheduler();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private ListenerQueue queue(IndicationSettings settings) {
        Destination d = new Destination(ObjectPath.parse("root/interop:CIM_ListenerDestinationCIMXML.Name=\"d\""), "d",
                CimInstance.builder("CIM_ListenerDestinationCIMXML").build(), URI.create("http://127.0.0.1:1/"), null);
        return new ListenerQueue(d, "ctx", settings, sender, time, executor, s -> true,
                n -> CimInstance.builder("CIM_AlertIndication").property("Mark", "dropped " + n).build(),
                (q, gaveUp, removalDue, reason) -> failures.add(mark(gaveUp) + (removalDue ? " removal due" : "")));
    }

    private static Delivery delivery(String mark) {
        return new Delivery(null, null, CODEC.template(CimInstance.builder("CIM_InstModification").property("Mark", mark).build()));
    }

    private static String mark(Delivery d) {
        return d.export().indication().value("Mark").asString();
    }

    private static List<String> found(Pattern p, List<String> bodies) {
        List<String> out = new ArrayList<>();
        synchronized (bodies) {
            for (String b : bodies) {
                Matcher m = p.matcher(b);
                out.add(m.find() ? m.group(1) : null);
            }
        }
        return out;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void deliversInOfferOrderNumberedFromZero() {
        ListenerQueue q = queue(IndicationSettings.DEFAULT);
        for (int i = 0; i < 50; i++) {
            q.offer(delivery("m" + i));
        }
        await(() -> q.statistics().delivered() == 50, "all delivered");
        List<String> marks = found(MARK, sender.bodies);
        List<String> numbers = found(NUMBER, sender.bodies);
        for (int i = 0; i < 50; i++) {
            assertEquals("m" + i, marks.get(i));
            assertEquals(Integer.toString(i), numbers.get(i));
        }
        assertTrue(sender.bodies.get(0).contains("<EXPMETHODCALL NAME=\"ExportIndication\"><EXPPARAMVALUE NAME=\"NewIndication\">"));
        assertTrue(sender.bodies.get(0).contains("NAME=\"SequenceContext\" TYPE=\"string\"><VALUE>ctx<"));
        assertEquals(new DeliveryStatistics(50, 50, 0, 0, 0), q.statistics());
    }

    @Test
    void retriesAsConfiguredOnTheClockThenGivesUpAndGoesOn() {
        ListenerQueue q = queue(IndicationSettings.DEFAULT.withRetries(2, Duration.ofSeconds(30)));
        sender.fail = true;
        q.offer(delivery("first"));
        q.offer(delivery("second"));
        await(() -> time.pending() == 1, "the first retry is scheduled");
        assertEquals(1, sender.bodies.size());

        time.advance(Duration.ofSeconds(29));
        assertEquals(1, time.pending(), "not due before the retry interval");
        assertEquals(1, sender.bodies.size());
        time.advance(Duration.ofSeconds(1));
        await(() -> sender.bodies.size() == 2 && time.pending() == 1, "retry 1 made and retry 2 scheduled");
        time.advance(Duration.ofSeconds(30));
        // retry 2 fails: the first is given up and the second gets its own first attempt
        // its retry is scheduled once the failed answer is handled, after the attempt is seen: wait for both
        await(() -> failures.size() == 1 && sender.bodies.size() == 4 && time.pending() == 1, "first given up, second tried");
        assertEquals(List.of("first"), failures);
        assertEquals(List.of("first", "first", "first", "second"), found(MARK, sender.bodies));
        assertEquals(List.of("0", "0", "0", "1"), found(NUMBER, sender.bodies), "a retry repeats its number");

        time.advance(Duration.ofSeconds(30));
        await(() -> sender.bodies.size() == 5, "second retried");
        sender.fail = false;
        time.advance(Duration.ofSeconds(30));
        await(() -> q.statistics().delivered() == 1, "second delivered on its last retry");
        assertEquals(new DeliveryStatistics(1, 6, 1, 0, 0), q.statistics());
    }

    @Test
    void theSecondFailureAfterTheRemovalIntervalSaysRemovalIsDue() {
        ListenerQueue q = queue(IndicationSettings.DEFAULT.withRetries(0, Duration.ZERO)
                .withRemoval(SubscriptionRemovalAction.REMOVE, Duration.ofMinutes(10)));
        sender.fail = true;
        q.offer(delivery("a"));
        await(() -> failures.size() == 1, "a given up");
        time.advance(Duration.ofMinutes(5));
        q.offer(delivery("b"));
        await(() -> failures.size() == 2, "b given up");
        time.advance(Duration.ofMinutes(5));
        q.offer(delivery("c"));
        await(() -> failures.size() == 3, "c given up");
        assertEquals(List.of("a", "b", "c removal due"), failures);
    }

    @Test
    void aFullQueueDropsTheOldestAndTheListenerIsToldHowMany() {
        ListenerQueue q = queue(IndicationSettings.DEFAULT.withQueueCapacity(3));
        sender.hold = true;
        q.offer(delivery("m0"));
        await(() -> sender.held.size() == 1, "m0 in flight");
        for (int i = 1; i < 6; i++) {
            q.offer(delivery("m" + i)); // m3, m4, m5 each push the oldest waiting one out
        }
        assertEquals(new DeliveryStatistics(0, 1, 0, 3, 3), q.statistics());
        sender.hold = false;
        sender.held.get(0).complete(null);
        await(() -> q.statistics().delivered() == 4, "m0, the alert, m4 and m5 delivered");
        assertEquals(List.of("m0", "dropped 3", "m4", "m5"), found(MARK, sender.bodies));
        assertEquals(List.of("0", "1", "2", "3"), found(NUMBER, sender.bodies));
    }

    @Test
    void deliveriesOfASubscriptionNoLongerWantedAreSkipped() throws Exception {
        Destination d = new Destination(ObjectPath.parse("root/interop:CIM_ListenerDestinationCIMXML.Name=\"d\""), "d",
                CimInstance.builder("CIM_ListenerDestinationCIMXML").build(), URI.create("http://127.0.0.1:1/"), null);
        Filter f = new Filter(ObjectPath.parse("root/interop:CIM_IndicationFilter.Name=\"f\""), "f",
                CimInstance.builder("CIM_IndicationFilter").build(), java.util.Map.of());
        Subscription gone = new Subscription(ObjectPath.parse("root/interop:CIM_IndicationSubscription.Filter=\"x\""), f, d,
                CimInstance.builder("CIM_IndicationSubscription").build(), Requester.ANYONE, null, SubscriptionState.ENABLED, null, null,
                time.clock().instant());
        ListenerQueue q = new ListenerQueue(d, "ctx", IndicationSettings.DEFAULT, sender, time, executor, x -> x.subscription() != gone,
                n -> null, (x, y, z, w) -> { });
        q.offer(new Delivery(gone, CimNamespace.of("root/cimv2"),
                CODEC.template(CimInstance.builder("CIM_InstCreation").property("Mark", "skipped").build())));
        q.offer(delivery("kept"));
        await(() -> q.statistics().delivered() == 1, "kept delivered");
        assertEquals(List.of("kept"), found(MARK, sender.bodies));
        assertEquals(CimNamespace.of("root/interop"), d.path().namespace());
    }
}
