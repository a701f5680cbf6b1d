package org.iscsismis.store;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.provider.job.JobLog;
import org.iscsismis.provider.job.JobRecord;
import org.iscsismis.provider.job.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs' part of the data directory: each job as {@code job/INSTANCEID} (written when it is registered, when it
 * finishes and when a client changes how long it is kept; removed with it), and {@code job-ids}, the highest job
 * number handed out when a job was last removed (so numbering never goes back after a restart).
 */
final class JobJournal implements JobLog {

    private static final Logger LOG = LoggerFactory.getLogger(JobJournal.class);
    static final String JOB = "job/";
    static final String IDS = "job-ids";

    private final Journal journal;

    JobJournal(Journal journal) {
        this.journal = journal;
    }

    /** Hands {@code jobs} the kept jobs (the unfinished ones ended as interrupted) and records its jobs from now on. */
    void recover(JobService jobs) {
        List<JobRecord> kept = new ArrayList<>();
        for (byte[] value : journal.withPrefix(JOB).values()) {
            kept.add(JobRecords.read(Fields.of(value)));
        }
        long last = Fields.of(journal.snapshot().getOrDefault(IDS, new Fields().bytes())).number("last", 0);
        jobs.setLog(this);
        jobs.restore(kept, last);
        long interrupted = kept.stream().filter(r -> !r.state().isFinal()).count();
        if (!kept.isEmpty()) {
            LOG.info("Recovered {} jobs ({} interrupted by the restart)", kept.size(), interrupted);
        }
    }

    @Override
    public void saved(JobRecord job) {
        journal.put(JOB + job.instanceId(), JobRecords.write(job).bytes());
    }

    @Override
    public void removed(String instanceId, long lastNumber) {
        journal.put(IDS, new Fields().put("last", lastNumber).bytes());
        journal.remove(JOB + instanceId);
    }
}
