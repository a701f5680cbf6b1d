package org.iscsismis.replication;

/** CIM_StorageSynchronized.ReplicaType: how the replica is maintained, implied by SyncType. */
public enum ReplicaType implements CodedValue {
    NOT_SPECIFIED(0, "Not Specified"),
    FULL_COPY(2, "Full Copy"),
    BEFORE_DELTA(3, "Before Delta"),
    AFTER_DELTA(4, "After Delta"),
    LOG(5, "Log");

    private final int code;
    private final String displayName;

    ReplicaType(int code, String displayName) {
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

    public static ReplicaType fromCode(int code) {
        return CodedValue.fromCode(ReplicaType.class, code);
    }
}
