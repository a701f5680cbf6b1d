package org.iscsismis.replication;

/** CIM_StorageSynchronized.CopyPriority: the share of background copy bandwidth a pair gets. */
public enum CopyPriority implements CodedValue {
    NOT_MANAGED(0, "Not Managed"),
    LOW(1, "Low"),
    SAME(2, "Same"),
    HIGH(3, "High"),
    URGENT(4, "Urgent");

    private final int code;
    private final String displayName;

    CopyPriority(int code, String displayName) {
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

    public static CopyPriority fromCode(int code) {
        return CodedValue.fromCode(CopyPriority.class, code);
    }
}
