package org.iscsismis.iscsi.target.login;

import java.util.Arrays;
import java.util.Set;

import org.iscsismis.iscsi.target.pdu.TextParameters;

/**
 * AuthMethod=None: the only method this target accepts for now. An initiator that offers only methods that need
 * credentials (CHAP, SRP, Kerberos) is refused with Authentication Failure and told why in the log.
 */
public final class NoAuthentication implements SecurityNegotiation {

    static final String AUTH_METHOD = "AuthMethod";

    @Override
    public Set<String> negotiate(String initiatorName, TextParameters offered, TextParameters answer) throws LoginFailure {
        String methods = offered.get(AUTH_METHOD);
        if (methods == null) {
            return Set.of();
        }
        if (!Arrays.asList(methods.split(",")).contains("None")) {
            throw new LoginFailure(LoginStatus.AUTHENTICATION_FAILURE, "initiator " + initiatorName + " offered AuthMethod="
                    + methods + "; this target accepts AuthMethod=None only (CHAP is not supported yet)");
        }
        answer.add(AUTH_METHOD, "None");
        return Set.of(AUTH_METHOD);
    }

    @Override
    public boolean complete() {
        return true;
    }
}
