package org.iscsismis.mof;

import java.util.List;
import java.util.Objects;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;

/**
 * What a compilation declared in one namespace, each list in declaration order.
 *
 * @param name           the namespace ({@code #pragma namespace} or the compiler's default)
 * @param qualifierTypes qualifier declarations
 * @param classes        classes as declared: only their own properties, methods and qualifiers
 *                       (nothing propagated), qualifier flavors taken from the declarations
 * @param instances      instances with values coerced to the declared property types; their path
 *                       (from the keys of the class chain) is set when all keys are present
 */
public record MofNamespace(CimNamespace name, List<CimQualifierType> qualifierTypes, List<CimClass> classes,
                           List<CimInstance> instances) {

    public MofNamespace {
        Objects.requireNonNull(name, "namespace must not be null");
        qualifierTypes = List.copyOf(qualifierTypes);
        classes = List.copyOf(classes);
        instances = List.copyOf(instances);
    }
}
