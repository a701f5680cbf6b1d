package org.iscsismis.iscsi.target.login;

import java.util.Set;

import org.iscsismis.iscsi.target.pdu.TextParameters;

/**
 * The security stage of one login (RFC 7143 §6.3.1): picks the AuthMethod and, for methods with an exchange, runs it.
 * An implementation answers the security keys of each Login Request and says when the initiator may leave the stage.
 */
public interface SecurityNegotiation {

    /**
     * Answers the security keys among {@code offered} (AuthMethod, CHAP_*); keys it does not know are left for the
     * operational negotiation.
     *
     * @param transit the initiator asks to leave the security stage with this request
     * @return the keys it handled
     * @throws LoginFailure AUTHENTICATION_FAILURE when no offered method is acceptable or the exchange fails
     */
    Set<String> negotiate(LoginIdentity who, TextParameters offered, TextParameters answer, boolean transit) throws LoginFailure;

    /** True once the initiator may move to the next stage. */
    boolean complete();

    /** How the login authenticated; meaningful once {@link #complete()}. */
    default Authentication authentication() {
        return Authentication.NONE;
    }

    /**
     * The login began in the operational stage, skipping this one.
     *
     * @throws LoginFailure AUTHENTICATION_FAILURE if this login must authenticate
     */
    void skipped(LoginIdentity who) throws LoginFailure;
}
