package org.iscsismis.http;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.iscsismis.dispatch.MemoryBudget;

/**
 * Collects one request body without holding a thread while the client sends it: each read takes what
 * has arrived, then asks Jetty to call back when there is more. A client that trickles its body (or
 * sends none) thus costs a connection and the bytes it sent, never a worker thread; and it is cut off
 * with 408 once it falls below the minimum data rate (after a grace of {@value #GRACE_MS} ms) or runs past the body timeout, checked every
 * second on Jetty's scheduler. The bytes held count against the request's memory reservation (503
 * when the budget is spent) and the body limit (413).
 *
 * <p>Exactly one of the outcome's methods is called, once, on a thread that may block (a Jetty pool
 * thread, or the caller's when the body had already arrived).
 */
final class BodyReader implements Runnable {

    /** What happens next. */
    interface Outcome {
        /** The whole body has arrived; {@code length} bytes. */
        void body(InputStream body, long length);

        /** The body was refused (408, 413, 503) or the connection failed (status 0: nothing can be answered). */
        void refused(HttpFailure failure);
    }

    private static final long CHECK_PERIOD_MS = 1000;
    /**
     * The first five seconds are not held against the rate: a busy client may pause between headers and body
     * (seen with 16 concurrent 4 MiB uploads on a loaded machine). Waiting costs no thread, only a connection.
     */
    static final long GRACE_MS = 5000;

    private final Request request;
    private final HttpLimits limits;
    private final MemoryBudget.Reservation reservation;
    private final Outcome outcome;
    /** The most bytes taken off the wire: the body limit, or more when only draining a body already refused. */
    private final long byteLimit;
    private final long started = System.nanoTime();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final List<byte[]> parts = new ArrayList<>();
    private volatile long received;
    /** Set once the request is refused: the rest of the body is read and dropped, then the refusal is answered. */
    private HttpFailure refusal;
    /** Only draining a body refused on its headers: whatever ends the read early, the answer is that refusal. */
    private boolean draining;
    private volatile Scheduler.Task check;

    private BodyReader(Request request, HttpLimits limits, MemoryBudget.Reservation reservation, Outcome outcome,
                       long byteLimit) {
        this.request = request;
        this.limits = limits;
        this.reservation = reservation;
        this.outcome = outcome;
        this.byteLimit = byteLimit;
    }

    /** Starts reading {@code request}'s body; the outcome follows, possibly before this returns. */
    static void read(Request request, HttpLimits limits, MemoryBudget.Reservation reservation, Outcome outcome) {
        start(new BodyReader(request, limits, reservation, outcome, limits.maxBodyBytes()), null);
    }

    /**
     * Reads {@code request}'s body only to drop it, then answers {@code refusal} through the outcome: a client
     * still sending its body when the connection closed would lose the answer (the close resets the connection).
     * The body limit, rate and timeout apply as to any body; nothing is kept.
     */
    static void discard(Request request, HttpLimits limits, HttpFailure refusal, Outcome outcome) {
        start(new BodyReader(request, limits, null, outcome, limits.maxBodyBytes()), refusal);
    }

    /**
     * Like {@link #discard}, for a request refused on its headers alone (413, 401, ...): up to {@code maxBytes} of
     * its body are read and dropped before {@code refusal} is answered, so a client that sends its whole body
     * before reading sees the answer instead of a reset. A body that runs past {@code maxBytes}, stalls or
     * times out is answered {@code refusal} at once, and the connection is closed.
     */
    static void drain(Request request, HttpLimits limits, HttpFailure refusal, long maxBytes, Outcome outcome) {
        BodyReader reader = new BodyReader(request, limits, null, outcome, maxBytes);
        reader.draining = true;
        start(reader, refusal);
    }

    private static void start(BodyReader reader, HttpFailure refusal) {
        reader.refusal = refusal;
        reader.scheduleCheck();
        reader.run();
    }

    /** Reads what has arrived; asks to be called again when more comes. */
    @Override
    public void run() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                finish(failure instanceof TimeoutException
                        ? new HttpFailure(408, "the request body did not arrive in time (the connection was idle too long)")
                        : new HttpFailure(0, "reading the request body failed: " + failure));
                return;
            }
            try {
                HttpFailure refused = append(chunk.getByteBuffer());
                if (refused != null) {
                    finish(refused);
                    return;
                }
            } finally {
                chunk.release();
            }
            if (chunk.isLast()) {
                if (refusal != null) {
                    finish(refusal);
                } else if (finished.compareAndSet(false, true)) {
                    cancelCheck();
                    outcome.body(new PartsInputStream(parts), received);
                }
                return;
            }
        }
    }

    private HttpFailure append(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (n == 0) {
            return null;
        }
        long total = received + n;
        if (total > byteLimit) {
            return draining ? refusal
                    : new HttpFailure(413, "request body exceeds the limit of " + limits.maxBodyBytes() + " bytes");
        }
        received = total;
        if (refusal != null) {
            buffer.position(buffer.limit());
            return null;
        }
        if (!reservation.growTo(total)) {
            refusal = busy(reservation, "reading a request body of " + total + " bytes");
            parts.clear();
            buffer.position(buffer.limit());
            return null;
        }
        byte[] part = new byte[n];
        buffer.get(part);
        parts.add(part);
        return null;
    }

    /** The periodic check of the body timeout and the minimum rate. */
    private void scheduleCheck() {
        Scheduler scheduler = request.getComponents().getScheduler();
        check = scheduler.schedule(this::checkProgress, CHECK_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void checkProgress() {
        if (finished.get()) {
            return;
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long got = received;
        if (elapsedMs >= limits.bodyTimeoutMs()) {
            finish(new HttpFailure(408, "the request body did not arrive within " + limits.bodyTimeoutMs() + " ms ("
                    + got + " bytes received)"));
            return;
        }
        long rate = limits.minBodyBytesPerSecond();
        if (rate > 0 && elapsedMs > GRACE_MS && got < rate * (elapsedMs - GRACE_MS) / 1000) {
            finish(new HttpFailure(408, "the request body arrives too slowly: " + got + " bytes in " + elapsedMs
                    + " ms, below the minimum of " + rate + " bytes per second"));
            return;
        }
        scheduleCheck();
    }

    private void finish(HttpFailure failure) {
        if (finished.compareAndSet(false, true)) {
            cancelCheck();
            outcome.refused(draining && failure.status() != 0 ? refusal : failure);
        }
    }

    private void cancelCheck() {
        Scheduler.Task task = check;
        if (task != null) {
            task.cancel();
        }
    }

    /** The 503 answer when the memory budget cannot pay for {@code what}. */
    static HttpFailure busy(MemoryBudget.Reservation reservation, String what) {
        return new HttpFailure(503, "the server is busy: " + what + " would exceed its memory budget ("
                + reservation.budgetLeft() + " of " + reservation.budgetCapacity() + " bytes left); try again later");
    }

    /** The collected parts as one stream, without copying them together. */
    private static final class PartsInputStream extends InputStream {
        private final List<byte[]> parts;
        private int part;
        private int offset;

        PartsInputStream(List<byte[]> parts) {
            this.parts = parts;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (part < parts.size() && offset == parts.get(part).length) {
                part++;
                offset = 0;
            }
            if (part == parts.size()) {
                return -1;
            }
            byte[] current = parts.get(part);
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, b, off, n);
            offset += n;
            return n;
        }
    }
}
