package org.iscsismis.provider.job;

/** CIM_ConcreteJob.JobState values (ValueMap of DMTF CIM 2.49) used by the job service. */
public enum JobState {
    NEW(2, "New"),
    STARTING(3, "Starting"),
    RUNNING(4, "Running"),
    SUSPENDED(5, "Suspended"),
    SHUTTING_DOWN(6, "Shutting Down"),
    COMPLETED(7, "Completed"),
    TERMINATED(8, "Terminated"),
    KILLED(9, "Killed"),
    EXCEPTION(10, "Exception"),
    SERVICE(11, "Service"),
    QUERY_PENDING(12, "Query Pending");

    private final int value;
    private final String displayName;

    JobState(int value, String displayName) {
        this.value = value;
        this.displayName = displayName;
    }

    /** The ValueMap value. */
    public int value() {
        return value;
    }

    /** The Values string. */
    public String displayName() {
        return displayName;
    }

    /** True for the states a job does not leave (Completed, Terminated, Killed, Exception). */
    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED || this == KILLED || this == EXCEPTION;
    }
}
