package org.iscsismis.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting on a condition rather than for a fixed time: what happens on another thread is checked until it holds. */
public final class Conditions {

    /** Long enough for a loaded machine; a condition that holds returns at once. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);

    private Conditions() {
    }

    /** Polls {@code condition} (every millisecond) until it holds; fails the test naming {@code what} at the deadline. */
    public static void await(String what, BooleanSupplier condition) {
        await(what, condition, DEFAULT_DEADLINE);
    }

    /** As {@link #await(String, BooleanSupplier)} with the given deadline. */
    public static void await(String what, BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + deadline.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }
}
