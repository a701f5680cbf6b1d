package org.iscsismis.replication;

/** An operation the transition table does not allow in the pair's current CopyState; nothing was changed. */
public final class InvalidTransitionException extends RuntimeException {

    private final SyncType syncType;
    private final CopyState currentState;
    private final Trigger trigger;

    public InvalidTransitionException(String pairId, SyncType syncType, CopyState currentState, Trigger trigger) {
        super("pair " + pairId + " (" + syncType.displayName() + "): operation " + trigger.displayName()
                + " is not allowed in CopyState " + currentState.displayName() + " (" + currentState.code() + ")");
        this.syncType = syncType;
        this.currentState = currentState;
        this.trigger = trigger;
    }

    public SyncType syncType() {
        return syncType;
    }

    public CopyState currentState() {
        return currentState;
    }

    public Trigger trigger() {
        return trigger;
    }
}
