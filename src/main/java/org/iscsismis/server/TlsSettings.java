package org.iscsismis.server;

import static org.iscsismis.server.ConfigKeys.*;

import java.nio.file.Path;

/**
 * The HTTPS endpoint's settings (https.*, tls.*).
 *
 * @param port                 https.port; 0 picks a free port
 * @param keystore             tls.keystore, or null for the self-signed certificate generated in config.dir
 * @param keystorePasswordFile tls.keystorePasswordFile, or null
 */
public record TlsSettings(boolean enabled, int port, Path keystore, Path keystorePasswordFile) {

    static TlsSettings read(ConfigValues v) {
        int port = v.intNumber(HTTPS_PORT, 0, 65535);
        return new TlsSettings(v.bool(HTTPS_ENABLED), port, v.optionalPath(TLS_KEYSTORE),
                v.optionalPath(TLS_KEYSTORE_PASSWORD_FILE));
    }
}
