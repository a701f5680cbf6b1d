package org.iscsismis.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.Requester;
import org.iscsismis.testing.RawIndicationListener;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The creator of a subscription is asked again for every indication: what it may read when the indication is raised
 * decides, not what it could read when it subscribed. Rights are lowered here through a requester the test controls
 * (the server's users file is read at start-up, so over the wire they cannot change under a live subscription).
 */
class CreatorRightsTest {

    private static final CimNamespace INTEROP = CimNamespace.of("root/interop");
    private static final CimNamespace STORAGE = CimNamespace.of("root/cimv2/storage/iscsitarget");
    private static final CimNamespace CIMV2 = CimNamespace.of("root/cimv2");
    private static final Pattern MARK = Pattern.compile("(one|two|three|not hers)");
    private static TestServer server;
    private static IndicationService service;

    /** A user whose readable namespaces the test changes. */
    private static final class Carol implements Requester {
        final Set<CimNamespace> readable = new CopyOnWriteArraySet<>();

        @Override
        public String name() {
            return "carol";
        }

        @Override
        public boolean mayRead(CimNamespace namespace) {
            return readable.contains(namespace);
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start();
        service = server.server().indications();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static CimInstance filter(String name, String... sources) {
        CimInstance.Builder b = CimInstance.builder("CIM_IndicationFilter").property("Name", name)
                .property("Query", "SELECT * FROM CIM_InstCreation").property("QueryLanguage", "WQL");
        if (sources.length > 0) {
            b.property("SourceNamespaces", CimValue.ofStrings(List.of(sources)));
        }
        return b.build();
    }

    private static Subscription subscribe(Filter f, Destination d, Requester creator) {
        return service.store().createSubscription(CimInstance.builder("CIM_IndicationSubscription")
                .property("Filter", CimValue.ofReference(f.path())).property("Handler", CimValue.ofReference(d.path())).build(), creator);
    }

    private static CimInstance creation(String mark) {
        CimInstance source = CimInstance.builder("CIM_ManagedElement").property("ElementName", mark).build();
        return CimInstance.builder("CIM_InstCreation").property("SourceInstance", CimValue.ofEmbeddedInstance(source)).build();
    }

    @Test
    void aSubscriptionDeliversOnlyFromNamespacesItsCreatorMayReadWhenTheIndicationIsRaised() throws Exception {
        Carol carol = new Carol();
        carol.readable.addAll(List.of(INTEROP, STORAGE));
        try (RawIndicationListener listener = new RawIndicationListener(MARK)) {
            Filter f = service.store().createFilter(filter("carol-everything"), carol);
            assertEquals(Set.of(INTEROP, STORAGE), f.queries().keySet(), "without SourceNamespaces: where carol may read");
            Destination d = service.store().createDestination(CimInstance.builder("CIM_ListenerDestinationCIMXML")
                    .property("Name", "carol").property("Destination", listener.url().toString()).build());
            Subscription s = subscribe(f, d, carol);

            service.publish(STORAGE, creation("one"));
            service.publish(CIMV2, creation("not hers"));
            await(() -> listener.count() == 1, "the first creation");

            carol.readable.remove(STORAGE);
            service.publish(STORAGE, creation("two")); // the filter still looks there; carol may no longer read it
            service.publish(INTEROP, creation("three"));
            await(() -> listener.count() == 2, "the third creation");
            assertEquals(List.of("one", "three"), listener.marks());
            service.store().remove(s);
        }
    }

    @Test
    void filtersAndSubscriptionsOverNamespacesTheCreatorCannotReadAreRefusedAndNothingIsStored() {
        Carol carol = new Carol();
        carol.readable.add(INTEROP);
        int filters = service.store().filters().size();
        CimException named = assertThrows(CimException.class,
                () -> service.store().createFilter(filter("carol-storage", STORAGE.toString()), carol));
        assertEquals(CimStatus.ACCESS_DENIED, named.status());
        assertTrue(named.description().contains("source namespace " + STORAGE + " is not readable to user \"carol\""),
                named::description);
        assertEquals(filters, service.store().filters().size());

        Filter adminFilter = service.store().createFilter(filter("admin-storage", STORAGE.toString()), Requester.ANYONE);
        Destination d = service.store().createDestination(CimInstance.builder("CIM_ListenerDestinationCIMXML")
                .property("Name", "carol-2").property("Destination", "http://127.0.0.1:9/").build());
        CimException subscribed = assertThrows(CimException.class, () -> subscribe(adminFilter, d, carol));
        assertEquals(CimStatus.ACCESS_DENIED, subscribed.status());
        assertTrue(subscribed.description().contains("looks at namespace " + STORAGE + ", which user \"carol\" may not read"),
                subscribed::description);
        assertTrue(service.store().subscriptionsOf(x -> x.destination() == d).isEmpty(), "nothing stored");

        Carol nobody = new Carol();
        CimException nowhere = assertThrows(CimException.class, () -> service.store().createFilter(filter("nowhere"), nobody));
        assertEquals(CimStatus.ACCESS_DENIED, nowhere.status());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }
}
