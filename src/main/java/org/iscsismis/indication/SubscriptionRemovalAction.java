package org.iscsismis.indication;

import java.util.Locale;

/**
 * CIM_IndicationService.SubscriptionRemovalAction: what happens to a subscription whose destination failed two
 * deliveries, with no success in between, at least SubscriptionRemovalTimeInterval apart. Remove deletes it;
 * Disable ("the removal process is not enforced") and Ignore ("temporarily not enforced") keep it.
 */
public enum SubscriptionRemovalAction implements Coded {
    REMOVE(2), DISABLE(3), IGNORE(4);

    private final int code;

    SubscriptionRemovalAction(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    /** {@code remove}, {@code disable} or {@code ignore} (any case), as the configuration writes it. */
    public static SubscriptionRemovalAction parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
