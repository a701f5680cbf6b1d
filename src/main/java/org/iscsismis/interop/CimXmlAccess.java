package org.iscsismis.interop;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the CIM-XML access points offer, as the server is configured.
 *
 * @param functionalProfiles      the operation groups the dispatcher really implements
 * @param basicAuthentication     true if HTTP Basic authentication is required, false if the server takes anyone
 * @param pullMaxTimeoutSeconds   the largest OperationTimeout a pulled enumeration may ask for, in seconds (0 when
 *                                {@link FunctionalProfile#PULLED_READ} is not offered)
 * @param accessPoints            the URLs the server listens on ({@code http://…}, {@code https://…}), read when the
 *                                interop namespace is asked (ports are known once the server listens); one
 *                                {@code CIM_CIMXMLCommunicationMechanism} each. None known: one for plain HTTP.
 */
public record CimXmlAccess(Set<FunctionalProfile> functionalProfiles, boolean basicAuthentication, long pullMaxTimeoutSeconds,
                           Supplier<List<URI>> accessPoints) {

    public CimXmlAccess {
        functionalProfiles = Set.copyOf(Objects.requireNonNull(functionalProfiles, "functionalProfiles must not be null"));
        Objects.requireNonNull(accessPoints, "accessPoints must not be null");
        if (pullMaxTimeoutSeconds < 0) {
            throw new IllegalArgumentException("pullMaxTimeoutSeconds must not be negative: " + pullMaxTimeoutSeconds);
        }
    }

    /** Access points not known. */
    public CimXmlAccess(Set<FunctionalProfile> functionalProfiles, boolean basicAuthentication, long pullMaxTimeoutSeconds) {
        this(functionalProfiles, basicAuthentication, pullMaxTimeoutSeconds, List::of);
    }

    /** An access point without pulled enumerations. */
    public CimXmlAccess(Set<FunctionalProfile> functionalProfiles, boolean basicAuthentication) {
        this(functionalProfiles, basicAuthentication, 0);
    }
}
