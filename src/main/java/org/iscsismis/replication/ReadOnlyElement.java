package org.iscsismis.replication;

/** CIM_StorageSynchronized.ReadOnly: which elements are read-only to the host. */
public enum ReadOnlyElement implements CodedValue {
    SYSTEM_ELEMENT(2, "SystemElement"),
    SYNCED_ELEMENT(3, "SyncedElement"),
    BOTH(4, "Both");

    private final int code;
    private final String displayName;

    ReadOnlyElement(int code, String displayName) {
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

    public static ReadOnlyElement fromCode(int code) {
        return CodedValue.fromCode(ReadOnlyElement.class, code);
    }
}
