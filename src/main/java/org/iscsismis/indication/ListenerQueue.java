package org.iscsismis.indication;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cimxml.CimXmlExportCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered queue of one listener destination and its sender. At most one export is in flight; the next one starts
 * when the listener has accepted the previous one, or when that one was given up after the original attempt and
 * {@link IndicationSettings#deliveryRetryAttempts} retries, {@link IndicationSettings#deliveryRetryInterval} apart (on the
 * {@link DeliveryScheduler}). Each indication is numbered when first sent: SequenceContext names this queue,
 * SequenceNumber counts from 0, a retry repeats its number.
 *
 * <p>Memory is bounded: when {@link IndicationSettings#queueCapacity} indications wait, offering another drops the
 * oldest; the next indication sent is then an alert saying how many were dropped. Offering never blocks and no thread
 * waits on the network, so a slow or dead listener delays only its own queue.
 */
final class ListenerQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);

    /** What the service does when a delivery is given up. */
    interface FailureHandler {
        /**
         * @param removalDue true when this destination has now failed twice, with no success in between, at least
         *                   SubscriptionRemovalTimeInterval apart
         */
        void deliveryFailed(ListenerQueue queue, Delivery gaveUp, boolean removalDue, String reason);
    }

    private final Destination destination;
    private final String sequenceContext;
    private final IndicationSettings settings;
    private final ExportSender sender;
    private final DeliveryScheduler scheduler;
    private final Executor executor;
    private final Predicate<Delivery> wanted;
    private final Function<Long, CimInstance> dropAlert;
    private final FailureHandler failures;
    private final CimXmlExportCodec codec = new CimXmlExportCodec();

    private final ArrayDeque<Delivery> waiting = new ArrayDeque<>();
    private Delivery current;
    private byte[] currentBody;
    private int currentAttempts;
    private boolean busy;
    private boolean closed;
    private long nextSequenceNumber;
    private long droppedSinceAlert;
    private Instant firstFailureSinceSuccess;
    private long delivered;
    private long attempts;
    private long failed;
    private long dropped;

    /**
     * @param wanted    whether a delivery is still wanted (its subscription not deleted nor disabled, its creator still
     *                  allowed to read where it comes from); asked again just before it is sent
     * @param dropAlert the alert telling the listener that this many indications were dropped
     */
    ListenerQueue(Destination destination, String sequenceContext, IndicationSettings settings, ExportSender sender,
                  DeliveryScheduler scheduler, Executor executor, Predicate<Delivery> wanted,
                  Function<Long, CimInstance> dropAlert, FailureHandler failures) {
        this.destination = destination;
        this.sequenceContext = sequenceContext;
        this.settings = settings;
        this.sender = sender;
        this.scheduler = scheduler;
        this.executor = executor;
        this.wanted = wanted;
        this.dropAlert = dropAlert;
        this.failures = failures;
    }

    Destination destination() {
        return destination;
    }

    String sequenceContext() {
        return sequenceContext;
    }

    /** Queues {@code d}; never blocks. */
    void offer(Delivery d) {
        boolean start;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (waiting.size() + (current == null ? 0 : 1) >= settings.queueCapacity()) {
                waiting.poll();
                dropped++;
                droppedSinceAlert++;
            }
            waiting.add(d);
            start = !busy;
            busy = true;
        }
        if (start) {
            executor.execute(this::sendNext);
        }
    }

    synchronized DeliveryStatistics statistics() {
        return new DeliveryStatistics(delivered, attempts, failed, dropped, waiting.size() + (current == null ? 0 : 1));
    }

    /** Stops sending; what waits is discarded. */
    synchronized void close() {
        closed = true;
        waiting.clear();
        current = null;
    }

    private void sendNext() {
        byte[] body = null;
        synchronized (this) {
            while (body == null) {
                if (current != null && !wanted(current)) {
                    current = null;
                }
                if (current == null && !takeNext()) {
                    busy = false;
                    return;
                }
                body = encoded();
            }
            attempts++;
        }
        CompletableFuture<Void> answer;
        try {
            answer = sender.send(destination.uri(), destination.credentials(), body);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((ok, error) -> executor.execute(() -> finished(error)));
    }

    /** The current delivery's request, numbered when first written; null (and the delivery dropped) if it cannot be written. */
    private byte[] encoded() {
        if (currentBody == null) {
            try {
                long n = nextSequenceNumber;
                currentBody = current.export().request(sequenceContext + ":" + n, sequenceContext, n);
                nextSequenceNumber++;
            } catch (RuntimeException e) {
                LOG.error("Cannot write an indication of class {} for {}; dropped", current.export().indication().className(), destination, e);
                failed++;
                current = null;
            }
        }
        return currentBody;
    }

    /** Makes the next wanted delivery current (an alert first, if some were dropped); false if none waits. */
    private boolean takeNext() {
        if (closed) {
            return false;
        }
        if (droppedSinceAlert > 0) {
            current = new Delivery(null, null, codec.template(dropAlert.apply(droppedSinceAlert)));
            droppedSinceAlert = 0;
        } else {
            Delivery d;
            do {
                d = waiting.poll();
            } while (d != null && !wanted(d));
            current = d;
        }
        currentBody = null;
        currentAttempts = 0;
        return current != null;
    }

    private boolean wanted(Delivery d) {
        return d.subscription() == null || wanted.test(d);
    }

    private void finished(Throwable error) {
        if (error == null) {
            synchronized (this) {
                delivered++;
                firstFailureSinceSuccess = null;
                current = null;
            }
            sendNext();
            return;
        }
        String reason = reason(error);
        Delivery gaveUp;
        boolean removalDue;
        synchronized (this) {
            if (closed || current == null) {
                busy = false;
                return;
            }
            currentAttempts++;
            if (currentAttempts <= settings.deliveryRetryAttempts()) {
                LOG.debug("Delivery to {} failed ({}); retry {} of {} in {}", destination, reason, currentAttempts,
                        settings.deliveryRetryAttempts(), settings.deliveryRetryInterval());
                scheduler.schedule(settings.deliveryRetryInterval(), () -> executor.execute(this::sendNext));
                return;
            }
            failed++;
            gaveUp = current;
            current = null;
            Instant now = scheduler.clock().instant();
            removalDue = firstFailureSinceSuccess != null
                    && !now.isBefore(firstFailureSinceSuccess.plus(settings.removalTimeInterval()));
            if (firstFailureSinceSuccess == null) {
                firstFailureSinceSuccess = now;
            }
        }
        LOG.warn("Indication for {} not delivered after {} retries: {}", destination, settings.deliveryRetryAttempts(), reason);
        failures.deliveryFailed(this, gaveUp, removalDue, reason);
        sendNext();
    }

    private static String reason(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t instanceof java.net.ConnectException ? "cannot connect (refused)" : t.getClass().getSimpleName();
        }
        return m;
    }
}
