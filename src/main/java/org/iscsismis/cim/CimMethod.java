package org.iscsismis.cim;

import java.util.List;
import java.util.Objects;

/**
 * A method declaration.
 *
 * @param name        the method name
 * @param returnType  the return type (scalar), or null for a method declared without one
 * @param parameters  parameters in declaration order (names unique, case-insensitively)
 * @param qualifiers  qualifiers
 * @param classOrigin the class that first declared the method, or null if unknown
 * @param propagated  true if inherited unchanged
 */
public record CimMethod(CimName name, CimType returnType, List<CimParameter> parameters, List<CimQualifier> qualifiers,
                        CimName classOrigin, boolean propagated) {

    public CimMethod {
        Objects.requireNonNull(name, "method name must not be null");
        parameters = List.copyOf(Objects.requireNonNull(parameters, () -> "parameters of method " + name + " must not be null"));
        for (int i = 0; i < parameters.size(); i++) {
            for (int j = i + 1; j < parameters.size(); j++) {
                if (parameters.get(i).name().equals(parameters.get(j).name())) {
                    throw new IllegalArgumentException("Duplicate parameter " + parameters.get(j).name() + " in method " + name);
                }
            }
        }
        qualifiers = CimQualifier.copy(qualifiers, "method", name);
    }

    public static CimMethod of(String name, CimType returnType, List<CimParameter> parameters, CimQualifier... qualifiers) {
        return new CimMethod(CimName.of(name), returnType, parameters, List.of(qualifiers), null, false);
    }

    /** The parameter {@code name} (case-insensitive), or null. */
    public CimParameter parameter(CimName parameterName) {
        for (CimParameter p : parameters) {
            if (p.name().equals(parameterName)) {
                return p;
            }
        }
        return null;
    }

    public CimParameter parameter(String parameterName) {
        return parameter(CimName.of(parameterName));
    }

    public CimQualifier qualifier(CimName qualifierName) {
        return CimQualifier.find(qualifiers, qualifierName);
    }

    public CimMethod withQualifiers(List<CimQualifier> newQualifiers) {
        return new CimMethod(name, returnType, parameters, newQualifiers, classOrigin, propagated);
    }

    public CimMethod withParameters(List<CimParameter> newParameters) {
        return new CimMethod(name, returnType, newParameters, qualifiers, classOrigin, propagated);
    }

    public CimMethod withClassOrigin(CimName origin, boolean isPropagated) {
        return new CimMethod(name, returnType, parameters, qualifiers, origin, isPropagated);
    }
}
