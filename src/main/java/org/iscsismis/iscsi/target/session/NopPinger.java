package org.iscsismis.iscsi.target.session;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.TargetPdus;

/**
 * Target-initiated NOP-In pings (RFC 7143 §11.19): a connection idle for {@code interval} is pinged with a NOP-In
 * whose Target Transfer Tag asks for an answer; if no NOP-Out echoes it within {@code timeout}, the initiator is
 * gone and the connection is closed.
 */
final class NopPinger {

    private final Connection connection;
    private final PduSender sender;
    private final ScheduledExecutorService timer;
    private final long intervalNanos;
    private final long timeoutNanos;
    private volatile long lastActivity = System.nanoTime();
    private volatile int outstandingTag = Pdu.RESERVED_TAG;
    private volatile long sentAt;
    private int nextTag = 1;
    private ScheduledFuture<?> task;

    NopPinger(Connection connection, PduSender sender, ScheduledExecutorService timer, Duration interval, Duration timeout) {
        this.connection = connection;
        this.sender = sender;
        this.timer = timer;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
    }

    void start() {
        if (intervalNanos > 0) {
            long period = Math.max(1, Math.min(intervalNanos, timeoutNanos) / 2);
            task = timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.NANOSECONDS);
        }
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** A PDU arrived: the initiator is alive. */
    void activity() {
        lastActivity = System.nanoTime();
    }

    /** A NOP-Out answered a ping. */
    void answered(int targetTransferTag) {
        if (targetTransferTag == outstandingTag) {
            outstandingTag = Pdu.RESERVED_TAG;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        if (outstandingTag != Pdu.RESERVED_TAG) {
            if (now - sentAt > timeoutNanos) {
                connection.close("no answer to a NOP-In ping within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
            }
            return;
        }
        if (now - lastActivity < intervalNanos) {
            return;
        }
        int tag = nextTag++;
        if (nextTag == Pdu.RESERVED_TAG) {
            nextTag = 1;
        }
        sentAt = now;
        outstandingTag = tag;
        try {
            sender.send(TargetPdus.nopIn(0, Pdu.RESERVED_TAG, tag, null), PduSender.StatSn.CURRENT, true);
        } catch (IOException e) {
            connection.close("NOP-In could not be sent: " + e.getMessage());
        }
    }
}
