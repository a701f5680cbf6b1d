package org.iscsismis.store;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.iscsismis.indication.IndicationService;
import org.iscsismis.indication.SubscriptionLog;
import org.iscsismis.provider.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indication part of the data directory: each filter, listener destination and subscription of the interop
 * namespace as {@code ind/KIND/KEY} ({@link SubscriptionRecords}). At start-up they are created again, filters
 * first, each as its creator (looked up by name: the rights it has now apply); one that can no longer be created (its
 * creator lost the right to read a namespace it looks at, the schema changed) is logged and forgotten.
 */
final class SubscriptionJournal implements SubscriptionLog {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionJournal.class);
    static final String PREFIX = "ind/";

    private final Journal journal;
    private final SubscriptionRecords records = new SubscriptionRecords();

    SubscriptionJournal(Journal journal) {
        this.journal = journal;
    }

    /**
     * Creates again in {@code service} what was kept, then keeps its changes from now on.
     *
     * @param creators the requester a user name stands for now
     */
    void recover(IndicationService service, Function<String, Requester> creators) {
        int restored = 0;
        for (Kind kind : Kind.values()) {
            for (Map.Entry<String, byte[]> e : journal.withPrefix(prefix(kind)).entrySet()) {
                try {
                    Kept kept = records.read(e.getValue());
                    service.restore(kind, kept, creators.apply(kept.creator()));
                    restored++;
                } catch (RuntimeException ex) {
                    LOG.warn("Indication {} {} not restored, and forgotten: {}", kind.name().toLowerCase(Locale.ROOT),
                            e.getKey().substring(prefix(kind).length()), ex.getMessage());
                    journal.remove(e.getKey());
                }
            }
        }
        if (restored > 0) {
            LOG.info("Recovered {} indication filters, listener destinations and subscriptions", restored);
        }
        service.keepIn(this);
    }

    @Override
    public void saved(Kind kind, String key, Kept kept) {
        journal.put(prefix(kind) + key, records.write(kept));
    }

    @Override
    public void removed(Kind kind, String key) {
        journal.remove(prefix(kind) + key);
    }

    private static String prefix(Kind kind) {
        return PREFIX + kind.name().toLowerCase(Locale.ROOT) + "/";
    }
}
