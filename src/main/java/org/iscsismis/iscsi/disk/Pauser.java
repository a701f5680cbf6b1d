package org.iscsismis.iscsi.disk;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits out injected latency. Injectable so that tests observe the requested delay instead of sleeping.
 */
@FunctionalInterface
public interface Pauser {

    /** Block the calling thread for about {@code delay}. */
    void pause(Duration delay);

    /** The real thing: parks the thread. */
    static Pauser parking() {
        return delay -> {
            long deadline = System.nanoTime() + delay.toNanos();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
        };
    }
}
