package org.iscsismis.interop;

import java.util.Objects;

/**
 * Who the object manager is.
 *
 * @param productName  the server's name; also the ElementName of the object manager and of its system
 * @param version      the server's version, {@code major.minor.revision} with an optional {@code -suffix}
 * @param manufacturer who makes it (SoftwareIdentity.Manufacturer)
 * @param systemName   the Name of the computer system hosting the object manager: this server is embedded in the
 *                     storage system it manages, so it is the storage system's name
 */
public record ServerIdentity(String productName, String version, String manufacturer, String systemName) {

    public ServerIdentity {
        Objects.requireNonNull(productName, "productName must not be null");
        Objects.requireNonNull(version, "version must not be null");
        Objects.requireNonNull(manufacturer, "manufacturer must not be null");
        Objects.requireNonNull(systemName, "systemName must not be null");
    }

    /** The numeric parts of {@link #version} ({@code 0.1.0-SNAPSHOT} → 0, 1, 0); a missing or odd part is 0. */
    int versionPart(int index) {
        String[] parts = version.split("[-+ ]", 2)[0].split("\\.");
        if (index >= parts.length) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(65535, Integer.parseInt(parts[index])));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
