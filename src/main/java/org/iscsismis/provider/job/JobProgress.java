package org.iscsismis.provider.job;

import java.util.concurrent.CancellationException;

/** What running work sees of its job. Thread-safe. */
public interface JobProgress {

    /** Sets PercentComplete (clamped to 0..100; never decreases). */
    void percent(int percentComplete);

    /** True once the job was stopped (RequestStateChange Terminate or Kill): the work should stop. */
    boolean isCancelled();

    /**
     * Followed work that was suspended (true) or resumed (false) by other means than the job's own
     * RequestStateChange, e.g. a client suspending the copy directly: the job shows Suspended or Running to match.
     * Ignored for a job that is neither Running nor Suspended.
     */
    void workSuspended(boolean suspended);

    /** Throws {@link CancellationException} if the job was stopped. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("job terminated");
        }
    }
}
