package org.iscsismis.dispatch;

import java.time.Duration;

/**
 * The server's limits on pulled enumerations (DSP0200 1.3+).
 *
 * @param maxContexts    the most enumeration contexts open at once; an Open beyond it fails with
 *                       CIM_ERR_SERVER_LIMITS_EXCEEDED
 * @param defaultTimeout the inactivity timeout of a context whose Open gave OperationTimeout NULL
 * @param maxTimeout     the largest OperationTimeout accepted; larger values, and 0 (never time
 *                       out), fail with CIM_ERR_INVALID_OPERATION_TIMEOUT
 */
public record PullLimits(int maxContexts, Duration defaultTimeout, Duration maxTimeout) {

    /** 256 contexts, 30 s by default, at most 90 s. */
    public static final PullLimits DEFAULT = new PullLimits(256, Duration.ofSeconds(30), Duration.ofSeconds(90));

    public PullLimits {
        if (maxContexts < 1) {
            throw new IllegalArgumentException("maxContexts must be at least 1, got " + maxContexts);
        }
        if (defaultTimeout.compareTo(Duration.ofSeconds(1)) < 0 || defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalArgumentException("defaultTimeout must be between 1 s and maxTimeout (" + maxTimeout
                    + "), got " + defaultTimeout);
        }
    }
}
