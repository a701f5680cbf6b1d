package org.iscsismis.replication;

/**
 * Hears about pairs: state changes, copy progress, removal. Called on the engine's single event thread, in the
 * order things happened, never while an engine lock is held (so a listener may call back into the engine).
 */
public interface ReplicationListener {

    /** A trigger moved a pair; {@code before} and {@code after} may have the same CopyState (e.g. a mode change). */
    default void stateChanged(PairSnapshot before, PairSnapshot after, Trigger trigger) {
    }

    /** Background work moved some bytes. */
    default void progress(PairSnapshot pair) {
    }

    default void pairCreated(PairSnapshot pair) {
    }

    /** The association is gone (Detach, Dissolve, Return To ResourcePool); this is its last view. */
    default void pairRemoved(PairSnapshot last) {
    }
}
