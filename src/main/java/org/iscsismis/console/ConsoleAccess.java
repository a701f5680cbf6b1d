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
     * @param clientAddress       the client's address (failed logins count against it, as on the CIM endpoint)
     * @return the user with the operations they may run, or null when the credentials are missing or wrong (401)
     */
    ConsoleUser login(String authorizationHeader, String clientAddress);

    /** Seconds {@code clientAddress} must wait after too many failed logins (answered 429), or 0. */
    default long retryAfterSeconds(String clientAddress) {
        return 0;
    }

    /**
     * False for a {@code Host} header the server does not answer (a server without authentication answers only
     * its own names, so that a web page reached through DNS rebinding cannot drive it).
     */
    default boolean allowsHost(String hostHeader) {
        return true;
    }
}
