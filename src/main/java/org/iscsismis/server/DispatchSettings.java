package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.time.Duration;
import org.iscsismis.dispatch.PullLimits;

/**
 * How the dispatcher serves requests: the heap admitted work may take, provider time, pulled enumerations and jobs.
 *
 * @param memoryBudgetBytes limits.memoryBudgetBytes: the heap admitted requests and buffered pulls may take at once
 * @param providerTimeout   provider.timeoutMs: how long a provider may make no progress; zero = no limit
 * @param pullLimits        pull.maxContexts, pull.defaultTimeoutSeconds, pull.maxTimeoutSeconds
 * @param jobsMaxFinished   jobs.maxFinished: the most finished jobs the job service keeps
 * @param encodedInstancesBytes cache.encodedInstancesBytes: heap for stored instances kept as encoded CIM-XML; 0 = none
 */
public record DispatchSettings(long memoryBudgetBytes, Duration providerTimeout, PullLimits pullLimits, int jobsMaxFinished,
                               long encodedInstancesBytes) {

    static DispatchSettings read(ConfigValues v) {
        long memoryBudgetBytes = v.number(LIMITS_MEMORY_BUDGET_BYTES, 1 << 20, Long.MAX_VALUE);
        Duration providerTimeout = Duration.ofMillis(v.number(PROVIDER_TIMEOUT_MS, 0, Long.MAX_VALUE / 1_000_000));
        long maxTimeout = v.number(PULL_MAX_TIMEOUT_S, 1, 0xFFFF_FFFFL);
        PullLimits pullLimits = new PullLimits(v.intNumber(PULL_MAX_CONTEXTS, 1, 1_000_000),
                Duration.ofSeconds(v.number(PULL_DEFAULT_TIMEOUT_S, 1, maxTimeout)), Duration.ofSeconds(maxTimeout));
        return new DispatchSettings(memoryBudgetBytes, providerTimeout, pullLimits,
                v.intNumber(JOBS_MAX_FINISHED, 1, 1_000_000), v.number(CACHE_ENCODED_INSTANCES_BYTES, 0, 1L << 40));
    }
}
