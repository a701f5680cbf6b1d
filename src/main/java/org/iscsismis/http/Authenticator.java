package org.iscsismis.http;

import org.iscsismis.dispatch.Caller;

/**
 * Decides whether a request's {@code Authorization} header admits it, and as whom. Implementations are
 * thread-safe.
 */
public interface Authenticator {

    /** The realm announced in {@code WWW-Authenticate}. */
    String REALM = "iscsi-smis";

    /** True when requests must carry credentials; false admits everyone. */
    boolean required();

    /**
     * @param authorizationHeader the raw {@code Authorization} header, or null if absent
     * @return the authenticated caller with its rights, or null if the credentials are missing or wrong
     */
    Caller authenticate(String authorizationHeader);

    /**
     * The caller a user name stands for now, without credentials (for what a user created before a restart and the
     * server does on its behalf later); null if there is no such user.
     */
    default Caller caller(String userName) {
        return null;
    }

    /** Admits every request (the default on a loopback address). */
    static Authenticator none() {
        return NoAuthentication.INSTANCE;
    }

    /** The authenticator used when no authentication is configured: everyone, with every right. */
    enum NoAuthentication implements Authenticator {
        INSTANCE;

        @Override
        public boolean required() {
            return false;
        }

        @Override
        public Caller authenticate(String authorizationHeader) {
            return Caller.ANYONE;
        }

        @Override
        public Caller caller(String userName) {
            return Caller.ANYONE;
        }
    }
}
