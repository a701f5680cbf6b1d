package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;

/**
 * The DSP0200 result filters for classes (GetClass, EnumerateClasses), in one place.
 * <ul>
 * <li>LocalOnly: keeps only the properties, methods and class qualifiers defined or overridden in
 *     the class itself (propagated=false). The qualifiers of the kept elements stay as resolved.</li>
 * <li>IncludeQualifiers=false: no qualifiers anywhere (class, properties, methods, parameters).</li>
 * <li>IncludeClassOrigin=false: no classOrigin on properties and methods.</li>
 * <li>PropertyList: only the listed properties (null = all, empty = none; methods unaffected).</li>
 * </ul>
 */
public final class ClassFilter {

    private final boolean localOnly;
    private final boolean includeQualifiers;
    private final boolean includeClassOrigin;
    private final PropertySelection properties;

    public ClassFilter(boolean localOnly, boolean includeQualifiers, boolean includeClassOrigin, List<CimName> propertyList) {
        this.localOnly = localOnly;
        this.includeQualifiers = includeQualifiers;
        this.includeClassOrigin = includeClassOrigin;
        this.properties = PropertySelection.of(propertyList);
    }

    public CimClass apply(CimClass c) {
        List<CimQualifier> qualifiers = new ArrayList<>();
        if (includeQualifiers) {
            for (CimQualifier q : c.qualifiers()) {
                if (!(localOnly && q.propagated())) {
                    qualifiers.add(q);
                }
            }
        }
        List<CimProperty> props = new ArrayList<>(c.properties().size());
        for (CimProperty p : c.properties()) {
            if ((localOnly && p.propagated()) || !properties.includes(p.name())) {
                continue;
            }
            props.add(new CimProperty(p.name(), p.type(), p.value(), includeQualifiers ? p.qualifiers() : List.of(),
                    includeClassOrigin ? p.classOrigin() : null, p.propagated()));
        }
        List<CimMethod> methods = new ArrayList<>(c.methods().size());
        for (CimMethod m : c.methods()) {
            if (localOnly && m.propagated()) {
                continue;
            }
            List<CimParameter> params = m.parameters();
            if (!includeQualifiers) {
                params = new ArrayList<>(params.size());
                for (CimParameter p : m.parameters()) {
                    params.add(p.withQualifiers(List.of()));
                }
            }
            methods.add(new CimMethod(m.name(), m.returnType(), params, includeQualifiers ? m.qualifiers() : List.of(),
                    includeClassOrigin ? m.classOrigin() : null, m.propagated()));
        }
        return new CimClass(c.name(), c.superClassName(), qualifiers, props, methods);
    }
}
