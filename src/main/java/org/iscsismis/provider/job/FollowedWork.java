package org.iscsismis.provider.job;

import java.util.concurrent.CompletionStage;

/**
 * Work that runs elsewhere (a copy on the replication engine's workers) and that a job only follows: no job-service
 * thread waits for it, so any number of such jobs are Running at once. {@link #follow} is called once, when the job
 * starts; the job is Completed when the returned stage completes normally and Exception when it completes
 * exceptionally (a {@link org.iscsismis.cim.CimException} keeps its status code in the job's error, a
 * {@link JobFailure} also its CIM_Error details). Stopping the job (Terminate, Kill) cancels the stage, which the
 * work may observe to stop following. The {@link JobControl} methods say what RequestStateChange does to the work
 * itself; by default it cannot be suspended and Terminate only stops following.
 */
@FunctionalInterface
public interface FollowedWork extends JobControl {

    /** Starts following; must not block. Report progress through {@code progress}. */
    CompletionStage<?> follow(JobProgress progress);
}
