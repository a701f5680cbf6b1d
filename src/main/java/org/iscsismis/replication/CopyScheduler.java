package org.iscsismis.replication;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shares a bounded pool of copy workers between the pairs that have background work, in proportion to their
 * {@link CopyPriority} (stride scheduling): each pair carries a virtual "pass"; a worker always runs one slice
 * of the runnable pair with the smallest pass, then advances that pair's pass by {@code STRIDE / weight}. A pair
 * of weight 8 thus gets eight slices for every one of a pair of weight 1 while both run. Priority is read at
 * every slice, so a change takes effect at once. A pair runs on at most one worker at a time.
 */
final class CopyScheduler implements AutoCloseable {

    /** Runs one slice of a pair's work. */
    interface SliceRunner {
        /** @return true if the pair has more work right now */
        boolean runSlice(ReplicationPair pair);

        /** A slice ended with an unexpected throwable (a bug, an Error): mark the pair failed. */
        void sliceFailed(ReplicationPair pair, Throwable failure);
    }

    private static final long STRIDE = 1L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(CopyScheduler.class);

    private final SliceRunner runner;
    private final Thread[] workers;
    private final Object monitor = new Object();
    private final Map<ReplicationPair, Long> runnable = new HashMap<>();
    private final Set<ReplicationPair> running = new HashSet<>();
    private final Set<ReplicationPair> wokenWhileRunning = new HashSet<>();
    /** Pairs removed while a slice of theirs was running: the slice's end drops them. */
    private final Set<ReplicationPair> forgottenWhileRunning = new HashSet<>();
    private final Map<ReplicationPair, Long> lastPass = new HashMap<>();
    private long virtualTime;
    private boolean closed;
    private boolean held;

    CopyScheduler(int workerCount, SliceRunner runner) {
        this.runner = runner;
        this.workers = new Thread[workerCount];
        ThreadFactory factory = new ThreadFactory() {
            private final AtomicInteger n = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "copy-worker-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        };
        for (int i = 0; i < workerCount; i++) {
            workers[i] = factory.newThread(this::workLoop);
            workers[i].start();
        }
    }

    static int weight(CopyPriority p) {
        return switch (p) {
            case LOW -> 1;
            case NOT_MANAGED, SAME -> 2;
            case HIGH -> 4;
            case URGENT -> 8;
        };
    }

    /** The pair may have work: make it runnable (idempotent). */
    void wake(ReplicationPair pair) {
        synchronized (monitor) {
            if (closed) {
                return;
            }
            if (running.contains(pair)) {
                wokenWhileRunning.add(pair);
            } else if (!runnable.containsKey(pair)) {
                runnable.put(pair, Math.max(virtualTime, lastPass.getOrDefault(pair, 0L)));
                monitor.notify();
            }
        }
    }

    /** Forget a removed pair. */
    void forget(ReplicationPair pair) {
        synchronized (monitor) {
            runnable.remove(pair);
            lastPass.remove(pair);
            wokenWhileRunning.remove(pair);
            if (running.contains(pair)) {
                forgottenWhileRunning.add(pair); // its slice's end must not schedule it again
            }
        }
    }

    private void workLoop() {
        while (true) {
            ReplicationPair pair;
            long pass;
            synchronized (monitor) {
                while ((runnable.isEmpty() || held) && !closed) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                pair = null;
                pass = Long.MAX_VALUE;
                for (Map.Entry<ReplicationPair, Long> e : runnable.entrySet()) {
                    if (e.getValue() < pass || (e.getValue() == pass && pair != null && e.getKey().number < pair.number)) {
                        pair = e.getKey();
                        pass = e.getValue();
                    }
                }
                runnable.remove(pair);
                running.add(pair);
                virtualTime = Math.max(virtualTime, pass);
            }
            boolean more;
            try {
                more = runner.runSlice(pair);
            } catch (Throwable t) { // NOPMD - a worker must outlive any one slice, an Error included
                more = false;
                LOG.error("copy slice of {} failed unexpectedly; the pair is reported failed and the worker goes on", pair.id, t);
                reportFailure(pair, t);
            }
            synchronized (monitor) {
                running.remove(pair);
                if (forgottenWhileRunning.remove(pair)) {
                    wokenWhileRunning.remove(pair);
                    continue;
                }
                long next = pass + STRIDE / weight(pair.priority);
                lastPass.put(pair, next);
                if ((more || wokenWhileRunning.remove(pair)) && !closed) {
                    runnable.put(pair, next);
                    monitor.notify();
                }
            }
        }
    }

    /** Tells the runner the pair's copy failed, so its state says so (a job following it ends) instead of hanging. */
    private void reportFailure(ReplicationPair pair, Throwable t) {
        try {
            runner.sliceFailed(pair, t);
        } catch (Throwable again) { // NOPMD - nothing more can be done for this pair; the worker must go on
            LOG.error("copy slice of {}: reporting the failure failed too", pair.id, again);
        }
    }

    /** Stop (true) or restart (false) handing out slices; slices already running finish. */
    void hold(boolean on) {
        synchronized (monitor) {
            held = on;
            monitor.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
        for (Thread t : workers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
