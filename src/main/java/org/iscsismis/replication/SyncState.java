package org.iscsismis.replication;

/** CIM_StorageSynchronized.SyncState (Copy Services): derived from the engine's facts, never stored. */
public enum SyncState implements CodedValue {
    INITIALIZED(2, "Initialized"),
    PREPARE_IN_PROGRESS(3, "PrepareInProgress"),
    PREPARED(4, "Prepared"),
    RESYNC_IN_PROGRESS(5, "ResyncInProgress"),
    SYNCHRONIZED(6, "Synchronized"),
    FRACTURE_IN_PROGRESS(7, "Fracture In Progress"),
    QUIESCE_IN_PROGRESS(8, "QuiesceInProgress"),
    QUIESCED(9, "Quiesced"),
    RESTORE_IN_PROGRESS(10, "Restore In Progresss"),
    IDLE(11, "Idle"),
    BROKEN(12, "Broken"),
    FRACTURED(13, "Fractured"),
    FROZEN(14, "Frozen"),
    COPY_IN_PROGRESS(15, "Copy In Progress");

    private final int code;
    private final String displayName;

    SyncState(int code, String displayName) {
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

    public static SyncState fromCode(int code) {
        return CodedValue.fromCode(SyncState.class, code);
    }
}
