package org.iscsismis.replication;

/** CIM_Synchronized.CopyState: the state of the association with respect to replication activity. */
public enum CopyState implements CodedValue {
    INITIALIZED(2, "Initialized"),
    UNSYNCHRONIZED(3, "Unsynchronized"),
    SYNCHRONIZED(4, "Synchronized"),
    BROKEN(5, "Broken"),
    FRACTURED(6, "Fractured"),
    SPLIT(7, "Split"),
    INACTIVE(8, "Inactive"),
    SUSPENDED(9, "Suspended"),
    FAILEDOVER(10, "Failedover"),
    PREPARED(11, "Prepared"),
    ABORTED(12, "Aborted"),
    SKEWED(13, "Skewed"),
    MIXED(14, "Mixed"),
    NOT_APPLICABLE(15, "Not Applicable"),
    PARTITIONED(16, "Partitioned"),
    INVALID(17, "Invalid");

    private final int code;
    private final String displayName;

    CopyState(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public static CopyState fromCode(int code) {
        return CodedValue.fromCode(CopyState.class, code);
    }
}
