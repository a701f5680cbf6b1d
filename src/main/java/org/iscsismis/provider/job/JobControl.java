package org.iscsismis.provider.job;

/**
 * What followed work (see {@link FollowedWork}) does when a client changes its job's state with
 * RequestStateChange. The job service checks the job's own state first (a finished job is never handed on) and
 * serializes the requests of one job; the work answers for the thing it runs. Kill needs nothing from the work:
 * the job stops following at once and leaves the work running, as CIM's Killed allows.
 *
 * <p>Calls come from a request thread; answer promptly, without waiting for the work.
 */
public interface JobControl {

    /** Whether this kind of work can ever be suspended; when false, Suspend and Start answer Not Supported. */
    default boolean suspendable() {
        return false;
    }

    /** Suspends the running work; false if it cannot be suspended right now (the job stays Running). */
    default boolean suspend() {
        return false;
    }

    /** Resumes the suspended work; false if it cannot be resumed right now (the job stays Suspended). */
    default boolean resume() {
        return false;
    }

    /**
     * Stops the work cleanly before the job becomes Terminated; false if it cannot be stopped cleanly right now
     * (the job stays as it is; Kill still stops following). The default has nothing to stop: the job then only
     * stops following.
     */
    default boolean terminate() {
        return true;
    }
}
