package org.iscsismis.replication;

/** CIM_Synchronized.ProgressStatus: what the association is doing right now. */
public enum ProgressStatus implements CodedValue {
    UNKNOWN(0, "Unknown"),
    COMPLETED(2, "Completed"),
    DORMANT(3, "Dormant"),
    INITIALIZING(4, "Initializing"),
    PREPARING(5, "Preparing"),
    SYNCHRONIZING(6, "Synchronizing"),
    RESYNCING(7, "Resyncing"),
    RESTORING(8, "Restoring"),
    FRACTURING(9, "Fracturing"),
    SPLITTING(10, "Splitting"),
    FAILING_OVER(11, "Failing over"),
    FAILING_BACK(12, "Failing back"),
    ABORTING(13, "Aborting"),
    MIXED(14, "Mixed"),
    NOT_APPLICABLE(15, "Not Applicable"),
    SUSPENDING(16, "Suspending"),
    REQUIRES_FRACTURE(17, "Requires fracture"),
    REQUIRES_RESYNC(18, "Requires resync"),
    REQUIRES_ACTIVATE(19, "Requires activate"),
    PENDING(20, "Pending"),
    DETACHING(21, "Detaching");

    private final int code;
    private final String displayName;

    ProgressStatus(int code, String displayName) {
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

    public static ProgressStatus fromCode(int code) {
        return CodedValue.fromCode(ProgressStatus.class, code);
    }
}
