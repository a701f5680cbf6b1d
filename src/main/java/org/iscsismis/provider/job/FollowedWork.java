package org.iscsismis.provider.job;

import java.util.concurrent.CompletionStage;

/**
 * Work that runs elsewhere (a copy on the replication engine's workers) and that a job only follows: no job-service
 * thread waits for it, so any number of such jobs are Running at once. {@link #follow} is called once, when the job
 * starts; the job is Completed when the returned stage completes normally and Exception when it completes
 * exceptionally (a {@link org.iscsismis.cim.CimException} keeps its status code in the job's error). Terminating
 * the job cancels the stage, which the work may observe to stop following.
 */
@FunctionalInterface
public interface FollowedWork {

    /** Starts following; must not block. Report progress through {@code progress}. */
    CompletionStage<?> follow(JobProgress progress);
}
