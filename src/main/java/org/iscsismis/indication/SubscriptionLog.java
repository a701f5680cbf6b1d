package org.iscsismis.indication;

import java.time.Instant;
import org.iscsismis.cim.CimInstance;

/**
 * Where the filters, listener destinations and subscriptions are kept across restarts (the server's data directory).
 * The service tells it every change before the change takes effect, so a change that cannot be kept is not made.
 * At start-up, before anything is delivered, what was kept is handed back through
 * {@link IndicationService#restore} in the order filters, destinations, subscriptions.
 */
public interface SubscriptionLog {

    /** What an element is; each kind has its own keys. */
    enum Kind { FILTER, DESTINATION, SUBSCRIPTION }

    /**
     * One element as {@link IndicationService#restore} takes it back.
     *
     * @param instance the instance that creates it again (a destination's with its password; a subscription's with
     *                 its current SubscriptionState, SubscriptionInfo and SubscriptionDuration)
     * @param creator  the user who created a filter or subscription (its rights are asked again on delivery); empty
     *                 without authentication, and for a destination
     * @param started  a subscription's SubscriptionStartTime (its duration counts from it); null for the others
     */
    record Kept(CimInstance instance, String creator, Instant started) {
    }

    /** Keeps nothing: a server without a data directory. */
    SubscriptionLog NONE = new SubscriptionLog() {
        @Override
        public void saved(Kind kind, String key, Kept kept) {
        }

        @Override
        public void removed(Kind kind, String key) {
        }
    };

    /**
     * Keeps an element, new or changed.
     *
     * @param key its identity among its kind: a filter's or destination's Name, a subscription's two Names
     * @throws RuntimeException if it cannot be kept; the change is then not made
     */
    void saved(Kind kind, String key, Kept kept);

    /** Forgets an element. */
    void removed(Kind kind, String key);
}
