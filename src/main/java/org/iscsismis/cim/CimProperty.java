package org.iscsismis.cim;

import java.util.List;
import java.util.Objects;

/**
 * A property of a class (declaration with optional default value) or of an instance.
 *
 * @param name        the property name
 * @param type        the declared type
 * @param value       the value (never null; NULL as {@link CimValue#nullOf}); its type must be
 *                    accepted by {@code type} (see {@link CimType#accepts})
 * @param qualifiers  qualifiers in declaration order
 * @param classOrigin the class that first declared the property, or null if unknown
 * @param propagated  true if inherited unchanged from a superclass
 */
public record CimProperty(CimName name, CimType type, CimValue value, List<CimQualifier> qualifiers,
                          CimName classOrigin, boolean propagated) {

    public CimProperty {
        Objects.requireNonNull(name, "property name must not be null");
        Objects.requireNonNull(type, () -> "type of property " + name + " must not be null");
        value = value == null ? CimValue.nullOf(type) : value;
        if (!type.accepts(value.type())) {
            throw new IllegalArgumentException("Value " + value + " does not fit property " + name + " of type " + type);
        }
        qualifiers = CimQualifier.copy(qualifiers, "property", name);
    }

    /** A property typed by its value, no qualifiers. */
    public static CimProperty of(String name, CimValue value) {
        return of(CimName.of(name), value);
    }

    /** A property typed by its value, no qualifiers. */
    public static CimProperty of(CimName name, CimValue value) {
        Objects.requireNonNull(value, () -> "value of property " + name + " must not be null");
        return new CimProperty(name, value.type(), value, List.of(), null, false);
    }

    /** A property declaration with a NULL value. */
    public static CimProperty declare(String name, CimType type, CimQualifier... qualifiers) {
        return new CimProperty(CimName.of(name), type, CimValue.nullOf(type), List.of(qualifiers), null, false);
    }

    /** The qualifier {@code name}, or null. */
    public CimQualifier qualifier(CimName qualifierName) {
        return CimQualifier.find(qualifiers, qualifierName);
    }

    /** The qualifier {@code name}, or null. */
    public CimQualifier qualifier(String qualifierName) {
        return CimQualifier.find(qualifiers, CimName.of(qualifierName));
    }

    /** True if the Key qualifier is present and TRUE. */
    public boolean isKey() {
        return CimQualifier.isTrue(qualifiers, CimQualifier.Names.KEY);
    }

    public CimProperty withValue(CimValue newValue) {
        return new CimProperty(name, type, newValue, qualifiers, classOrigin, propagated);
    }

    public CimProperty withQualifiers(List<CimQualifier> newQualifiers) {
        return new CimProperty(name, type, value, newQualifiers, classOrigin, propagated);
    }

    public CimProperty withClassOrigin(CimName origin, boolean isPropagated) {
        return new CimProperty(name, type, value, qualifiers, origin, isPropagated);
    }

    public CimProperty withName(CimName newName) {
        return new CimProperty(newName, type, value, qualifiers, classOrigin, propagated);
    }
}
