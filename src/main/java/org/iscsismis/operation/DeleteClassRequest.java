package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 DeleteClass: Deletes a class.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param className ClassName (required)
 */
public record DeleteClassRequest(CimNamespace namespace, CimName className) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "DeleteClass";

    public DeleteClassRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(className, "ClassName must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
