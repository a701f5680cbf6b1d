package org.iscsismis.bench.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

/**
 * Closed-loop load: C threads, each with its own keep-alive {@link HttpConnection}, send pre-built
 * requests back to back (each thread walks the request list from its own offset), check every
 * response and record latencies. Requests completing during the warm-up are checked but not counted;
 * the measured window starts when the warm-up ends and lasts {@code measureSeconds}.
 */
final class LoadRunner {

    /** A pre-encoded request and the check its response must pass, or a conversation of several requests. */
    record Call(byte[] request, ResponseCheck check, Conversation conversation) {
        Call(byte[] request, ResponseCheck check) {
            this(request, check, null);
        }

        /** A call made of several dependent requests (e.g. a pulled enumeration), counted as one. */
        static Call of(Conversation conversation) {
            return new Call(null, null, conversation);
        }
    }

    /** Several requests whose later ones depend on earlier answers; checks its own responses. */
    interface Conversation {
        Outcome run(HttpConnection connection) throws IOException;
    }

    /** What a conversation found wrong (null: nothing) and how many response body bytes it read. */
    record Outcome(String problem, long bytes) {}

    private final String host;
    private final int port;

    LoadRunner(String host, int port) {
        this.host = host;
        this.port = port;
    }

    LoadResult run(List<Call> calls, int clients, double warmupSeconds, double measureSeconds)
            throws InterruptedException {
        return run(calls, clients, warmupSeconds, measureSeconds, () -> -1);
    }

    /**
     * As above; {@code serverCpuNanos} (the server process's CPU time, or -1 when unknown) is read when the
     * measured window opens and when it closes, so the result carries the server's CPU time per request.
     */
    LoadResult run(List<Call> calls, int clients, double warmupSeconds, double measureSeconds, LongSupplier serverCpuNanos)
            throws InterruptedException {
        Worker[] workers = new Worker[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            workers[t] = new Worker(calls, (int) ((long) t * calls.size() / clients), ready, go, window);
            Thread thread = new Thread(workers[t], "load-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long now = System.nanoTime();
        window[0] = now + (long) (warmupSeconds * 1e9);
        window[1] = window[0] + (long) (measureSeconds * 1e9);
        go.countDown();
        long cpu = cpuDuring(window, serverCpuNanos);
        for (Thread thread : threads) thread.join();

        LatencyHistogram all = new LatencyHistogram();
        long requests = 0;
        long bytes = 0;
        long errors = 0;
        int connections = 0;
        String firstError = null;
        for (Worker w : workers) {
            all.add(w.histogram);
            requests += w.requests;
            bytes += w.bytes;
            errors += w.errors;
            connections += w.connection.connects();
            if (firstError == null) firstError = w.firstError;
        }
        return new LoadResult(clients, requests, measureSeconds, all, bytes, errors, firstError, connections, cpu);
    }

    /** The server's CPU time between the two instants of {@code window} (System.nanoTime), or -1. */
    private static long cpuDuring(long[] window, LongSupplier serverCpuNanos) throws InterruptedException {
        sleepUntil(window[0]);
        long before = serverCpuNanos.getAsLong();
        sleepUntil(window[1]);
        long after = serverCpuNanos.getAsLong();
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000), 0);
        }
    }

    private final class Worker implements Runnable {
        private final List<Call> calls;
        private final int offset;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final long[] window;
        final HttpConnection connection = new HttpConnection(host, port);
        final LatencyHistogram histogram = new LatencyHistogram();
        long requests;
        long bytes;
        long errors;
        String firstError;

        Worker(List<Call> calls, int offset, CountDownLatch ready, CountDownLatch go, long[] window) {
            this.calls = calls;
            this.offset = offset;
            this.ready = ready;
            this.go = go;
            this.window = window;
        }

        @Override
        public void run() {
            try {
                try {
                    connection.connect();
                } catch (IOException e) {
                    error("connect: " + e);
                }
                ready.countDown();
                go.await();
                loop(window[0], window[1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                connection.close();
            }
        }

        private void loop(long start, long end) throws InterruptedException {
            int n = calls.size();
            int i = offset;
            while (true) {
                long t0 = System.nanoTime();
                if (t0 >= end) return;
                Call call = calls.get(i);
                if (++i == n) i = 0;
                String problem;
                int bodyLength = 0;
                try {
                    if (call.conversation() != null) {
                        Outcome o = call.conversation().run(connection);
                        problem = o.problem();
                        bodyLength = (int) Math.min(Integer.MAX_VALUE, o.bytes());
                    } else {
                        HttpResponse r = connection.exchange(call.request());
                        problem = call.check().validate(r);
                        bodyLength = r.bodyLength;
                    }
                } catch (IOException | RuntimeException e) {
                    problem = e.toString();
                    connection.close();
                }
                long t1 = System.nanoTime();
                boolean measured = t1 >= start && t1 <= end;
                if (problem != null) {
                    error(problem); // failed requests count in neither throughput nor latency
                    Thread.sleep(10); // do not spin on a failing server
                    continue;
                }
                if (measured) {
                    histogram.recordNanos(t1 - t0);
                    requests++;
                    bytes += bodyLength;
                }
            }
        }

        private void error(String problem) {
            errors++;
            if (firstError == null) firstError = problem;
        }
    }
}
