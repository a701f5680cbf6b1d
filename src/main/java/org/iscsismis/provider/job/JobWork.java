package org.iscsismis.provider.job;

/**
 * The long work behind a job, run on the job service's bounded executor. Report progress through
 * {@link JobProgress}; return normally for JobState Completed, throw for Exception (a
 * {@link org.iscsismis.cim.CimException} keeps its status code in the job's error). A terminated
 * job's thread is interrupted and {@link JobProgress#isCancelled()} turns true: stop promptly.
 */
@FunctionalInterface
public interface JobWork {

    void run(JobProgress progress) throws Exception;
}
