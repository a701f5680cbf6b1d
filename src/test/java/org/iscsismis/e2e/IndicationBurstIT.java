package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.server.ServerConfig;
import org.iscsismis.testing.RawIndicationListener;
import org.iscsismis.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** No loss under load: 10 000 changes in a burst, 10 subscribed listeners, each gets every indication once, in order. */
class IndicationBurstIT {

    private static final int CHANGES = 10_000;
    private static final int LISTENERS = 10;
    /** The SourceInstance's RegisteredVersion (it comes before PreviousInstance in the indication). */
    private static final Pattern VERSION = Pattern.compile("RegisteredVersion\" TYPE=\"string\"[^&]*&lt;VALUE>v(\\d+)&lt;");

    @Test
    void tenThousandChangesReachTenListenersEachExactlyOnceInOrder() throws Exception {
        ServerConfig config = TestServer.testDefaults().with(ServerConfig.INDICATION_QUEUE_CAPACITY, Integer.toString(CHANGES));
        List<RawIndicationListener> listeners = new ArrayList<>();
        try (TestServer server = TestServer.start(config)) {
            WBEMClient client = SblimClients.connect(server.url());
            try {
                Subscriptions subscriptions = new Subscriptions(client);
                CIMObjectPath filter = subscriptions.filter("burst", "WQL",
                        "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_RegisteredProfile", "root/cimv2");
                for (int i = 0; i < LISTENERS; i++) {
                    RawIndicationListener l = new RawIndicationListener(VERSION);
                    listeners.add(l);
                    subscriptions.subscription(filter, subscriptions.destination("burst-" + i, l.url()));
                }
            } finally {
                client.close();
            }
            CimNamespace ns = CimNamespace.of("root/cimv2");
            ObjectPath path = ObjectPath.builder("CIM_RegisteredProfile").namespace(ns).key("InstanceID", "burst:1").build();
            server.repository().createInstance(ns, CimInstance.builder("CIM_RegisteredProfile").path(path)
                    .property("InstanceID", "burst:1").property("RegisteredVersion", "v-1").build());
            long started = System.nanoTime();
            for (int i = 0; i < CHANGES; i++) {
                server.repository().modifyInstance(ns, CimInstance.builder("CIM_RegisteredProfile").path(path)
                        .property("RegisteredVersion", CimValue.ofString("v" + i)).build(), List.of(CimName.of("RegisteredVersion")));
            }
            long burstNanos = System.nanoTime() - started;

            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            for (RawIndicationListener l : listeners) {
                while (l.count() < CHANGES) {
                    assertTrue(System.nanoTime() < deadline, () -> "only " + l.count() + " of " + CHANGES + " arrived: "
                            + server.server().indications().statistics());
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
            }
            System.out.printf("burst of %d changes queued in %d ms; delivered to %d listeners in %d ms%n", CHANGES,
                    burstNanos / 1_000_000, LISTENERS, (System.nanoTime() - started) / 1_000_000);
            List<Long> numbers = new ArrayList<>();
            List<String> marks = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                numbers.add((long) i);
                marks.add(Integer.toString(i));
            }
            for (RawIndicationListener l : listeners) {
                assertEquals(numbers, l.sequenceNumbers(), "SequenceNumbers 0..9999, each once, in order");
                assertEquals(marks, l.marks(), "the changes v0..v9999, each once, in order");
            }
            server.server().indications().statistics().values().forEach(s -> assertEquals(0, s.dropped()));
        } finally {
            listeners.forEach(RawIndicationListener::close);
        }
    }
}
