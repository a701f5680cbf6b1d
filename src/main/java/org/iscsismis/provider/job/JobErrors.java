package org.iscsismis.provider.job;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.Alert;

/**
 * The CIM_Error instances GetError and GetErrors return. DMTF: a job whose OperationalStatus is OK (Running,
 * Suspended, Completed) has none; a failed job (Exception) has one describing the failure; a job a client stopped
 * (Terminated, Killed) has one saying so.
 */
final class JobErrors {

    /** CIM_Error.PerceivedSeverity values used here. */
    private static final int INFORMATION = 2;
    private static final int MAJOR = 5;
    /** CIM_Error.ErrorType Other. */
    private static final int OTHER = 1;
    /** CIM_Error.ErrorSourceFormat CIMObjectPath. */
    private static final int CIM_OBJECT_PATH = 2;

    private JobErrors() {
    }

    /** The job's CIM_Error instances of class {@code errorClass}; empty when it has none. */
    static List<CimInstance> of(CimClass errorClass, Job.View v) {
        return switch (v.state()) {
            case EXCEPTION -> List.of(failure(errorClass, v));
            case TERMINATED, KILLED -> List.of(stopped(errorClass, v));
            default -> List.of();
        };
    }

    private static CimInstance failure(CimClass errorClass, Job.View v) {
        Throwable error = v.error();
        int code = JobInstance.errorCode(error);
        JobFailure details = error instanceof JobFailure f ? f : null;
        CimInstance.Builder b = base(errorClass, v)
                .property("ErrorType", CimValue.ofUint16(details != null ? details.errorType() : JobFailure.SOFTWARE_ERROR))
                .property("MessageID", CimValue.ofString("ISMIS-JOB-" + code))
                .property("Message", CimValue.ofString(JobInstance.errorDescription(error)))
                .property("PerceivedSeverity", CimValue.ofUint16(MAJOR))
                .property("ProbableCause", CimValue.ofUint16(details != null ? details.probableCause() : JobFailure.UNKNOWN_CAUSE))
                .property("CIMStatusCode", CimValue.ofUint32(code))
                .property("CIMStatusCodeDescription", CimValue.ofString(CimStatus.fromCode(code).cimName()));
        if (details != null && !details.recommendedActions().isEmpty()) {
            b.property("RecommendedActions", CimValue.ofStrings(details.recommendedActions()));
        }
        return b.build();
    }

    private static CimInstance stopped(CimClass errorClass, Job.View v) {
        String how = v.state() == JobState.KILLED ? "Kill" : "Terminate";
        return base(errorClass, v)
                .property("ErrorType", CimValue.ofUint16(OTHER))
                .property("OtherErrorType", CimValue.ofString("Stopped by a client"))
                .property("MessageID", CimValue.ofString("ISMIS-JOB-STOPPED"))
                .property("Message", CimValue.ofString("The job was stopped by RequestStateChange(" + how + ") before it finished"))
                .property("PerceivedSeverity", CimValue.ofUint16(INFORMATION))
                .property("ProbableCause", CimValue.ofUint16(JobFailure.UNKNOWN_CAUSE))
                .build();
    }

    private static CimInstance.Builder base(CimClass errorClass, Job.View v) {
        return CimInstance.builder(errorClass.name())
                .property("OwningEntity", CimValue.ofString(Alert.OWNING_ENTITY))
                .property("ErrorSource", CimValue.ofString(v.job().path().toString()))
                .property("ErrorSourceFormat", CimValue.ofUint16(CIM_OBJECT_PATH));
    }
}
