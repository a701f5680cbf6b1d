package org.iscsismis.iscsi.target.login;

import org.iscsismis.iscsi.target.pdu.Pdu;

/**
 * What one Login Request led to: the Login Response to send and, once the login reached the full feature phase,
 * the session's identity and parameters (both null before).
 */
public record LoginStep(Pdu response, LoginIdentity identity, SessionParameters parameters) {

    public boolean fullFeature() {
        return parameters != null;
    }
}
