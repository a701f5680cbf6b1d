package org.iscsismis.iscsi.target.login;

/**
 * This target's side of the numeric login keys: what it declares it can receive, and the largest bursts and R2T
 * counts it agrees to. The negotiated values are the smaller of these and the initiator's offers.
 *
 * @param maxRecvDataSegmentLength the longest data segment we read in one PDU
 * @param maxBurstLength           the longest solicited burst (one R2T)
 * @param firstBurstLength         the most unsolicited data per command
 * @param maxOutstandingR2T        R2Ts in flight per command
 */
public record NegotiationLimits(int maxRecvDataSegmentLength, int maxBurstLength, int firstBurstLength,
                                int maxOutstandingR2T) {

    /** 256 KiB segments and first bursts, 1 MiB bursts, 4 R2Ts per command. */
    public static final NegotiationLimits DEFAULT = new NegotiationLimits(256 * 1024, 1024 * 1024, 256 * 1024, 4);

    public NegotiationLimits {
        check("maxRecvDataSegmentLength", maxRecvDataSegmentLength);
        check("maxBurstLength", maxBurstLength);
        check("firstBurstLength", firstBurstLength);
        if (maxOutstandingR2T < 1 || maxOutstandingR2T > 65535) {
            throw new IllegalArgumentException("maxOutstandingR2T must be within 1..65535, not " + maxOutstandingR2T);
        }
    }

    private static void check(String name, int value) {
        if (value < OperationalKeys.MIN_LENGTH || value > OperationalKeys.MAX_LENGTH) {
            throw new IllegalArgumentException(name + " must be within " + OperationalKeys.MIN_LENGTH + ".."
                    + OperationalKeys.MAX_LENGTH + ", not " + value);
        }
    }
}
