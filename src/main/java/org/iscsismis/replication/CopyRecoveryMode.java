package org.iscsismis.replication;

/** CIM_Synchronized.CopyRecoveryMode: whether copying continues by itself after a broken link is restored. */
public enum CopyRecoveryMode implements CodedValue {
    UNKNOWN(0, "Unknown"),
    AUTOMATIC(2, "Automatic"),
    MANUAL(3, "Manual");

    private final int code;
    private final String displayName;

    CopyRecoveryMode(int code, String displayName) {
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

    public static CopyRecoveryMode fromCode(int code) {
        return CodedValue.fromCode(CopyRecoveryMode.class, code);
    }
}
