package org.iscsismis.http;

import java.util.Objects;
import java.util.Set;

/**
 * Who may talk to the endpoint: the authenticator, the per-address throttle of failed logins, and the Host names
 * a server without authentication answers.
 *
 * @param authenticator checks credentials and says as whom a request runs
 * @param throttle      refuses addresses with too many recent failed logins (HTTP 429)
 * @param hosts         the Host header check (only a server without authentication needs one)
 */
public record AccessControl(Authenticator authenticator, LoginThrottle throttle, AllowedHosts hosts) {

    public AccessControl {
        Objects.requireNonNull(authenticator, "authenticator must not be null");
        Objects.requireNonNull(throttle, "throttle must not be null");
        Objects.requireNonNull(hosts, "hosts must not be null");
    }

    /**
     * The defaults around {@code authenticator}: no throttle; with authentication any Host, without it loopback
     * names only.
     */
    public static AccessControl of(Authenticator authenticator) {
        return new AccessControl(authenticator, LoginThrottle.off(),
                authenticator.required() ? AllowedHosts.any() : AllowedHosts.loopbackAnd(Set.of()));
    }
}
