package org.iscsismis.replication;

/** CIM_Synchronized.SyncType: the intended outcome of the replication. */
public enum SyncType implements CodedValue {
    MIRROR(6, "Mirror"),
    SNAPSHOT(7, "Snapshot"),
    CLONE(8, "Clone");

    private final int code;
    private final String displayName;

    SyncType(int code, String displayName) {
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

    public static SyncType fromCode(int code) {
        return CodedValue.fromCode(SyncType.class, code);
    }
}
