package org.iscsismis.dispatch;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches provider calls for lack of progress. A call is timed out when its provider has been
 * working for the timeout without delivering anything: the clock starts with the call and
 * restarts each time a result has been handed on. Time spent inside the dispatcher's sink
 * (filtering, writing to a slow client, fetching an associator's far end from another provider)
 * is not the provider's and never counts.
 *
 * <p>The provider runs on the request thread itself (no hand-off, so a call costs a set insertion
 * and removal). One daemon thread sweeps the calls in progress every tenth of the timeout (at
 * most once a second, so a timeout fires up to that much late); a call found idle too long is
 * marked and its thread interrupted. From then on the call's sink refuses every result, and the
 * call ends with the timeout error however the provider reacts — once it returns: a provider that
 * blocks without honouring interruption keeps its request until it does.
 */
final class CallWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallWatchdog.class);

    private final Duration timeout;
    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private final Set<Watch> active = ConcurrentHashMap.newKeySet();
    private final Thread sweeper;
    private volatile boolean closed;

    /** A watchdog with its own sweeping thread, on the system's nano clock. */
    CallWatchdog(Duration timeout) {
        this(timeout, System::nanoTime, true);
    }

    /** For tests: {@code nanoTime} as the clock and, without {@code ownThread}, sweeps only by {@link #sweep()}. */
    CallWatchdog(Duration timeout, LongSupplier nanoTime, boolean ownThread) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a provider timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.nanoTime = nanoTime;
        if (ownThread) {
            long period = Math.max(TimeUnit.MILLISECONDS.toNanos(1), Math.min(timeoutNanos / 10, TimeUnit.SECONDS.toNanos(1)));
            sweeper = new Thread(() -> sweepEvery(period), "provider-watchdog");
            sweeper.setDaemon(true);
            sweeper.start();
        } else {
            sweeper = null;
        }
    }

    Duration timeout() {
        return timeout;
    }

    /** Starts watching a call about to run on the current thread; {@link Watch#finish()} ends it. */
    Watch begin() {
        Watch w = new Watch(Thread.currentThread(), nanoTime.getAsLong());
        active.add(w);
        return w;
    }

    /** Times out every call idle for the timeout or longer. */
    void sweep() {
        long now = nanoTime.getAsLong();
        for (Watch w : active) {
            w.expireIfIdle(now);
        }
    }

    /** The sweeper's loop: a failing sweep is logged and the next one runs, so watched calls never go unwatched. */
    private void sweepEvery(long periodNanos) {
        while (!closed) {
            LockSupport.parkNanos(this, periodNanos);
            sweepSafely();
        }
    }

    /** One sweep that survives whatever it meets (an Error included): logged with context, never fatal to the sweeper. */
    void sweepSafely() {
        try {
            sweep();
        } catch (Throwable t) { // NOPMD - the watchdog thread must outlive any failure of one sweep
            LOG.error("Provider watchdog: a sweep over {} call(s) failed; the next sweep runs as usual", active.size(), t);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (sweeper != null) {
            LockSupport.unpark(sweeper);
        }
    }

    /** One watched provider call. Its state changes under its own monitor, so an interrupt never lands after it ended. */
    final class Watch {
        private final Thread thread;
        private long lastProgress;
        private int inSink;
        private boolean timedOut;
        private boolean finished;

        private Watch(Thread thread, long start) {
            this.thread = thread;
            this.lastProgress = start;
        }

        /**
         * The provider hands over a result; the clock stops until {@link #leaveSink()}.
         *
         * @return false if the call has timed out: the result must be dropped
         */
        synchronized boolean enterSink() {
            if (timedOut) {
                return false;
            }
            inSink++;
            return true;
        }

        /** The result has been handed on: progress. */
        synchronized void leaveSink() {
            inSink--;
            lastProgress = nanoTime.getAsLong();
        }

        private synchronized void expireIfIdle(long now) {
            if (!finished && !timedOut && inSink == 0 && now - lastProgress >= timeoutNanos) {
                timedOut = true;
                thread.interrupt();
            }
        }

        /**
         * Ends the watch, on the call's thread. If it timed out, the interrupt it caused is cleared,
         * so that the thread goes on to write the error response undisturbed.
         *
         * @return true if the call timed out
         */
        boolean finish() {
            active.remove(this);
            boolean expired;
            synchronized (this) {
                finished = true;
                expired = timedOut;
            }
            if (expired) {
                Thread.interrupted();
            }
            return expired;
        }
    }
}
