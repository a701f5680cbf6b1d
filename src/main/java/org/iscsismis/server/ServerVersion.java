package org.iscsismis.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The server's version, as the build recorded it in {@code iscsi-smis-version.properties}. */
final class ServerVersion {

    private static final String RESOURCE = "/iscsi-smis-version.properties";

    private ServerVersion() {
    }

    /** The project version (e.g. {@code 0.1.0-SNAPSHOT}); {@code unknown} if the build did not record one. */
    static String current() {
        try (InputStream in = ServerVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
