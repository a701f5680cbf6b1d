package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 PullInstances: Continues an OpenQueryInstances enumeration.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param enumerationContext EnumerationContext (required)
 * @param maxObjectCount MaxObjectCount (required, no default)
 */
public record PullInstancesRequest(CimNamespace namespace, String enumerationContext, long maxObjectCount) implements PullRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "PullInstances";

    public PullInstancesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(enumerationContext, "EnumerationContext must not be null");
        Requests.checkUint32("MaxObjectCount", maxObjectCount);
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
