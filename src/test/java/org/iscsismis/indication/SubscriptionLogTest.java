package org.iscsismis.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.Requester;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.PackagedSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indication service's hook for the data directory: every change reaches the log before it is made, a change
 * the log refuses is not made, and what the log kept creates the same elements again in a new service.
 */
class SubscriptionLogTest {

    private static final CimNamespace INTEROP = CimNamespace.of("root/interop");
    private static final ObjectPath HOST = ObjectPath.builder("CIM_ComputerSystem").namespace(INTEROP)
            .key("CreationClassName", "CIM_ComputerSystem").key("Name", "host").build();
    private static CimRepository repo;

    /** Keeps the log's records in a map, as the journal keeps them by key. */
    private static final class MapLog implements SubscriptionLog {
        final Map<String, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>(); // removed from the delivery thread too
        boolean failing;

        @Override
        public void saved(Kind kind, String key, Kept k) {
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            kept.put(kind + "/" + key, k);
        }

        @Override
        public void removed(Kind kind, String key) {
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            kept.remove(kind + "/" + key);
        }
    }

    /** A user who may read every namespace, or none. */
    private record User(String name, boolean readsAll) implements Requester {
        @Override
        public boolean mayRead(CimNamespace namespace) {
            return readsAll;
        }
    }


    private final Instant t0 = Instant.parse("2026-03-04T05:06:07Z");
    private final List<IndicationService> services = new java.util.ArrayList<>();

    @BeforeAll
    static void schema() {
        repo = PackagedSchema.load();
    }

    @AfterEach
    void close() {
        services.forEach(IndicationService::close);
    }

