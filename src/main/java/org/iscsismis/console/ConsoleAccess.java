package org.iscsismis.console;

/**
 * Who may use the console: decided by the same authenticator (and Host check) as the CIM-XML endpoint, so the
 * console is open to exactly the users the CIM endpoint is open to, with their rights. The server wires it.
 */
public interface ConsoleAccess {

    /** The realm announced in {@code WWW-Authenticate} when credentials are missing or wrong. */
    String realm();

    /**
     * @param authorizationHeader the raw {@code Authorization} header, or null if absent
     * @return the user with the operations they may run, or null when the credentials are missing or wrong (401)
     */
    ConsoleUser login(String authorizationHeader);

    /**
     * False for a {@code Host} header the server does not answer (a server without authentication answers only
     * its own names, so that a web page reached through DNS rebinding cannot drive it).
     */
    default boolean allowsHost(String hostHeader) {
        return true;
    }
}
