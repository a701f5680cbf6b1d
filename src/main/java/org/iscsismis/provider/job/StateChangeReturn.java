package org.iscsismis.provider.job;

/** The CIM_ConcreteJob.RequestStateChange return values the job service answers (ValueMap of DMTF CIM 2.49). */
public enum StateChangeReturn {
    COMPLETED_WITH_NO_ERROR(0),
    NOT_SUPPORTED(1),
    INVALID_PARAMETER(5),
    INVALID_STATE_TRANSITION(4097),
    TIMEOUT_PARAMETER_NOT_SUPPORTED(4098);

    private final long code;

    StateChangeReturn(long code) {
        this.code = code;
    }

    public long code() {
        return code;
    }
}
