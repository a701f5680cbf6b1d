package org.iscsismis.console;

import java.util.Objects;

/**
 * A user the console admitted.
 *
 * @param name       the authenticated user name; empty when the server takes anyone
 * @param operations the CIM operations as this user
 */
public record ConsoleUser(String name, CimOperations operations) {

    public ConsoleUser {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(operations, "operations must not be null");
    }
}
