package org.iscsismis.iscsi.target.login;

import java.util.Map;

/**
 * The operational parameters a login settled on (RFC 7143 §13), with the RFC defaults for keys that were not
 * negotiated.
 *
 * @param initiatorRecvDataSegmentLength the longest data segment we may send (the initiator's declaration)
 * @param targetRecvDataSegmentLength    the longest data segment the initiator may send us (our declaration)
 */
public record SessionParameters(boolean headerDigest, boolean dataDigest, int initiatorRecvDataSegmentLength,
                                int targetRecvDataSegmentLength, int maxBurstLength, int firstBurstLength,
                                boolean initialR2T, boolean immediateData, int maxOutstandingR2T, int defaultTime2Wait,
                                int defaultTime2Retain, int errorRecoveryLevel) {

    /**
     * The parameters from the negotiated results (key → value as both sides will use it).
     *
     * @param limits our declared values, used for the keys the initiator never offered
     */
    static SessionParameters from(Map<String, String> results, NegotiationLimits limits) {
        int maxBurst = number(results, OperationalKeys.MAX_BURST_LENGTH, 262144);
        return new SessionParameters(
                "CRC32C".equals(results.get(OperationalKeys.HEADER_DIGEST)),
                "CRC32C".equals(results.get(OperationalKeys.DATA_DIGEST)),
                number(results, OperationalKeys.MAX_RECV_DATA_SEGMENT_LENGTH, 8192),
                limits.maxRecvDataSegmentLength(),
                maxBurst,
                // RFC 7143 §13.14: FirstBurstLength never exceeds MaxBurstLength
                Math.min(maxBurst, number(results, OperationalKeys.FIRST_BURST_LENGTH, 65536)),
                !"No".equals(results.get(OperationalKeys.INITIAL_R2T)),
                !"No".equals(results.get(OperationalKeys.IMMEDIATE_DATA)),
                number(results, OperationalKeys.MAX_OUTSTANDING_R2T, 1),
                number(results, OperationalKeys.DEFAULT_TIME2WAIT, 2),
                number(results, OperationalKeys.DEFAULT_TIME2RETAIN, 20),
                number(results, OperationalKeys.ERROR_RECOVERY_LEVEL, 0));
    }

    private static int number(Map<String, String> results, String key, int rfcDefault) {
        String v = results.get(key);
        return v == null ? rfcDefault : Integer.parseInt(v);
    }
}
