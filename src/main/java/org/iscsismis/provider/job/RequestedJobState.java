package org.iscsismis.provider.job;

import java.util.Optional;

/** CIM_ConcreteJob.RequestStateChange's RequestedState values (ValueMap of DMTF CIM 2.49). */
public enum RequestedJobState {
    START(2, "Start"),
    SUSPEND(3, "Suspend"),
    TERMINATE(4, "Terminate"),
    KILL(5, "Kill"),
    SERVICE(6, "Service");

    private final int code;
    private final String displayName;

    RequestedJobState(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    /** The value with this code, or empty for a code outside the value map's defined values. */
    public static Optional<RequestedJobState> ofCode(long code) {
        for (RequestedJobState s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
