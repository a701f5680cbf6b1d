package org.iscsismis.replication;

/** Things that happen to a pair without a client asking: they are rows of the transition table too. */
public enum EngineEvent implements Trigger {
    /** The source or target disk failed (offline, injected read/write fault, pool out of space). */
    DISK_FAILED("Disk failed"),
    /** The per-pair path between source and target is down: the disks are fine, the link is not. */
    PATH_LOST("Path lost"),
    /** The fault cleared on a pair whose CopyRecoveryMode is Manual: it waits, Suspended, for Resume. */
    RECOVERED_MANUAL("Recovered (manual)"),
    /** The background work a transition started (copy, restore, drain) has finished. */
    WORK_DONE("Work done");

    private final String displayName;

    EngineEvent(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
