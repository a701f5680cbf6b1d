package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 DeleteInstance: Deletes an instance.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required)
 */
public record DeleteInstanceRequest(CimNamespace namespace, ObjectPath instanceName) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "DeleteInstance";

    public DeleteInstanceRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(instanceName, "InstanceName must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
