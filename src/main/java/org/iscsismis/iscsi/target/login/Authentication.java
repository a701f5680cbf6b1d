package org.iscsismis.iscsi.target.login;

/** How a login authenticated, as its security stage ended: the session reports it (AuthenticationMethodUsed). */
public enum Authentication {
    /** AuthMethod None, or the security stage skipped. */
    NONE,
    /** CHAP: the initiator proved its secret. */
    CHAP,
    /** CHAP both ways: the target answered the initiator's challenge too. */
    MUTUAL_CHAP
}
