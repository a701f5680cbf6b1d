package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 CreateInstance: Creates an instance; answers its path.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param newInstance NewInstance (required; keys may be left to the server)
 */
public record CreateInstanceRequest(CimNamespace namespace, CimInstance newInstance) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "CreateInstance";

    public CreateInstanceRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(newInstance, "NewInstance must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
