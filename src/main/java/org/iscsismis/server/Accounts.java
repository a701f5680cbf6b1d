package org.iscsismis.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
     * The users file is read again when it changes while the server runs ({@link ReloadedFile}): users added,
     * changed or removed with {@code iscsi-smis user} count from their next request.
     *
     * @throws ConfigurationException if the users file cannot be used, or a user is both in it and in auth.users
     */
    static AccessControl accessControl(ServerConfig config) {
        Map<String, Account> legacy = legacyAccounts(config);
        if (config.usersFile() != null) {
            ReloadedFile<Authenticator> users = new ReloadedFile<>(config.usersFile(), "users file",
                    file -> authenticator(file, legacy));
            return new AccessControl(new FileAuthenticator(users), throttle(config), AllowedHosts.any());
        }
        if (legacy.isEmpty()) {
            return new AccessControl(Authenticator.none(), LoginThrottle.off(), AllowedHosts.loopbackAnd(config.allowedHosts()));
        }
        return new AccessControl(new BasicAuthenticator(legacy), throttle(config), AllowedHosts.any());
    }

    /** The users of {@code file} and of auth.users; with none, nobody gets in (authentication stays on). */
    private static Authenticator authenticator(Path file, Map<String, Account> legacy) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        UsersFile.read(file).values().forEach(e -> accounts.put(e.name(), new Account(e.password(), e.grants())));
        for (String user : legacy.keySet()) {
            if (accounts.containsKey(user)) {
                throw new ConfigurationException("user \"" + user + "\" is both in " + file + " and in " + ServerConfig.AUTH_USERS);
            }
        }
        accounts.putAll(legacy);
        if (accounts.isEmpty()) {
            LOG.warn("The users file {} lists no user: every request will be refused (401)", file);
            return new NobodyAuthenticator();
        }
        return new BasicAuthenticator(accounts);
    }

    /** The deprecated auth.users, with a warning; empty when not set. */
    private static Map<String, Account> legacyAccounts(ServerConfig config) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        if (!config.users().isEmpty()) {
            LOG.warn("auth.users is deprecated: its users have every right in every namespace and their passwords sit in "
                    + "the configuration unsalted. Move them to a users file: iscsi-smis user add --users-file FILE NAME");
            config.users().forEach((user, password) -> {
                try {
                    BasicAuthenticator.checkUserName(user);
                    accounts.put(user, Account.legacy(password));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(ServerConfig.AUTH_USERS + ": user \"" + user + "\": " + e.getMessage());
                }
            });
        }
        return Map.copyOf(accounts);
    }

    /** The users file's authenticator as last read. */
    private record FileAuthenticator(Supplier<Authenticator> current) implements Authenticator {
        @Override
        public boolean required() {
            return true;
        }

        @Override
        public org.iscsismis.dispatch.Caller authenticate(String authorizationHeader) {
            return current.get().authenticate(authorizationHeader);
        }

        @Override
        public org.iscsismis.dispatch.Caller caller(String userName) {
            return current.get().caller(userName);
        }
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
