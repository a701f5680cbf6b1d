package org.iscsismis.replication;

/** CIM_StorageSynchronized.CopyType (replication policy), implied by SyncType and Mode. */
public enum CopyType implements CodedValue {
    ASYNC(2, "Async"),
    SYNC(3, "Sync"),
    UNSYNC_ASSOC(4, "UnSyncAssoc"),
    UNSYNC_UNASSOC(5, "UnSyncUnAssoc");

    private final int code;
    private final String displayName;

    CopyType(int code, String displayName) {
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

    public static CopyType fromCode(int code) {
        return CodedValue.fromCode(CopyType.class, code);
    }
}
