package org.iscsismis.dispatch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;

/**
 * The open enumeration contexts of the server, bounded by {@link PullLimits#maxContexts()}.
 *
 * <p>A context is used by one operation at a time: {@link #open} and {@link #acquire} hand it out
 * busy, {@link #release} makes it idle again and restarts its inactivity timer (OperationTimeout
 * counts only the time between operations), {@link #remove} forgets it. Expired contexts are
 * dropped whenever the table is used, measured on the injected clock. A context is identified by
 * a random string (unguessable, so one client cannot pull another's results) together with the
 * namespace of its Open.
 *
 * <p>Errors: an unknown, closed, expired or busy context, one named in another namespace, or one
 * continued with the wrong Pull operation is CIM_ERR_INVALID_ENUMERATION_CONTEXT (the context
 * stays as it was); closing a context while a Pull is running on it is
 * CIM_ERR_PULL_CANNOT_BE_ABANDONED; an Open beyond the limit is CIM_ERR_SERVER_LIMITS_EXCEEDED.
 */
final class EnumerationContextTable {

    private final Clock clock;
    private final PullLimits limits;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, EnumerationContext> contexts = new LinkedHashMap<>(); // guarded by this

    EnumerationContextTable(Clock clock, PullLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * The inactivity timeout for an Open's OperationTimeout (seconds; null = the server default).
     * CIM_ERR_INVALID_OPERATION_TIMEOUT for 0 (never time out: refused, contexts are a bounded
     * resource) and for values above the server's maximum.
     */
    Duration timeout(Long operationTimeout) {
        if (operationTimeout == null) {
            return limits.defaultTimeout();
        }
        if (operationTimeout == 0) {
            throw new CimException(CimStatus.INVALID_OPERATION_TIMEOUT, "OperationTimeout 0 (no timeout) is not supported;"
                    + " give 1 to " + limits.maxTimeout().toSeconds() + " seconds");
        }
        if (operationTimeout > limits.maxTimeout().toSeconds()) {
            throw new CimException(CimStatus.INVALID_OPERATION_TIMEOUT, "OperationTimeout " + operationTimeout
                    + " exceeds the server's maximum of " + limits.maxTimeout().toSeconds() + " seconds");
        }
        return Duration.ofSeconds(operationTimeout);
    }

    /** A new context, busy until {@link #release}d. CIM_ERR_SERVER_LIMITS_EXCEEDED when the table is full. */
    synchronized EnumerationContext open(CimNamespace namespace, String openedBy, EnumerationContext.Flavor flavor,
                                         PullSource source, Duration timeout) {
        purgeExpired();
        if (contexts.size() >= limits.maxContexts()) {
            throw new CimException(CimStatus.SERVER_LIMITS_EXCEEDED, "The server already has " + limits.maxContexts()
                    + " open enumeration contexts; close some or let them time out");
        }
        String id;
        do {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        } while (contexts.containsKey(id));
        EnumerationContext c = new EnumerationContext(id, namespace, openedBy, flavor, source, timeout);
        contexts.put(id, c);
        return c;
    }

    /**
     * The idle context {@code id} of {@code namespace}, now busy. {@code flavor} is the flavour the
     * operation continues, or null when any will do (CloseEnumeration, EnumerationCount).
     */
    synchronized EnumerationContext acquire(String id, CimNamespace namespace, EnumerationContext.Flavor flavor) {
        EnumerationContext c = find(id, namespace);
        if (c.inUse()) {
            throw invalid("EnumerationContext " + id + " is in use by another operation");
        }
        if (flavor != null && flavor != c.flavor()) {
            throw invalid("EnumerationContext " + id + " was opened by " + c.openedBy() + " and is continued with "
                    + c.flavor().pullOperation() + ", not " + flavor.pullOperation());
        }
        c.take();
        return c;
    }

    /** Makes a busy context idle and restarts its timer. */
    synchronized void release(EnumerationContext c) {
        c.release(clock.instant());
    }

    /** Forgets a context (end of sequence, error, close). */
    synchronized void remove(EnumerationContext c) {
        if (contexts.remove(c.id(), c)) {
            c.source().close();
        }
    }

    /** CloseEnumeration: forgets an idle context; CIM_ERR_PULL_CANNOT_BE_ABANDONED while an operation uses it. */
    synchronized void close(String id, CimNamespace namespace) {
        EnumerationContext c = find(id, namespace);
        if (c.inUse()) {
            throw new CimException(CimStatus.PULL_CANNOT_BE_ABANDONED, "EnumerationContext " + id
                    + " is in use by a running operation and cannot be closed now");
        }
        contexts.remove(id);
        c.source().close();
    }

    /** The number of open contexts (expired ones dropped first). */
    synchronized int size() {
        purgeExpired();
        return contexts.size();
    }

    private EnumerationContext find(String id, CimNamespace namespace) {
        purgeExpired();
        EnumerationContext c = contexts.get(id);
        if (c == null || !c.namespace().equals(namespace)) {
            throw invalid("EnumerationContext " + id + " is not open in namespace " + namespace
                    + " (unknown, closed, finished or timed out)");
        }
        return c;
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        contexts.values().removeIf(c -> {
            if (c.expired(now)) {
                c.source().close();
                return true;
            }
            return false;
        });
    }

    private static CimException invalid(String message) {
        return new CimException(CimStatus.INVALID_ENUMERATION_CONTEXT, message);
    }
}
