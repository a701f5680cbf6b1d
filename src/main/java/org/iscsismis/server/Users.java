package org.iscsismis.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the deprecated {@code auth.users}: {@code user:password[,user:password...]}. */
final class Users {

    private Users() {
    }

    /**
     * @return user → password (as written, possibly {@code sha256:HEX}), in order; empty for blank text
     * @throws ConfigurationException on an entry without ':' , an empty name or password, or a duplicate user
     */
    static Map<String, String> parse(String text) {
        Map<String, String> users = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new ConfigurationException(ServerConfig.AUTH_USERS + ": entry \"" + maskPassword(trimmed)
                        + "\" must be user:password with both parts non-empty");
            }
            String user = trimmed.substring(0, colon);
            if (users.put(user, trimmed.substring(colon + 1)) != null) {
                throw new ConfigurationException(ServerConfig.AUTH_USERS + ": user \"" + user + "\" is listed twice");
            }
        }
        return Collections.unmodifiableMap(users);
    }

    private static String maskPassword(String entry) {
        int colon = entry.indexOf(':');
        return colon < 0 ? entry : entry.substring(0, colon) + ":***";
    }
}
