package org.iscsismis.provider.job;

/**
 * The CIM_ManagedSystemElement.OperationalStatus values (ValueMap of DMTF CIM 2.49) a job or a volume shows, with
 * the Values text that also goes into StatusDescriptions.
 */
public enum OperationalStatus {
    OK(2, "OK"),
    DEGRADED(3, "Degraded"),
    ERROR(6, "Error"),
    STOPPED(10, "Stopped"),
    LOST_COMMUNICATION(13, "Lost Communication"),
    ABORTED(14, "Aborted"),
    DORMANT(15, "Dormant"),
    COMPLETED(17, "Completed");

    private final int code;
    private final String displayName;

    OperationalStatus(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    /** The ValueMap value. */
    public int code() {
        return code;
    }

    /** The Values string. */
    public String displayName() {
        return displayName;
    }
}
