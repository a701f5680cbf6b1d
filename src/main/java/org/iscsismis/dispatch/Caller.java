package org.iscsismis.dispatch;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.provider.Requester;

/**
 * Who runs an operation, as far as the dispatcher cares: a name for messages and logs, and rights per namespace.
 *
 * @param name   the authenticated user name; empty when the server takes anyone
 * @param grants the user's rights per namespace
 */
public record Caller(String name, NamespaceGrants grants) implements Requester {

    /** Anyone on a server without authentication: write access to every namespace. */
    public static final Caller ANYONE = new Caller("", NamespaceGrants.EVERYTHING);

    public Caller {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(grants, "grants must not be null");
    }

    public NamespaceAccess accessTo(CimNamespace namespace) {
        return grants.accessTo(namespace);
    }

    @Override
    public boolean mayRead(CimNamespace namespace) {
        return accessTo(namespace).allows(NamespaceAccess.READ);
    }

}
