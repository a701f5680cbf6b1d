package org.iscsismis.replication;

/**
 * One cell of the transition table: where the CopyState goes at once ({@code to}), what background work then
 * runs and with which ProgressStatus, where the CopyState lands when that work is done ({@code result}), and
 * the immediate side effect on the pair's data.
 */
public record Transition(CopyState to, CopyState result, ProgressStatus progress, Work work, Effect effect) {

    /** Background work a transition starts; it runs on the engine's copy workers. */
    public enum Work {
        NONE,
        /** Mirror: copy the chunks the target lacks (pending) from source to target. */
        DRAIN,
        /**
         * Mirror switched to synchronous: drain the lag its asynchronous mode left (pending), the target otherwise a
         * whole copy. With nothing pending there is nothing to catch up: the transition keeps the pair where it is.
         */
        CATCH_UP,
        /** Clone: copy every chunk not yet preserved from source to target (point-in-time fill). */
        FILL,
        /** Copy the differing chunks from target back onto source, then (mirror) drain what changed meanwhile. */
        RESTORE
    }

    /** Immediate effect on the pair's data, applied atomically with the state change. */
    public enum Effect {
        NONE,
        /** Take a new point in time: discard the preserved chunks that are no longer valid. */
        NEW_PIT,
        /** Snapshot deactivated: drop the target's preserved chunks. */
        DISCARD_PIT,
        /** Stop the running background work (its progress is kept in the bitmaps). */
        CANCEL_WORK,
        /** Delete the association; both disks stay. */
        REMOVE,
        /** Delete the association and the target disk, returning its space to its pool. */
        REMOVE_AND_DELETE_TARGET,
        MODE_SYNC,
        MODE_ASYNC
    }

    /** True if this transition ends the association. */
    public boolean removes() {
        return effect == Effect.REMOVE || effect == Effect.REMOVE_AND_DELETE_TARGET;
    }

    public static Transition stay(CopyState s, Effect effect) {
        return new Transition(s, s, null, Work.NONE, effect);
    }
}
