package org.iscsismis.iscsi.target.login;

import org.iscsismis.iscsi.target.pdu.TextParameters;

/**
 * The security stage of one login (RFC 7143 §6.3.1): picks the AuthMethod and, for methods with an exchange, runs it.
 * The seam where CHAP will go: an implementation answers the security keys of each Login Request and says when the
 * initiator may leave the stage.
 */
public interface SecurityNegotiation {

    /**
     * Answers the security keys among {@code offered} (AuthMethod, CHAP_*); keys it does not know are left for the
     * operational negotiation.
     *
     * @return the keys it handled
     * @throws LoginFailure AUTHENTICATION_FAILURE when no offered method is acceptable or the exchange fails
     */
    java.util.Set<String> negotiate(String initiatorName, TextParameters offered, TextParameters answer) throws LoginFailure;

    /** True once the initiator may move to the next stage. */
    boolean complete();
}
