package org.iscsismis.interop;

import java.util.Objects;
import java.util.Set;

/**
 * What the CIM-XML access point offers, as the server is configured.
 *
 * @param functionalProfiles      the operation groups the dispatcher really implements
 * @param basicAuthentication     true if HTTP Basic authentication is required, false if the server takes anyone
 * @param pullMaxTimeoutSeconds   the largest OperationTimeout a pulled enumeration may ask for, in seconds (0 when
 *                                {@link FunctionalProfile#PULLED_READ} is not offered)
 */
public record CimXmlAccess(Set<FunctionalProfile> functionalProfiles, boolean basicAuthentication, long pullMaxTimeoutSeconds) {

    public CimXmlAccess {
        functionalProfiles = Set.copyOf(Objects.requireNonNull(functionalProfiles, "functionalProfiles must not be null"));
        if (pullMaxTimeoutSeconds < 0) {
            throw new IllegalArgumentException("pullMaxTimeoutSeconds must not be negative: " + pullMaxTimeoutSeconds);
        }
    }

    /** An access point without pulled enumerations. */
    public CimXmlAccess(Set<FunctionalProfile> functionalProfiles, boolean basicAuthentication) {
        this(functionalProfiles, basicAuthentication, 0);
    }
}
