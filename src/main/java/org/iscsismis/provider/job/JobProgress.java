package org.iscsismis.provider.job;

import java.util.concurrent.CancellationException;

/** What running work sees of its job. Thread-safe. */
public interface JobProgress {

    /** Sets PercentComplete (clamped to 0..100; never decreases). */
    void percent(int percentComplete);

    /** True once the job was terminated (RequestStateChange Terminate): the work should stop. */
    boolean isCancelled();

    /** Throws {@link CancellationException} if the job was terminated. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("job terminated");
        }
    }
}
