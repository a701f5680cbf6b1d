package org.iscsismis.operation;

import java.util.Objects;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;

/**
 * DSP0200 SetQualifier: Creates or replaces a qualifier declaration.
 *
 * <p>All parameters are required; there are no defaults.
 *
 * @param namespace the target namespace
 * @param qualifierDeclaration QualifierDeclaration (required)
 */
public record SetQualifierRequest(CimNamespace namespace, CimQualifierType qualifierDeclaration) implements CimRequest {

    /** The DSP0200 operation name. */
    public static final String NAME = "SetQualifier";

    public SetQualifierRequest {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(qualifierDeclaration, "QualifierDeclaration must not be null");
    }

    @Override
    public String operationName() {
        return NAME;
    }
}
