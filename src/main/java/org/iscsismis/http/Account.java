package org.iscsismis.http;

import java.util.Objects;
import org.iscsismis.dispatch.NamespaceGrants;

/**
 * One user the server admits: the password hash and the rights per namespace.
 *
 * @param password the salted slow hash of the password
 * @param grants   what the user may do, per namespace
 */
public record Account(Pbkdf2Password password, NamespaceGrants grants) {

    public Account {
        Objects.requireNonNull(password, "password must not be null");
        Objects.requireNonNull(grants, "grants must not be null");
    }

    /**
     * An account of the deprecated {@code auth.users} form: the password in clear or as {@code sha256:HEX}, and write
     * access to every namespace (what such users always had).
     */
    public static Account legacy(String writtenPassword) {
        return new Account(Pbkdf2Password.ofLegacy(writtenPassword, Pbkdf2Password.DEFAULT_ITERATIONS), NamespaceGrants.EVERYTHING);
    }
}
