package org.iscsismis.dispatch;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.provider.Provider;
import org.iscsismis.provider.ResultSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into providers, so that a misbehaving provider fails one request cleanly: a
 * {@link CimException} passes as is; any other RuntimeException is logged and becomes
 * CIM_ERR_FAILED naming the provider, the operation and the class. A failure of the client
 * connection inside a sink call ({@link ClientGone}) passes through as the original
 * {@link UncheckedIOException}, for the transport layer.
 *
 * <p>With a timeout, each call is watched by a {@link CallWatchdog}: a provider that neither
 * returns nor delivers a result for that long is interrupted, its later results are refused, and
 * the call fails with CIM_ERR_FAILED naming the provider, the operation, the class and the timeout.
 */
final class ProviderCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

    /** Null when calls are not timed. */
    private final CallWatchdog watchdog;

    private ProviderCalls(CallWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** Calls without a time limit. */
    static ProviderCalls untimed() {
        return new ProviderCalls(null);
    }

    /** Calls watched by {@code watchdog} (closed by its owner). */
    static ProviderCalls timed(CallWatchdog watchdog) {
        return new ProviderCalls(watchdog);
    }

    /** Thrown by the dispatcher's result sinks when writing to the client failed. */
    static final class ClientGone extends RuntimeException {
        ClientGone(UncheckedIOException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        UncheckedIOException io() {
            return (UncheckedIOException) getCause();
        }
    }

    /** A provider call that answers with one value (or nothing, see {@link #run}). */
    <T> T call(Provider provider, String operation, CimName className, Supplier<T> body) {
        return watched(provider, operation, className, watchdog == null ? null : watchdog.begin(), body);
    }

    void run(Provider provider, String operation, CimName className, Runnable body) {
        call(provider, operation, className, () -> {
            body.run();
            return null;
        });
    }

    /**
     * A provider call that streams results: {@code body} calls the provider with the sink it is
     * given, which hands each result to {@code downstream} (the dispatcher's checks, filters and the
     * response) — unless the call has timed out, then the result is refused.
     */
    <T> void stream(Provider provider, String operation, CimName className, ResultSink<T> downstream,
                    Consumer<ResultSink<T>> body) {
        CallWatchdog.Watch watch = watchdog == null ? null : watchdog.begin();
        ResultSink<T> guarded = watch == null ? item -> toClient(downstream, item) : item -> {
            if (!watch.enterSink()) {
                throw timeout(provider, operation, className);
            }
            try {
                toClient(downstream, item);
            } finally {
                watch.leaveSink();
            }
        };
        watched(provider, operation, className, watch, () -> {
            body.accept(guarded);
            return null;
        });
    }

    private static <T> void toClient(ResultSink<T> downstream, T item) {
        try {
            downstream.deliver(item);
        } catch (UncheckedIOException e) {
            throw new ClientGone(e);
        }
    }

    private <T> T watched(Provider provider, String operation, CimName className, CallWatchdog.Watch watch, Supplier<T> body) {
        T result = null;
        RuntimeException failure = null;
        boolean timedOut;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            timedOut = watch != null && watch.finish();
        }
        if (timedOut) {
            CimException e = timeout(provider, operation, className);
            LOG.warn(e.getMessage() + (failure == null ? "" : " (then it ended with " + failure + ")"));
            throw e;
        }
        if (failure == null) {
            return result;
        }
        if (failure instanceof CimException e) {
            throw e;
        }
        if (failure instanceof ClientGone e) {
            throw e.io();
        }
        LOG.error("Provider {} failed in {} for class {}", provider.providerName(), operation, className, failure);
        throw new CimException(CimStatus.FAILED, "Provider " + provider.providerName() + " failed in " + operation
                + " for class " + className + ": " + reason(failure), failure);
    }

    /** What a client may read of an unexpected failure: its message, never the Java class (the log has the trace). */
    private static String reason(RuntimeException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "internal error (see the server log)" : message;
    }

    private CimException timeout(Provider provider, String operation, CimName className) {
        return new CimException(CimStatus.FAILED, "Provider " + provider.providerName() + " timed out in " + operation
                + " for class " + className + ": no answer or result within " + millis(watchdog.timeout()));
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    /** CIM_ERR_FAILED for a provider answer that breaks the SPI contract; logged. */
    static CimException contractViolation(Provider provider, String operation, CimName className, String what) {
        String msg = "Provider " + provider.providerName() + " broke its contract in " + operation + " for class "
                + className + ": " + what;
        LOG.error(msg);
        return new CimException(CimStatus.FAILED, msg);
    }
}
