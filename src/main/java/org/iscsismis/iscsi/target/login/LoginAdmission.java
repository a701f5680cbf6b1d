package org.iscsismis.iscsi.target.login;

/** What the login asks of the target around it: does a target exist, and make (or reinstate) the session. */
public interface LoginAdmission {

    /**
     * @throws LoginFailure NOT_FOUND if no target has this name, TARGET_REMOVED if it is going away
     */
    void checkTarget(String targetName) throws LoginFailure;

    /**
     * The login is complete: create the session (closing an older one of the same initiator port first) and return
     * its TSIH.
     *
     * @throws LoginFailure e.g. TOO_MANY_CONNECTIONS, SESSION_DOES_NOT_EXIST, OUT_OF_RESOURCES
     */
    int admit(LoginIdentity identity, SessionParameters parameters) throws LoginFailure;
}
