package org.iscsismis.interop;

import java.util.Objects;
import java.util.Set;

/**
 * What the CIM-XML access point offers, as the server is configured.
 *
 * @param functionalProfiles  the operation groups the dispatcher really implements
 * @param basicAuthentication true if HTTP Basic authentication is required, false if the server takes anyone
 */
public record CimXmlAccess(Set<FunctionalProfile> functionalProfiles, boolean basicAuthentication) {

    public CimXmlAccess {
        functionalProfiles = Set.copyOf(Objects.requireNonNull(functionalProfiles, "functionalProfiles must not be null"));
    }
}
