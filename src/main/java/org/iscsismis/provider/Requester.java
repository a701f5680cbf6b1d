package org.iscsismis.provider;

import org.iscsismis.cim.CimNamespace;

/**
 * Who asked for an operation, as far as a provider needs to know: the authenticated user's name and whether that user
 * may read a namespace. A provider that keeps something on a client's behalf (an indication subscription) records it
 * and asks again later, when it acts.
 */
public interface Requester {

    /** Anyone on a server without authentication: no name, every namespace readable. */
    Requester ANYONE = new Requester() {
        @Override
        public String name() {
            return "";
        }

        @Override
        public boolean mayRead(CimNamespace namespace) {
            return true;
        }

        @Override
        public String toString() {
            return "anyone";
        }
    };

    /** The authenticated user name; empty when the server takes anyone. */
    String name();

    /** True if this requester may read {@code namespace} (its canonical name). */
    boolean mayRead(CimNamespace namespace);

    /** How the requester is named in a description: {@code user "NAME"}, or {@code this client} without a name. */
    default String described() {
        return name().isEmpty() ? "this client" : "user \"" + name() + "\"";
    }
}
