package org.iscsismis.indication;

import java.time.Duration;
import java.util.Objects;

/**
 * How the indication service delivers, and how much it holds.
 *
 * @param deliveryRetryAttempts          retries after a failed first attempt (CIM_IndicationService.DeliveryRetryAttempts)
 * @param deliveryRetryInterval          wait before each retry (DeliveryRetryInterval, whole seconds on the wire)
 * @param removalAction                  SubscriptionRemovalAction
 * @param removalTimeInterval            SubscriptionRemovalTimeInterval
 * @param deliveryTimeout                how long one HTTP attempt may take (connect and answer) before it counts as failed
 * @param queueCapacity                  indications waiting per listener destination; on overflow the oldest are dropped
 * @param maxFilters                     most filters stored at once
 * @param maxDestinations                most listener destinations stored at once (MaxListenerDestinations)
 * @param maxSubscriptions               most subscriptions stored at once (MaxActiveSubscriptions)
 * @param progressStepPercent            PercentSynced and PercentComplete changes are indicated in steps no finer than this
 */
public record IndicationSettings(int deliveryRetryAttempts, Duration deliveryRetryInterval, SubscriptionRemovalAction removalAction,
                                 Duration removalTimeInterval, Duration deliveryTimeout, int queueCapacity, int maxFilters,
                                 int maxDestinations, int maxSubscriptions, int progressStepPercent) {

    /** The CIM defaults (3 retries 30 s apart, Remove after 10 minutes of failures) and moderate bounds. */
    public static final IndicationSettings DEFAULT = new IndicationSettings(3, Duration.ofSeconds(30), SubscriptionRemovalAction.REMOVE,
            Duration.ofMinutes(10), Duration.ofSeconds(10), 1000, 100, 100, 1000, 10);

    public IndicationSettings {
        Objects.requireNonNull(deliveryRetryInterval, "deliveryRetryInterval must not be null");
        Objects.requireNonNull(removalAction, "removalAction must not be null");
        Objects.requireNonNull(removalTimeInterval, "removalTimeInterval must not be null");
        Objects.requireNonNull(deliveryTimeout, "deliveryTimeout must not be null");
        if (deliveryRetryAttempts < 0 || deliveryRetryAttempts > 0xFFFF) {
            throw new IllegalArgumentException("deliveryRetryAttempts must be 0..65535: " + deliveryRetryAttempts);
        }
        if (deliveryRetryInterval.isNegative() || removalTimeInterval.isNegative() || deliveryTimeout.isNegative()
                || deliveryTimeout.isZero()) {
            throw new IllegalArgumentException("intervals must not be negative and the delivery timeout must be positive");
        }
        if (queueCapacity < 1 || maxFilters < 1 || maxDestinations < 1 || maxSubscriptions < 1) {
            throw new IllegalArgumentException("capacities must be positive");
        }
        if (progressStepPercent < 1 || progressStepPercent > 100) {
            throw new IllegalArgumentException("progressStepPercent must be 1..100: " + progressStepPercent);
        }
    }

    public IndicationSettings withRetries(int attempts, Duration interval) {
        return new IndicationSettings(attempts, interval, removalAction, removalTimeInterval, deliveryTimeout, queueCapacity,
                maxFilters, maxDestinations, maxSubscriptions, progressStepPercent);
    }

    public IndicationSettings withRemoval(SubscriptionRemovalAction action, Duration interval) {
        return new IndicationSettings(deliveryRetryAttempts, deliveryRetryInterval, action, interval, deliveryTimeout, queueCapacity,
                maxFilters, maxDestinations, maxSubscriptions, progressStepPercent);
    }

    public IndicationSettings withQueueCapacity(int capacity) {
        return new IndicationSettings(deliveryRetryAttempts, deliveryRetryInterval, removalAction, removalTimeInterval, deliveryTimeout,
                capacity, maxFilters, maxDestinations, maxSubscriptions, progressStepPercent);
    }

    public IndicationSettings withDeliveryTimeout(Duration timeout) {
        return new IndicationSettings(deliveryRetryAttempts, deliveryRetryInterval, removalAction, removalTimeInterval, timeout,
                queueCapacity, maxFilters, maxDestinations, maxSubscriptions, progressStepPercent);
    }
}
