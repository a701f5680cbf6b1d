package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimValue;
import org.iscsismis.provider.MethodResult;

/**
 * The return values of the storage and replication service methods (the SMI-S job convention: 0 … 6, 4096 for a
 * started job, 4097 "Size Not Supported" where a method's value map has it).
 */
public enum ReturnCode {
    COMPLETED(0),
    NOT_SUPPORTED(1),
    UNKNOWN(2),
    TIMEOUT(3),
    FAILED(4),
    INVALID_PARAMETER(5),
    IN_USE(6),
    JOB_STARTED(4096),
    SIZE_NOT_SUPPORTED(4097);

    private final long code;

    ReturnCode(long code) {
        this.code = code;
    }

    public long code() {
        return code;
    }

    /** A result with this return value and no OUT parameters yet. */
    public MethodResult result() {
        return MethodResult.of(CimValue.ofUint32(code));
    }
}
