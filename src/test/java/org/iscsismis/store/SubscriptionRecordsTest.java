package org.iscsismis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimValue;
import org.iscsismis.indication.SubscriptionLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept filters, destinations and subscriptions: their records survive the journal's reopening as they were written. */
class SubscriptionRecordsTest {

    @TempDir
    Path dir;

    @Test
    void aSubscriptionComesBackWithItsCreatorStartAndProperties() {
        CimInstance sub = CimInstance.builder("CIM_IndicationSubscription")
                .property("SubscriptionInfo", "über <kept> & \"quoted\"")
                .property("SubscriptionState", CimValue.ofUint16(4)).property("SubscriptionDuration", CimValue.ofUint64(60)).build();
        Instant started = Instant.parse("2026-03-04T05:06:07.123456Z");
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            SubscriptionJournal kept = new SubscriptionJournal(journal);
            kept.saved(SubscriptionLog.Kind.SUBSCRIPTION, "f\u0000d", new SubscriptionLog.Kept(sub, "alice", started));
            kept.saved(SubscriptionLog.Kind.FILTER, "f", new SubscriptionLog.Kept(CimInstance.builder("CIM_IndicationFilter")
                    .property("Name", "f").build(), "", null));
            kept.saved(SubscriptionLog.Kind.DESTINATION, "d", new SubscriptionLog.Kept(CimInstance.builder("CIM_ListenerDestinationCIMXML")
                    .property("Name", "d").build(), "", null));
            kept.removed(SubscriptionLog.Kind.DESTINATION, "d");
        }
        try (Journal journal = Journal.open(dir.resolve("journal"))) {
            Map<String, byte[]> all = journal.withPrefix(SubscriptionJournal.PREFIX);
            assertEquals(2, all.size(), all.keySet().toString());
            SubscriptionLog.Kept back = new SubscriptionRecords().read(all.get("ind/subscription/f\u0000d"));
            assertEquals("alice", back.creator());
            assertEquals(started, back.started());
            assertEquals(sub.value("SubscriptionInfo"), back.instance().value("SubscriptionInfo"));
            assertEquals(4L, ((Number) back.instance().value("SubscriptionState").value()).longValue());
            SubscriptionLog.Kept filter = new SubscriptionRecords().read(all.get("ind/filter/f"));
            assertEquals("", filter.creator());
            assertNull(filter.started());
        }
    }
}
