package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 ModifyClass: Replaces a class.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param modifiedClass ModifiedClass (required)
 */
public record ModifyClassRequest(CimNamespace namespace, CimClass modifiedClass) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "ModifyClass";

    public ModifyClassRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(modifiedClass, "ModifiedClass must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
