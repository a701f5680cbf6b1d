package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.nio.file.Path;
import java.util.Map;

/**
 * Who may log in, and how failed logins are throttled (auth.*).
 *
 * @param usersFile                 auth.usersFile, or null when none is configured
 * @param users                     the deprecated auth.users: name → password as written (possibly {@code sha256:HEX})
 * @param allowPlainHttp            auth.allowPlainHttp: off loopback, credentials may also travel over plain HTTP
 * @param maxLoginFailures          auth.maxFailures per client address and window before 429; 0 = no limit
 * @param loginFailureWindowSeconds auth.failureWindowSeconds
 */
public record AuthSettings(Path usersFile, Map<String, String> users, boolean allowPlainHttp, int maxLoginFailures,
                    long loginFailureWindowSeconds) {

    static AuthSettings read(ConfigValues v) {
        Map<String, String> users = Users.parse(v.raw(AUTH_USERS));
        boolean allowPlainHttp = v.bool(AUTH_ALLOW_PLAIN_HTTP);
        return new AuthSettings(v.optionalPath(AUTH_USERS_FILE), users, allowPlainHttp,
                v.intNumber(AUTH_MAX_FAILURES, 0, 1_000_000), v.number(AUTH_FAILURE_WINDOW_S, 1, 86_400));
    }

    /** True if requests must authenticate: a users file or (deprecated) auth.users is configured. */
    public boolean configured() {
        return usersFile != null || !users.isEmpty();
    }
}
