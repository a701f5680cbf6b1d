package org.iscsismis.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.indication.DeliveryScheduler;

/**
 * Delivery time stepped by the test: {@link #advance} moves the clock and runs the retries that fell due (each only
 * hands its work to the service's own threads). No sleeping, no real timers.
 */
public final class ManualDeliveryScheduler implements DeliveryScheduler {

    private record Task(Instant due, Runnable work) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return current();
            }
        };
    }

    private synchronized Instant current() {
        return now;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        tasks.add(new Task(now.plus(delay), task));
    }

    /** How many retries wait to fall due. */
    public synchronized int pending() {
        return tasks.size();
    }

    /** Moves the clock by {@code step} and runs every task now due, oldest first. */
    public void advance(Duration step) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            now = now.plus(step);
            tasks.removeIf(t -> {
                if (!t.due().isAfter(now)) {
                    due.add(t);
                    return true;
                }
                return false;
            });
        }
        due.sort((a, b) -> a.due().compareTo(b.due()));
        due.forEach(t -> t.work().run());
    }

    @Override
    public void close() {
    }
}
