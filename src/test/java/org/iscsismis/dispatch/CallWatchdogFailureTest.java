package org.iscsismis.dispatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The watchdog's sweeper survives a sweep that throws an Error, and goes on timing out idle calls. */
class CallWatchdogFailureTest {

    @Test
    void aSweepThatThrowsAnErrorDoesNotStopTheWatchdog() throws Exception {
        AtomicLong now = new AtomicLong();
        AtomicBoolean bomb = new AtomicBoolean();
        AtomicInteger exploded = new AtomicInteger();
        try (CallWatchdog watchdog = new CallWatchdog(Duration.ofMillis(50), () -> {
            if (bomb.get() && Thread.currentThread().getName().equals("provider-watchdog")) {
                exploded.incrementAndGet();
                throw new OutOfMemoryError("injected into a sweep");
            }
            return now.get();
        }, true)) {
            CountDownLatch interrupted = new CountDownLatch(1);
            CountDownLatch watching = new CountDownLatch(1);
            Thread call = new Thread(() -> {
                CallWatchdog.Watch w = watchdog.begin();
                watching.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                } finally {
                    w.finish();
                }
            }, "watched-call");
            bomb.set(true);
            call.start();
            watching.await();
            awaitCondition(() -> exploded.get() >= 2); // two sweeps failed, so the loop went round after the first
            bomb.set(false);
            now.set(TimeUnit.SECONDS.toNanos(1)); // the call has now been idle far longer than the timeout
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "a later sweep timed the idle call out");
            call.join();
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in 10 s");
            Thread.sleep(1);
        }
    }
}
