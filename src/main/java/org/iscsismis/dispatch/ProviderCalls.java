package org.iscsismis.dispatch;

import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.provider.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into providers, so that a misbehaving provider fails one request cleanly: a
 * {@link CimException} passes as is; any other RuntimeException is logged and becomes
 * CIM_ERR_FAILED naming the provider, the operation and the class. A failure of the client
 * connection inside a sink call ({@link ClientGone}) passes through as the original
 * {@link UncheckedIOException}, for the transport layer.
 */
final class ProviderCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);

    private ProviderCalls() {
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

    /** Runs {@code sinkCall}, turning a client I/O failure into {@link ClientGone}. */
    static void toClient(Runnable sinkCall) {
        try {
            sinkCall.run();
        } catch (UncheckedIOException e) {
            throw new ClientGone(e);
        }
    }

    static <T> T call(Provider provider, String operation, CimName className, Supplier<T> body) {
        try {
            return body.get();
        } catch (CimException e) {
            throw e;
        } catch (ClientGone e) {
            throw e.io();
        } catch (RuntimeException e) {
            LOG.error("Provider {} failed in {} for class {}", provider.providerName(), operation, className, e);
            throw new CimException(CimStatus.FAILED, "Provider " + provider.providerName() + " failed in " + operation
                    + " for class " + className + ": " + e, e);
        }
    }

    static void run(Provider provider, String operation, CimName className, Runnable body) {
        call(provider, operation, className, () -> {
            body.run();
            return null;
        });
    }

    /** CIM_ERR_FAILED for a provider answer that breaks the SPI contract; logged. */
    static CimException contractViolation(Provider provider, String operation, CimName className, String what) {
        String msg = "Provider " + provider.providerName() + " broke its contract in " + operation + " for class "
                + className + ": " + what;
        LOG.error(msg);
        return new CimException(CimStatus.FAILED, msg);
    }
}
