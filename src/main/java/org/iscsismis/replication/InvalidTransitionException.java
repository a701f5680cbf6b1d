package org.iscsismis.replication;

/**
 * An operation the pair does not allow now: the transition table has no cell for its current CopyState, or the cell's
 * precondition does not hold (a restore needs a replica that holds a complete copy, and no other restore of the same
 * source running: {@link #elementInUse()}). Nothing was changed.
 */
public final class InvalidTransitionException extends RuntimeException {

    private final SyncType syncType;
    private final CopyState currentState;
    private final Trigger trigger;
    private final boolean elementInUse;

    public InvalidTransitionException(String pairId, SyncType syncType, CopyState currentState, Trigger trigger) {
        super("pair " + pairId + " (" + syncType.displayName() + "): operation " + trigger.displayName()
                + " is not allowed in CopyState " + currentState.displayName() + " (" + currentState.code() + ")");
        this.syncType = syncType;
        this.currentState = currentState;
        this.trigger = trigger;
        this.elementInUse = false;
    }

    /** The table allows the trigger in this CopyState, but {@code reason} stands in its way. */
    public InvalidTransitionException(String pairId, SyncType syncType, CopyState currentState, Trigger trigger, String reason) {
        this(pairId, syncType, currentState, trigger, reason, false);
    }

    private InvalidTransitionException(String pairId, SyncType syncType, CopyState currentState, Trigger trigger, String reason,
                                       boolean elementInUse) {
        super("pair " + pairId + " (" + syncType.displayName() + ", " + currentState.displayName() + "): operation "
                + trigger.displayName() + " is refused: " + reason);
        this.syncType = syncType;
        this.currentState = currentState;
        this.trigger = trigger;
        this.elementInUse = elementInUse;
    }

    /** The pair could take the trigger, but an element it needs is busy with other work ({@code reason} says which). */
    public static InvalidTransitionException inUse(String pairId, SyncType syncType, CopyState currentState, Trigger trigger,
                                                   String reason) {
        return new InvalidTransitionException(pairId, syncType, currentState, trigger, reason, true);
    }

    /** True if an element was busy (a second restore of a source being restored), not the pair's state refusing. */
    public boolean elementInUse() {
        return elementInUse;
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
