package org.iscsismis.indication;

/** CIM_AbstractIndicationSubscription.SubscriptionState. */
public enum SubscriptionState implements Coded {
    UNKNOWN(0), OTHER(1), ENABLED(2), ENABLED_DEGRADED(3), DISABLED(4);

    private final int code;

    SubscriptionState(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
