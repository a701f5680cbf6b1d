package org.iscsismis.indication;

/** CIM_AbstractIndicationSubscription.RepeatNotificationPolicy; this server delivers every indication (None). */
public enum RepeatNotificationPolicy implements Coded {
    UNKNOWN(0), OTHER(1), NONE(2), SUPPRESS(3), DELAY(4);

    private final int code;

    RepeatNotificationPolicy(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }
}
