package org.iscsismis.provider.job;

import java.util.List;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;

/**
 * A job's failure with what its CIM_Error should say beyond the message: the kind of error and its probable
 * cause (codes of the CIM_Error.ErrorType and ProbableCause value maps of DMTF CIM 2.49) and what a client can do
 * about it. Work that fails with a plain exception gets a Software Error of unknown cause.
 */
public final class JobFailure extends CimException {

    private static final long serialVersionUID = 1L;

    /** CIM_Error.ErrorType values used by jobs. */
    public static final int COMMUNICATIONS_ERROR = 2;
    public static final int SOFTWARE_ERROR = 4;
    public static final int HARDWARE_ERROR = 5;

    /** CIM_Error.ProbableCause values used by jobs. */
    public static final int UNKNOWN_CAUSE = 0;
    public static final int COMMUNICATIONS_SUBSYSTEM_FAILURE = 7;
    public static final int ELEMENT_UNAVAILABLE = 72;
    public static final int DISK_FAILURE = 86;

    private final int errorType;
    private final int probableCause;
    private final transient List<String> recommendedActions;

    public JobFailure(String message, int errorType, int probableCause, List<String> recommendedActions) {
        super(CimStatus.FAILED, message);
        this.errorType = errorType;
        this.probableCause = probableCause;
        this.recommendedActions = List.copyOf(recommendedActions);
    }

    public int errorType() {
        return errorType;
    }

    public int probableCause() {
        return probableCause;
    }

    public List<String> recommendedActions() {
        return recommendedActions == null ? List.of() : recommendedActions;
    }
}
