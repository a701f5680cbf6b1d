package org.iscsismis.replication;

/** CIM_Synchronized.Mode: whether the target is updated synchronously or asynchronously. */
public enum Mode implements CodedValue {
    UNKNOWN(0, "Unknown"),
    SYNCHRONOUS(2, "Synchronous"),
    ASYNCHRONOUS(3, "Asynchronous");

    private final int code;
    private final String displayName;

    Mode(int code, String displayName) {
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

    public static Mode fromCode(int code) {
        return CodedValue.fromCode(Mode.class, code);
    }
}
