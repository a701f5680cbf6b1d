package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

/**
 * DESIGN.md's rule for the address the server binds: off loopback only with authentication configured; there,
 * passwords travel over HTTPS only unless auth.allowPlainHttp says otherwise, and iSCSI is served only with CHAP on
 * every login unless iscsi.allowWithoutChap says otherwise.
 */
final class BindingPolicy {

    private BindingPolicy() {
    }

    /**
     * @throws ConfigurationException if {@code http.bind} is not a loopback address and no users are configured, if
     *                                HTTPS is off there without {@code auth.allowPlainHttp}, if iSCSI is served there
     *                                without CHAP on every login nor {@code iscsi.allowWithoutChap}, or if the address
     *                                cannot be resolved
     */
    static void check(HttpSettings http, AuthSettings auth, TlsSettings tls, IscsiSettings iscsi) {
        if (http.loopbackBind()) {
            return;
        }
        String bind = http.bind();
        if (!auth.configured()) {
            throw new ConfigurationException("Refusing to listen on " + bind + " without authentication: binding "
                    + "an address other than loopback requires users (" + AUTH_USERS_FILE + ", see iscsi-smis user add) "
                    + "(or use " + HTTP_BIND + "=127.0.0.1)");
        }
        if (!tls.enabled() && !auth.allowPlainHttp()) {
            throw new ConfigurationException("Refusing to listen on " + bind + " with authentication over plain HTTP only: "
                    + "passwords would travel in clear. Enable HTTPS (" + HTTPS_ENABLED + "=true) or, on a trusted "
                    + "network, give --allow-plain-http-auth");
        }
        if (iscsi.enabled() && !iscsi.chapOnEveryLogin() && !iscsi.allowWithoutChap()) {
            throw new ConfigurationException("Refusing to serve iSCSI on " + bind + " without CHAP on every login: anyone "
                    + "who reaches port " + iscsi.port() + " could read and write the volumes. Add CHAP secrets (iscsi-smis "
                    + "chap add) and set " + ISCSI_CHAP_SECRETS_FILE + "=FILE and " + ISCSI_CHAP_REQUIRED + "=*, or set "
                    + ISCSI_ENABLED + "=false, or on a trusted network give --allow-iscsi-without-chap");
        }
    }

    /**
     * True if plain HTTP may carry credentials on {@code http.bind}: always on loopback; off loopback only with
     * {@code auth.allowPlainHttp} (otherwise HTTP listens on loopback only there, and remote clients use HTTPS).
     */
    static boolean plainHttpOnBind(HttpSettings http, AuthSettings auth) {
        return http.loopbackBind() || !auth.configured() || auth.allowPlainHttp();
    }
}
