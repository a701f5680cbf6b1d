package org.iscsismis.replication;

/** ModifyReplicaSynchronization Operation values (SMI-S Replication Services) that this engine implements. */
public enum Operation implements CodedValue, Trigger {
    ABORT(2, "Abort"),
    ACTIVATE(4, "Activate"),
    DEACTIVATE(7, "Deactivate"),
    DETACH(8, "Detach"),
    DISSOLVE(9, "Dissolve"),
    FRACTURE(12, "Fracture"),
    RESYNC_REPLICA(14, "Resync Replica"),
    RESTORE_FROM_REPLICA(15, "Restore from Replica"),
    RESUME(16, "Resume"),
    RESET_TO_SYNC(17, "Reset To Sync"),
    RESET_TO_ASYNC(18, "Reset To Async"),
    RETURN_TO_RESOURCE_POOL(19, "Return To ResourcePool"),
    SPLIT(21, "Split"),
    SUSPEND(22, "Suspend");

    private final int code;
    private final String displayName;

    Operation(int code, String displayName) {
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

    public static Operation fromCode(int code) {
        return CodedValue.fromCode(Operation.class, code);
    }
}
