package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 CreateClass: Creates a class.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param newClass NewClass (required)
 */
public record CreateClassRequest(CimNamespace namespace, CimClass newClass) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "CreateClass";

    public CreateClassRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(newClass, "NewClass must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
