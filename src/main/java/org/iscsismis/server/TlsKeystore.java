package org.iscsismis.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS key and certificate: the PKCS12 keystore {@code tls.keystore} (password in the first line of
 * {@code tls.keystorePasswordFile}), or else a self-signed certificate generated on first start and kept in
 * {@code CONFIG_DIR/tls/self-signed.p12} (mode 0600, in a directory of mode 0700), so its fingerprint stays the
 * same across restarts. An expired generated certificate is replaced.
 *
 * @param keyStore    the loaded keystore
 * @param password    its password (also the key's)
 * @param certificate the server certificate (the first key entry's)
 * @param source      where it came from, for the start-up message
 */
record TlsKeystore(KeyStore keyStore, String password, X509Certificate certificate, Path source, boolean generated) {

    private static final Logger LOG = LoggerFactory.getLogger(TlsKeystore.class);
    /** The generated keystore's password: it is protected by its file mode, as an SSH host key is. */
    static final String GENERATED_PASSWORD = "iscsi-smis";
    static final String ALIAS = "iscsi-smis";

    /** The keystore the configuration names, or the generated one. */
    static TlsKeystore load(ServerConfig config) {
        Path file = config.tlsKeystore();
        if (file != null) {
            return loadConfigured(file, config.tlsKeystorePasswordFile());
        }
        return loadOrGenerate(config.configDirectory().resolve("tls").resolve("self-signed.p12"), config.bind());
    }

    /** The SHA-256 fingerprint of the certificate, {@code AB:CD:...} (what a client pins). */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute the certificate fingerprint", e);
        }
    }

    private static TlsKeystore loadConfigured(Path file, Path passwordFile) {
        String password = "";
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                password = lines.isEmpty() ? "" : lines.get(0);
            } catch (IOException e) {
                throw new ConfigurationException(ServerConfig.TLS_KEYSTORE_PASSWORD_FILE + ": cannot read " + passwordFile
                        + ": " + e.getMessage());
            }
        }
        KeyStore ks = read(file, password, ServerConfig.TLS_KEYSTORE);
        return new TlsKeystore(ks, password, firstCertificate(ks, file), file, false);
    }

    private static TlsKeystore loadOrGenerate(Path file, String bind) {
        if (Files.exists(file)) {
            KeyStore ks = read(file, GENERATED_PASSWORD, "the generated keystore");
            X509Certificate cert = firstCertificate(ks, file);
            if (cert.getNotAfter().toInstant().isAfter(Instant.now())) {
                return new TlsKeystore(ks, GENERATED_PASSWORD, cert, file, true);
            }
            LOG.warn("The self-signed certificate in {} has expired; generating a new one", file);
        }
        SelfSignedCertificate.Generated g = SelfSignedCertificate.generate(hostNames(), addresses(bind), Instant.now());
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, g.keys().getPrivate(), GENERATED_PASSWORD.toCharArray(), new Certificate[] {g.certificate()});
            store(ks, file);
            LOG.info("Generated a self-signed HTTPS certificate in {}", file);
            return new TlsKeystore(ks, GENERATED_PASSWORD, g.certificate(), file, true);
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigurationException("cannot store the generated certificate in " + file + ": " + e.getMessage()
                    + " (set " + ServerConfig.CONFIG_DIR + " to a writable directory, or " + ServerConfig.TLS_KEYSTORE + ")");
        }
    }

    private static void store(KeyStore ks, Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileAttributeView(dir.getParent() != null ? dir.getParent() : dir, PosixFileAttributeView.class) != null;
        if (posix && !Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        Path temp = posix ? Files.createTempFile(dir, ".self-signed", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".self-signed", ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            ks.store(out, GENERATED_PASSWORD.toCharArray());
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static KeyStore read(Path file, String password, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(what + ": cannot read PKCS12 keystore " + file + ": " + e.getMessage());
        }
    }

    private static X509Certificate firstCertificate(KeyStore ks, Path file) {
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate c) {
                    return c;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException("cannot read keystore " + file + ": " + e.getMessage());
        }
        throw new ConfigurationException("keystore " + file + " holds no private key with an X.509 certificate");
    }

    /** localhost, then the host's name and its fully qualified name. */
    private static List<String> hostNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            LOG.debug("The host's own name does not resolve: {}", e.getMessage());
        }
        names.add("localhost");
        names.removeIf(n -> n.isEmpty() || Character.isDigit(n.charAt(0)) || n.indexOf(':') >= 0);
        return new ArrayList<>(names);
    }

    /** The loopback addresses, the bind address, and for a wildcard bind every address of the host's interfaces. */
    private static Set<InetAddress> addresses(String bind) {
        Set<InetAddress> out = new LinkedHashSet<>();
        try {
            out.add(InetAddress.getByName("127.0.0.1"));
            out.add(InetAddress.getByName("::1"));
            InetAddress bound = InetAddress.getByName(bind);
            if (bound.isAnyLocalAddress()) {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    Collections.list(nic.getInetAddresses()).stream().filter(a -> !a.isLinkLocalAddress()).forEach(out::add);
                }
            } else {
                out.add(bound);
            }
        } catch (UnknownHostException | SocketException e) {
            LOG.debug("Listing the host's addresses: {}", e.getMessage());
        }
        return out;
    }
}
