package org.iscsismis.indication;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time base of delivery: when a retry runs, and what "now" is for subscription durations and removal intervals.
 * Tests inject one they step by hand instead of sleeping.
 */
public interface DeliveryScheduler extends AutoCloseable {

    Clock clock();

    /** Runs {@code task} once, {@code delay} from now (never on the caller's thread). */
    void schedule(Duration delay, Runnable task);

    @Override
    void close();

    /** Real time: one daemon thread runs the due retries. */
    static DeliveryScheduler realTime() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "indication-retry");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        Clock clock = Clock.systemUTC();
        return new DeliveryScheduler() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public void schedule(Duration delay, Runnable task) {
                timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }
}
