package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 EnumerateInstanceNames: Enumerates the instance paths of a class and its subclasses.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param className ClassName (required)
 */
public record EnumerateInstanceNamesRequest(CimNamespace namespace, CimName className) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "EnumerateInstanceNames";

    public EnumerateInstanceNamesRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "ClassName must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
