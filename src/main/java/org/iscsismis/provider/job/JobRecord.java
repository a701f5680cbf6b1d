package org.iscsismis.provider.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.iscsismis.cim.ObjectPath;

/**
 * What a {@link JobLog} keeps of a job: enough to show it again after a restart. {@code path} has the job's
 * namespace and class; {@code finished}, {@code started}, {@code errorCode} and {@code errorDescription} are null
 * while they do not apply (errorCode: the CIM status code of an Exception's failure).
 */
public record JobRecord(String instanceId, ObjectPath path, ObjectPath owner, List<AffectedElement> affected,
        String description, JobState state, int percentComplete, Instant submitted, Instant started, Instant finished,
        boolean deleteOnCompletion, Duration timeBeforeRemoval, Integer errorCode, String errorDescription) {

    public JobRecord {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(timeBeforeRemoval, "timeBeforeRemoval");
        affected = List.copyOf(affected);
    }
}
