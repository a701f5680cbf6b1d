package org.iscsismis.provider.job;

/**
 * Keeps jobs across restarts (the data directory's journal). {@link JobService} calls it when a job is registered,
 * when it finishes, when a client changes DeleteOnCompletion or TimeBeforeRemoval, and when the job is removed;
 * calls for one job come in order. Each call returns once the change is durable, so a job path a client was given
 * is never forgotten. At start-up the service is given back the kept jobs through {@link JobService#restore}.
 */
public interface JobLog {

    /** The job as it is now (replacing what was kept of it). */
    void saved(JobRecord job);

    /**
     * The job is gone (expired, deleted or purged). {@code lastNumber} is the highest job number handed out so far,
     * to be given back to {@link JobService#restore} so that no InstanceID is reused.
     */
    void removed(String instanceId, long lastNumber);
}
