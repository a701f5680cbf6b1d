package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.time.Duration;
import org.iscsismis.indication.IndicationSettings;
import org.iscsismis.indication.SubscriptionRemovalAction;

/** Reads the indication service's settings (indication.*); the record itself belongs to the indication package. */
final class IndicationConfig {

    private IndicationConfig() {
    }

    static IndicationSettings read(ConfigValues v) {
        SubscriptionRemovalAction action;
        try {
            action = SubscriptionRemovalAction.parse(v.raw(INDICATION_REMOVAL_ACTION));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(INDICATION_REMOVAL_ACTION + ": \"" + v.raw(INDICATION_REMOVAL_ACTION)
                    + "\" is not one of remove, disable, ignore");
        }
        return new IndicationSettings(v.intNumber(INDICATION_RETRY_ATTEMPTS, 0, 0xFFFF),
                Duration.ofSeconds(v.number(INDICATION_RETRY_INTERVAL_S, 0, 0xFFFF_FFFFL)), action,
                Duration.ofSeconds(v.number(INDICATION_REMOVAL_INTERVAL_S, 0, 0xFFFF_FFFFL)),
                Duration.ofMillis(v.number(INDICATION_DELIVERY_TIMEOUT_MS, 1, 3_600_000)),
                v.intNumber(INDICATION_QUEUE_CAPACITY, 1, 10_000_000),
                v.intNumber(INDICATION_MAX_FILTERS, 1, 1_000_000),
                v.intNumber(INDICATION_MAX_DESTINATIONS, 1, 1_000_000),
                v.intNumber(INDICATION_MAX_SUBSCRIPTIONS, 1, 1_000_000),
                v.intNumber(INDICATION_PROGRESS_STEP, 1, 100));
    }
}
