package org.iscsismis.provider.job;

/**
 * Hears about jobs: created, and each change of JobState or PercentComplete. Called on the thread making the change
 * while the job's lock is held, so calls for one job come in order; a listener must be quick, must not block and must
 * not throw (the indication service only queues).
 */
public interface JobListener {

    void jobCreated(Job job);

    void jobChanged(Job job);
}
