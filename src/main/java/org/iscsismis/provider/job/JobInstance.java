package org.iscsismis.provider.job;

import java.time.Duration;
import java.util.List;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * A job as an instance of its CIM_ConcreteJob class. ErrorCode is the CIM status code of an Exception's failure
 * and 0 once Completed; a running, terminated or killed job has none (CIM_Job keeps ErrorCode for errors).
 */
final class JobInstance {

    private static final CimType UINT16_ARRAY = CimType.UINT16.asArray();

    private JobInstance() {
    }

    static CimInstance of(Job.View v) {
        Job job = v.job();
        Duration elapsed = v.started() == null ? null
                : Duration.between(v.started(), v.finished() != null ? v.finished() : v.now());
        List<OperationalStatus> status = v.state().operationalStatus();
        CimInstance.Builder b = CimInstance.builder(job.path().className()).path(job.path())
                .property("InstanceID", CimValue.ofString(job.instanceId()))
                .property("Name", CimValue.ofString(job.description()))
                .property("ElementName", CimValue.ofString(job.description()))
                .property("Description", CimValue.ofString(job.description()))
                .property("JobState", CimValue.ofUint16(v.state().value()))
                .property("JobStatus", CimValue.ofString(v.state().displayName()))
                .property("OperationalStatus", CimValue.of(UINT16_ARRAY, status.stream().map(OperationalStatus::code).toList()))
                .property("StatusDescriptions", CimValue.ofStrings(status.stream().map(OperationalStatus::displayName).toList()))
                .property("PercentComplete", CimValue.ofUint16(v.percent()))
                .property("TimeSubmitted", CimValue.ofDateTime(CimDateTime.ofInstant(v.submitted(), 0)))
                .property("StartTime", v.started() == null ? CimValue.nullOf(CimType.DATETIME)
                        : CimValue.ofDateTime(CimDateTime.ofInstant(v.started(), 0)))
                .property("ElapsedTime", elapsed == null ? CimValue.nullOf(CimType.DATETIME)
                        : CimValue.ofDateTime(CimDateTime.ofInterval(elapsed.isNegative() ? Duration.ZERO : elapsed)))
                .property("TimeOfLastStateChange", CimValue.ofDateTime(CimDateTime.ofInstant(v.lastChange(), 0)))
                .property("DeleteOnCompletion", CimValue.ofBoolean(v.deleteOnCompletion()))
                .property("TimeBeforeRemoval", CimValue.ofDateTime(CimDateTime.ofInterval(v.timeBeforeRemoval())))
                .property("JobRunTimes", CimValue.ofUint32(1))
                .property("Owner", job.owner() == null ? CimValue.nullOf(CimType.STRING) : CimValue.ofString(job.owner().toString()));
        if (v.state() == JobState.EXCEPTION) {
            b.property("ErrorCode", CimValue.ofUint16(errorCode(v.error())))
                    .property("ErrorDescription", CimValue.ofString(errorDescription(v.error())));
        } else if (v.state() == JobState.COMPLETED) {
            b.property("ErrorCode", CimValue.ofUint16(0));
        }
        return b.build();
    }

    /** The CIM status code of a failure (a CimException's, else FAILED). */
    static int errorCode(Throwable error) {
        return error instanceof CimException ce ? ce.status().code() : CimStatus.FAILED.code();
    }

    static String errorDescription(Throwable error) {
        String m = error instanceof CimException ce ? ce.description() : error.getMessage();
        return m == null ? error.getClass().getSimpleName() : m;
    }
}
