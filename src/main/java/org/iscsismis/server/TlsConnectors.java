package org.iscsismis.server;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector: TLS 1.3 and 1.2 only, and of their cipher suites only those with forward secrecy (ECDHE) and
 * authenticated encryption (AES-GCM, ChaCha20-Poly1305). No client certificates are asked for.
 */
final class TlsConnectors {

    /** The protocols offered; TLS 1.0 and 1.1 (and SSL) are refused at the handshake. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** The cipher suites offered, strongest first. */
    static final String[] CIPHER_SUITES = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};

    private TlsConnectors() {
    }

    /** The TLS settings over {@code keystore} (tests look at what they select). */
    static SslContextFactory.Server contextFactory(TlsKeystore keystore) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keystore.keyStore());
        ssl.setKeyStorePassword(keystore.password());
        ssl.setKeyManagerPassword(keystore.password());
        ssl.setIncludeProtocols(PROTOCOLS);
        ssl.setIncludeCipherSuites(CIPHER_SUITES);
        ssl.setUseCipherSuitesOrder(true);
        ssl.setRenegotiationAllowed(false);
        return ssl;
    }

    /** An HTTPS connector on {@code server} with the HTTP settings of {@code http}. */
    static ServerConnector https(Server server, HttpConfiguration http, TlsKeystore keystore) {
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // one certificate: whether its names fit the one the client asked for is the client's check (wbemcli -noverify)
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(contextFactory(keystore), HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }
}
