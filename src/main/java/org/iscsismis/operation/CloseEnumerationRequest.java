package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 CloseEnumeration: Closes an open enumeration.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param enumerationContext EnumerationContext (required)
 */
public record CloseEnumerationRequest(CimNamespace namespace, String enumerationContext) implements EnumerationContextRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "CloseEnumeration";

    public CloseEnumerationRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(enumerationContext, "EnumerationContext must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
