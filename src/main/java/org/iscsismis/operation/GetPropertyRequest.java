package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * DSP0200 GetProperty: Returns one property value.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param instanceName InstanceName (required)
 * @param propertyName PropertyName (required)
 */
public record GetPropertyRequest(CimNamespace namespace, ObjectPath instanceName, CimName propertyName) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "GetProperty";

    public GetPropertyRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(instanceName, "InstanceName must not be null");
        Objects.requireNonNull(propertyName, "PropertyName must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
