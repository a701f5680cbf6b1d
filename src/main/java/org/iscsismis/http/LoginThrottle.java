package org.iscsismis.http;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed logins counted per client address in fixed windows: after {@code maxFailures} failures within one window,
 * the address is refused (HTTP 429, without checking its credentials, so a password guesser costs no hash) until
 * the window ends. A success does not reset the count: a guesser who also knows one password gains nothing.
 *
 * <p>Memory is bounded: at most {@link #MAX_ADDRESSES} addresses are tracked, the least recently failing dropped
 * first. Thread-safe.
 */
public final class LoginThrottle {

    static final int MAX_ADDRESSES = 4096;

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new LeastRecentlyUsed<>(MAX_ADDRESSES); // guarded by this

    private static final class Window {
        long start;
        int failures;
    }

    /**
     * @param maxFailures   failures allowed per address and window; 0 turns the throttle off
     * @param windowSeconds the window's length
     */
    public LoginThrottle(int maxFailures, long windowSeconds) {
        this(maxFailures, windowSeconds, System::nanoTime);
    }

    LoginThrottle(int maxFailures, long windowSeconds, LongSupplier nanoTime) {
        if (maxFailures < 0 || windowSeconds < 1) {
            throw new IllegalArgumentException("maxFailures must be >= 0 and windowSeconds >= 1");
        }
        this.maxFailures = maxFailures;
        this.windowNanos = windowSeconds * 1_000_000_000L;
        this.nanoTime = nanoTime;
    }

    /** A throttle that never refuses. */
    public static LoginThrottle off() {
        return new LoginThrottle(0, 1);
    }

    /** Seconds until {@code address} may try again (at least 1), or 0 if it may try now. */
    public synchronized long retryAfterSeconds(String address) {
        if (maxFailures == 0) {
            return 0;
        }
        Window w = current(address, false);
        if (w == null || w.failures < maxFailures) {
            return 0;
        }
        long left = w.start + windowNanos - nanoTime.getAsLong();
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** Counts one failed login of {@code address}. */
    public synchronized void failed(String address) {
        if (maxFailures > 0) {
            current(address, true).failures++;
        }
    }

    private Window current(String address, boolean create) {
        long now = nanoTime.getAsLong();
        Window w = windows.get(address);
        if (w != null && now - w.start >= windowNanos) {
            windows.remove(address);
            w = null;
        }
        if (w == null && create) {
            w = new Window();
            w.start = now;
            windows.put(address, w);
        }
        return w;
    }
}
