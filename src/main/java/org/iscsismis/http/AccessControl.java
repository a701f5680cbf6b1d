package org.iscsismis.http;

import java.util.Objects;
import java.util.Set;
import org.iscsismis.dispatch.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may talk to the endpoint: the authenticator, the per-address throttle of failed logins, and the Host names
 * a server without authentication answers.
 *
 * @param authenticator checks credentials and says as whom a request runs
 * @param throttle      refuses addresses with too many recent failed logins (HTTP 429)
 * @param hosts         the Host header check (only a server without authentication needs one)
 */
public record AccessControl(Authenticator authenticator, LoginThrottle throttle, AllowedHosts hosts) {

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

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

    /**
     * Checks the credentials of a request from {@code address}: the caller, or null when they are missing or wrong.
     * Wrong credentials count against the address in the throttle and are logged with it. Call
     * {@link LoginThrottle#retryAfterSeconds} first: a throttled address is answered 429 without a check.
     */
    public Caller login(String authorizationHeader, String address) {
        Caller caller = authenticator.authenticate(authorizationHeader);
        if (caller == null && authorizationHeader != null) {
            throttle.failed(address);
            BasicCredentials tried = BasicCredentials.parse(authorizationHeader);
            LOG.warn("Failed login from {} ({})", address, tried == null ? "malformed Authorization header"
                    : "user \"" + tried.userForLog() + "\"");
        }
        return caller;
    }
}
