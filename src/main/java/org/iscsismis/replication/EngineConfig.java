package org.iscsismis.replication;

import java.time.Clock;
import java.util.Objects;

/**
 * Tuning of a {@link ReplicationEngine}.
 *
 * @param copyWorkers       threads that run background copy work (the bounded worker pool)
 * @param sliceChunks       chunks one scheduling slice copies before the worker picks the next pair
 * @param asyncMaxLagChunks an asynchronous mirror's bound: beyond this many un-copied chunks, host writes copy
 *                          their own chunks before returning
 * @param clock             source of the When* instants
 */
public record EngineConfig(int copyWorkers, int sliceChunks, int asyncMaxLagChunks, Clock clock) {

    public EngineConfig {
        if (copyWorkers < 1 || sliceChunks < 1 || asyncMaxLagChunks < 1) {
            throw new IllegalArgumentException("workers, slice and lag bound must be positive");
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static EngineConfig defaults() {
        return new EngineConfig(2, 8, 64, Clock.systemUTC());
    }

    public EngineConfig withCopyWorkers(int n) {
        return new EngineConfig(n, sliceChunks, asyncMaxLagChunks, clock);
    }

    public EngineConfig withSliceChunks(int n) {
        return new EngineConfig(copyWorkers, n, asyncMaxLagChunks, clock);
    }

    public EngineConfig withAsyncMaxLagChunks(int n) {
        return new EngineConfig(copyWorkers, sliceChunks, n, clock);
    }

    public EngineConfig withClock(Clock c) {
        return new EngineConfig(copyWorkers, sliceChunks, asyncMaxLagChunks, c);
    }
}
