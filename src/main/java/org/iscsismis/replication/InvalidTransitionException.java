package org.iscsismis.replication;

/**
 * An operation the pair does not allow now: the transition table has no cell for its current CopyState, or the cell's
 * precondition does not hold (a restore needs a replica that holds a complete copy, and no other restore of the same
 * source running). Nothing was changed.
 */
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

    /** The table allows the trigger in this CopyState, but {@code reason} stands in its way. */
    public InvalidTransitionException(String pairId, SyncType syncType, CopyState currentState, Trigger trigger, String reason) {
        super("pair " + pairId + " (" + syncType.displayName() + ", " + currentState.displayName() + "): operation "
                + trigger.displayName() + " is refused: " + reason);
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
