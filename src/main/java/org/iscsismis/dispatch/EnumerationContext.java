package org.iscsismis.dispatch;

import java.time.Duration;
import java.time.Instant;
import org.iscsismis.cim.CimNamespace;

/**
 * One open pulled enumeration: where its items come from, which Pull continues it, and its
 * inactivity timer. The mutable fields are guarded by the {@link EnumerationContextTable} that
 * owns the context.
 */
final class EnumerationContext {

    /** What the items are, and so which Pull operation continues the enumeration (DSP0200). */
    enum Flavor {
        INSTANCES_WITH_PATH("PullInstancesWithPath"),
        INSTANCE_PATHS("PullInstancePaths"),
        INSTANCES("PullInstances");

        private final String pullOperation;

        Flavor(String pullOperation) {
            this.pullOperation = pullOperation;
        }

        String pullOperation() {
            return pullOperation;
        }
    }

    private final String id;
    private final CimNamespace namespace;
    private final String openedBy;
    private final Flavor flavor;
    private final PullSource source;
    private final Duration timeout;
    private boolean inUse;
    private Instant expiresAt;

    EnumerationContext(String id, CimNamespace namespace, String openedBy, Flavor flavor, PullSource source, Duration timeout) {
        this.id = id;
        this.namespace = namespace;
        this.openedBy = openedBy;
        this.flavor = flavor;
        this.source = source;
        this.timeout = timeout;
        this.inUse = true;
    }

    /** The opaque EnumerationContext string handed to the client. */
    String id() {
        return id;
    }

    CimNamespace namespace() {
        return namespace;
    }

    /** The Open operation that created the context (for messages). */
    String openedBy() {
        return openedBy;
    }

    Flavor flavor() {
        return flavor;
    }

    PullSource source() {
        return source;
    }

    // ---- guarded by the table

    boolean inUse() {
        return inUse;
    }

    /** Marks the context busy; its timer stops while an operation uses it. */
    void take() {
        inUse = true;
        expiresAt = null;
    }

    /** Marks the context idle and restarts its inactivity timer. */
    void release(Instant now) {
        inUse = false;
        expiresAt = now.plus(timeout);
    }

    boolean expired(Instant now) {
        return !inUse && expiresAt != null && !now.isBefore(expiresAt);
    }
}
