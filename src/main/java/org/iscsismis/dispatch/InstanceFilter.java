package org.iscsismis.dispatch;

import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.ObjectPath;

/**
 * The DSP0200 result filters for instances, in one place; used by every instance-returning
 * operation.
 * <ul>
 * <li>DeepInheritance=false (EnumerateInstances only): properties the requested class does not
 *     have are cut (instances of subclasses are still returned).</li>
 * <li>PropertyList: only the listed properties (null = all, empty = none; keys stay in the path).</li>
 * <li>IncludeClassOrigin: classOrigin on each property from the instance's class, else none.</li>
 * <li>IncludeQualifiers (deprecated for instances): each property carries the qualifiers of its
 *     declaration in the instance's class; false: no qualifiers.</li>
 * <li>Reference properties carry the reference class of their declaration.</li>
 * <li>LocalOnly on instances is deprecated by DSP0200 and treated as false: SBLIM-based clients
 *     send true by default, and cutting inherited properties would hide the keys.</li>
 * </ul>
 * The caller chooses the path: {@link #apply} keeps none (GetInstance), {@link #applyWithLocalPath}
 * keeps it without host and namespace (EnumerateInstances).
 */
public final class InstanceFilter {

    private final CimClass requestedClass;
    private final boolean deepInheritance;
    private final boolean includeQualifiers;
    private final boolean includeClassOrigin;
    private final PropertySelection properties;

    /**
     * @param requestedClass  the class named in the request (for DeepInheritance=false)
     * @param deepInheritance false cuts properties to those of {@code requestedClass}
     */
    public InstanceFilter(CimClass requestedClass, boolean deepInheritance, boolean includeQualifiers,
                          boolean includeClassOrigin, List<CimName> propertyList) {
        this.requestedClass = requestedClass;
        this.deepInheritance = deepInheritance;
        this.includeQualifiers = includeQualifiers;
        this.includeClassOrigin = includeClassOrigin;
        this.properties = PropertySelection.of(propertyList);
    }

    /** The filtered instance without a path. {@code instanceClass} is the instance's own resolved class (may be null). */
    public CimInstance apply(CimInstance instance, CimClass instanceClass) {
        return filter(instance, instanceClass, null);
    }

    /**
     * True when this filter changes nothing of an instance in the repository's stored form (every property typed by
     * its declaration, without qualifiers or class origin, no instance qualifiers): all properties, none cut, no
     * qualifiers, no class origin. Such an instance's filtered form is itself with its path reduced, so its
     * properties need not be looked at ({@link #storedWithLocalPath}).
     */
    public boolean keepsStoredAsIs() {
        return properties.isAll() && !includeQualifiers && !includeClassOrigin && (deepInheritance || requestedClass == null);
    }

    /**
     * {@link #applyWithLocalPath} for an instance in the repository's stored form when {@link #keepsStoredAsIs}: the
     * same result without reading a property.
     */
    public static CimInstance storedWithLocalPath(CimInstance stored) {
        ObjectPath p = stored.path();
        return stored.withPath(p == null ? null : p.withoutHostAndNamespace());
    }

    /** The filtered instance with its path reduced to class and keys. */
    public CimInstance applyWithLocalPath(CimInstance instance, CimClass instanceClass) {
        ObjectPath p = instance.path();
        return filter(instance, instanceClass, p == null ? null : p.withoutHostAndNamespace());
    }

    private CimInstance filter(CimInstance instance, CimClass instanceClass, ObjectPath path) {
        // The class declarations are only consulted when a flag needs them: on the common path
        // (all properties, no qualifiers, no class origin) each property costs no map lookup, and a
        // property that already has its answer's form (the repository stores them so) is not copied.
        boolean cut = !deepInheritance && requestedClass != null;
        boolean declarations = includeQualifiers || includeClassOrigin;
        List<CimProperty> props = instance.properties();
        List<CimProperty> out = null; // stays null while every property is kept as it is
        for (int i = 0, n = props.size(); i < n; i++) {
            // by name first: a stored instance makes its property objects on demand, so a property cut costs none
            CimName name = instance.propertyName(i);
            if (!properties.includes(name) || (cut && requestedClass.property(name) == null)) {
                if (out == null) {
                    out = new ArrayList<>(n);
                    out.addAll(props.subList(0, i));
                }
                continue;
            }
            CimProperty p = props.get(i);
            CimProperty kept = !declarations ? plain(p, instanceClass)
                    : withDeclaration(p, instanceClass == null ? null : instanceClass.property(name), instanceClass);
            if (out == null && kept != p) {
                out = new ArrayList<>(n);
                out.addAll(props.subList(0, i));
            }
            if (out != null) {
                out.add(kept);
            }
        }
        if (out == null && instance.qualifiers().isEmpty()) {
            return instance.withPath(path);
        }
        return new CimInstance(instance.className(), path, out == null ? props : out, List.of());
    }

    /** {@code p} without qualifiers and class origin, typed by its declaration; {@code p} itself when it is so already. */
    private static CimProperty plain(CimProperty p, CimClass instanceClass) {
        CimType type = declaredReferenceType(p, instanceClass);
        if (type.equals(p.type()) && p.qualifiers().isEmpty() && p.classOrigin() == null) {
            return p;
        }
        return new CimProperty(p.name(), type, p.value(), List.of(), null, p.propagated());
    }

    private CimProperty withDeclaration(CimProperty p, CimProperty declared, CimClass instanceClass) {
        return new CimProperty(p.name(), declaredReferenceType(p, instanceClass), p.value(),
                includeQualifiers && declared != null ? declared.qualifiers() : List.of(),
                includeClassOrigin ? (declared != null ? declared.classOrigin() : p.classOrigin()) : null,
                p.propagated());
    }

    /**
     * A reference property is typed by its declaration ({@code CIM_ManagedElement REF SystemElement} answers
     * REFERENCECLASS="CIM_ManagedElement" whatever class the referenced instance has), as DSP0201 asks; providers
     * may build references typed by the path they hold.
     */
    private static CimType declaredReferenceType(CimProperty p, CimClass instanceClass) {
        if (!p.type().isReference() || instanceClass == null) {
            return p.type();
        }
        CimProperty declared = instanceClass.property(p.name());
        return declared != null && declared.type().isReference() ? declared.type() : p.type();
    }
}
