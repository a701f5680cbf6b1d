package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;

/**
 * DSP0200 GetQualifier: Returns one qualifier declaration.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param qualifierName QualifierName (required)
 */
public record GetQualifierRequest(CimNamespace namespace, CimName qualifierName) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "GetQualifier";

    public GetQualifierRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(qualifierName, "QualifierName must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
