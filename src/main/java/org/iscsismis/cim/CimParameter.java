package org.iscsismis.cim;

import java.util.List;
import java.util.Objects;

/**
 * A method parameter declaration.
 *
 * @param name       the parameter name
 * @param type       its type (references carry the referenced class)
 * @param qualifiers qualifiers (In, Out, EmbeddedInstance …)
 */
public record CimParameter(CimName name, CimType type, List<CimQualifier> qualifiers) {

    public CimParameter {
        Objects.requireNonNull(name, "parameter name must not be null");
        Objects.requireNonNull(type, () -> "type of parameter " + name + " must not be null");
        qualifiers = CimQualifier.copy(qualifiers, "parameter", name);
    }

    public static CimParameter of(String name, CimType type, CimQualifier... qualifiers) {
        return new CimParameter(CimName.of(name), type, List.of(qualifiers));
    }

    public CimQualifier qualifier(CimName qualifierName) {
        return CimQualifier.find(qualifiers, qualifierName);
    }

    /** DSP0004: In defaults to true. */
    public boolean isIn() {
        CimQualifier q = qualifier(CimQualifier.Names.IN);
        return q == null || q.isTrue();
    }

    /** DSP0004: Out defaults to false. */
    public boolean isOut() {
        CimQualifier q = qualifier(CimQualifier.Names.OUT);
        return q != null && q.isTrue();
    }

    public CimParameter withQualifiers(List<CimQualifier> newQualifiers) {
        return new CimParameter(name, type, newQualifiers);
    }
}
