package org.iscsismis.provider.job;

import java.util.List;

/**
 * CIM_ConcreteJob.JobState values (ValueMap of DMTF CIM 2.49) used by the job service, each with the
 * OperationalStatus a job in that state shows (the SMI-S Job Control combinations; docs/model.md prints them).
 */
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

    /**
     * The job's OperationalStatus in this state: New is Dormant; Running OK; Suspended OK and Stopped (stopped, can
     * go on); Completed OK and Completed; Exception Error and Completed; Terminated Stopped (a clean stop on request);
     * Killed Stopped and Aborted (an abrupt stop: what the work was doing may need looking at).
     */
    public List<OperationalStatus> operationalStatus() {
        return switch (this) {
            case NEW, QUERY_PENDING -> List.of(OperationalStatus.DORMANT);
            case STARTING, RUNNING, SERVICE -> List.of(OperationalStatus.OK);
            case SUSPENDED -> List.of(OperationalStatus.OK, OperationalStatus.STOPPED);
            case SHUTTING_DOWN -> List.of(OperationalStatus.OK);
            case COMPLETED -> List.of(OperationalStatus.OK, OperationalStatus.COMPLETED);
            case EXCEPTION -> List.of(OperationalStatus.ERROR, OperationalStatus.COMPLETED);
            case TERMINATED -> List.of(OperationalStatus.STOPPED);
            case KILLED -> List.of(OperationalStatus.STOPPED, OperationalStatus.ABORTED);
        };
    }

    /** True for the states a job does not leave (Completed, Terminated, Killed, Exception). */
    public boolean isFinal() {
        return this == COMPLETED || this == TERMINATED || this == KILLED || this == EXCEPTION;
    }
}