    private IndicationService service(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        IndicationService s = new IndicationService(repo, HOST, IndicationSettings.DEFAULT, new DeliveryScheduler() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public void schedule(Duration delay, Runnable task) {
            }

            @Override
            public void close() {
            }
        });
        services.add(s);
        return s;
    }

    private static Subscription subscribe(IndicationService s) {
        Filter f = s.store().createFilter(CimInstance.builder("CIM_IndicationFilter").property("Name", "f1")
                .property("Query", "SELECT * FROM CIM_InstCreation").property("QueryLanguage", "WQL").build(), new User("alice", true));
        Destination d = s.store().createDestination(CimInstance.builder("CIM_ListenerDestinationCIMXML")
                .property("Destination", "http://127.0.0.1:5990/x").property("username", "bob")
                .property("password", "secret").build());
        return s.store().createSubscription(CimInstance.builder("CIM_IndicationSubscription")
                .property("Filter", CimValue.ofReference(f.path())).property("Handler", CimValue.ofReference(d.path()))
                .property("SubscriptionInfo", "kept").property("SubscriptionDuration", CimValue.ofUint64(3600)).build(), new User("alice", true));
    }

    @Test
    void whatTheLogKeptComesBackWithItsCreatorStartAndState() {
        IndicationService first = service(t0);
        MapLog log = new MapLog();
        first.keepIn(log);
        assertTrue(first.subscriptionsPersisted());
        Subscription s = subscribe(first);
        first.store().setState(s, SubscriptionState.DISABLED);
        assertEquals(3, log.kept.size(), log.kept.keySet().toString());

        IndicationService second = service(t0.plusSeconds(600));
        assertFalse(second.subscriptionsPersisted());
        for (SubscriptionLog.Kind kind : SubscriptionLog.Kind.values()) {
            log.kept.forEach((key, k) -> {
                if (key.startsWith(kind + "/")) {
                    second.restore(kind, k, k.creator().equals("alice") ? new User("alice", true) : Requester.ANYONE);
                }
            });
        }
        Subscription back = second.store().subscriptions().get(0);
        assertEquals("alice", back.creator().name());
        assertEquals(t0, back.started());
        assertEquals(SubscriptionState.DISABLED, back.state());
        CimInstance i = back.instance(t0.plusSeconds(600));
        assertEquals("kept", i.value("SubscriptionInfo").asString());
        assertEquals(3000L, ((Number) i.value("SubscriptionTimeRemaining").value()).longValue(), "the duration counts from the first start");
        assertEquals("bob:secret", second.store().destinations().get(0).credentials(), "the password is kept for delivery");
        assertEquals(null, second.store().destinations().get(0).instance().value("password").value(), "and still never shown");
        assertEquals(first.store().filters().get(0).path(), second.store().filters().get(0).path());
    }

    @Test
    void aChangeTheLogRefusesIsNotMade() {
        IndicationService s = service(t0);
        MapLog log = new MapLog();
        s.keepIn(log);
        Subscription sub = subscribe(s);
        log.failing = true;
        assertThrows(IllegalStateException.class, () -> s.store().deleteSubscription(sub.path()));
        assertThrows(IllegalStateException.class, () -> s.store().modifySubscription(sub.path(),
                CimInstance.builder("CIM_IndicationSubscription").property("SubscriptionInfo", "changed").build(),
                List.of(CimName.of("SubscriptionInfo"))));
        assertEquals(1, s.store().subscriptions().size());
        assertEquals("kept", sub.instance(t0).value("SubscriptionInfo").asString());
        log.failing = false;
        s.store().deleteSubscription(sub.path());
        assertEquals(2, log.kept.size(), "the subscription's record is gone, its filter and destination stay");
    }

    @Test
    void aCreatorWhoMayNoLongerReadTheFiltersNamespaceIsRefusedAgain() {
        IndicationService s = service(t0);
        Requester nobody = new User("gone", false);
        CimException refused = assertThrows(CimException.class, () -> s.restore(SubscriptionLog.Kind.FILTER,
                new SubscriptionLog.Kept(CimInstance.builder("CIM_IndicationFilter").property("Name", "f")
                        .property("Query", "SELECT * FROM CIM_InstCreation").property("QueryLanguage", "WQL")
                        .property("SourceNamespaces", CimValue.ofStrings(List.of("root/cimv2/storage/iscsitarget"))).build(),
                        "gone", null), nobody));
        assertEquals(CimStatus.ACCESS_DENIED, refused.status());
        assertThrows(CimException.class, () -> s.restore(SubscriptionLog.Kind.FILTER, new SubscriptionLog.Kept(
                CimInstance.builder("CIM_IndicationFilter").property("Name", "g").property("Query", "SELECT * FROM CIM_InstCreation")
                        .property("QueryLanguage", "WQL").build(), "gone", null), nobody), "no namespace to look at");
        assertTrue(s.store().filters().isEmpty());
    }

    @Test
    void aSubscriptionWhoseDurationPassedWhileTheServerWasDownGoesAtTheFirstIndication() {
        IndicationService first = service(t0);
        MapLog log = new MapLog();
        first.keepIn(log);
        subscribe(first); // SubscriptionDuration 3600 s from t0
        IndicationService later = service(t0.plusSeconds(7200));
        for (SubscriptionLog.Kind kind : SubscriptionLog.Kind.values()) {
            log.kept.forEach((key, k) -> {
                if (key.startsWith(kind + "/")) {
                    later.restore(kind, k, new User(k.creator(), true));
                }
            });
        }
        later.keepIn(log);
        later.publish(CimNamespace.of("root/cimv2"), CimInstance.builder("CIM_InstCreation").build());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (log.kept.keySet().stream().anyMatch(k -> k.startsWith("SUBSCRIPTION/"))) {
            assertTrue(System.nanoTime() < deadline, "the expired subscription's record is still kept: " + log.kept.keySet());
            Thread.onSpinWait();
        }
        assertTrue(later.store().subscriptions().isEmpty());
    }

    @Test
    void aGeneratedNameSkipsOneKeptFromBefore() {
        IndicationService s = service(t0);
        s.restore(SubscriptionLog.Kind.DESTINATION, new SubscriptionLog.Kept(CimInstance.builder("CIM_ListenerDestinationCIMXML")
                .property("Name", "host:destination:1").property("Destination", "http://127.0.0.1:5990/").build(), "", null), Requester.ANYONE);
        Destination d = s.store().createDestination(CimInstance.builder("CIM_ListenerDestinationCIMXML")
                .property("Destination", "http://127.0.0.1:5991/").build());
        assertNotEquals("host:destination:1", d.name());
    }
}
