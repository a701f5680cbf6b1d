package org.iscsismis.iscsi.target.login;

/**
 * Failed CHAP logins counted per initiator address, so that a guesser is slowed down as HTTP logins are (the server
 * backs it with the same kind of throttle). Thread-safe.
 */
public interface LoginGuard {

    /** A guard that never refuses. */
    LoginGuard NONE = new LoginGuard() {
        @Override
        public long retryAfterSeconds(String address) {
            return 0;
        }

        @Override
        public void failed(String address) {
            // nothing counted
        }
    };

    /** Seconds until {@code address} may try again, or 0 if it may try now. */
    long retryAfterSeconds(String address);

    /** Counts one failed login of {@code address}. */
    void failed(String address);
}
