package org.iscsismis.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.iscsismis.http.AccessControl;
import org.iscsismis.http.Account;
import org.iscsismis.http.AllowedHosts;
import org.iscsismis.http.Authenticator;
import org.iscsismis.http.BasicAuthenticator;
import org.iscsismis.http.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The access control the configuration describes: the users file, the deprecated auth.users, the throttle, the Host check. */
final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    private Accounts() {
    }

    /**
     * @throws ConfigurationException if the users file cannot be used, or a user is both in it and in auth.users
     */
    static AccessControl accessControl(ServerConfig config) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (config.usersFile() != null) {
            UsersFile.read(config.usersFile()).values().forEach(e -> accounts.put(e.name(), new Account(e.password(), e.grants())));
        }
        if (!config.users().isEmpty()) {
            LOG.warn("auth.users is deprecated: its users have every right in every namespace and their passwords sit in "
                    + "the configuration unsalted. Move them to a users file: iscsi-smis user add --users-file FILE NAME");
            config.users().forEach((user, password) -> {
                if (accounts.containsKey(user)) {
                    throw new ConfigurationException("user \"" + user + "\" is both in " + config.usersFile() + " and in "
                            + ServerConfig.AUTH_USERS);
                }
                try {
                    BasicAuthenticator.checkUserName(user);
                    accounts.put(user, Account.legacy(password));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ServerConfig.AUTH_USERS + ": user \"" + user + "\": " + e.getMessage());
                }
            });
        }
        if (accounts.isEmpty()) {
            if (config.usersFile() != null) {
                LOG.warn("The users file {} lists no user: every request will be refused (401)", config.usersFile());
                return new AccessControl(new NobodyAuthenticator(), throttle(config), AllowedHosts.any());
            }
            return new AccessControl(Authenticator.none(), LoginThrottle.off(), AllowedHosts.loopbackAnd(config.allowedHosts()));
        }
        return new AccessControl(new BasicAuthenticator(accounts), throttle(config), AllowedHosts.any());
    }

    private static LoginThrottle throttle(ServerConfig config) {
        return new LoginThrottle(config.maxLoginFailures(), config.loginFailureWindowSeconds());
    }

    /** An empty users file: authentication is on, and nobody gets in. */
    private static final class NobodyAuthenticator implements Authenticator {
        @Override
        public boolean required() {
            return true;
        }

        @Override
        public org.iscsismis.dispatch.Caller authenticate(String authorizationHeader) {
            return null;
        }
    }
}
