package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 EnumerateQualifiers: Enumerates the qualifier declarations of a namespace.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 */
public record EnumerateQualifiersRequest(CimNamespace namespace) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "EnumerateQualifiers";

    public EnumerateQualifiersRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
