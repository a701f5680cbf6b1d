package org.iscsismis.cim;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A qualifier declaration (MOF {@code Qualifier …;}, CIM-XML {@code QUALIFIER.DECLARATION}).
 *
 * @param name         the qualifier name
 * @param type         its type (array types allowed)
 * @param defaultValue the default; a null argument is stored as {@link CimValue#nullOf(CimType)}
 * @param scopes       where it may appear (unmodifiable copy; {@link CimScope#ANY} covers all)
 * @param flavor       its default flavors
 */
public record CimQualifierType(CimName name, CimType type, CimValue defaultValue, Set<CimScope> scopes, CimFlavor flavor) {

    public CimQualifierType {
        Objects.requireNonNull(name, "qualifier name must not be null");
        Objects.requireNonNull(type, () -> "type of qualifier " + name + " must not be null");
        Objects.requireNonNull(scopes, () -> "scopes of qualifier " + name + " must not be null");
        Objects.requireNonNull(flavor, () -> "flavor of qualifier " + name + " must not be null");
        defaultValue = defaultValue == null ? CimValue.nullOf(type) : defaultValue;
        if (!type.accepts(defaultValue.type())) {
            throw new IllegalArgumentException("Default value " + defaultValue + " does not fit qualifier " + name + " of type " + type);
        }
        scopes = Collections.unmodifiableSet(scopes.isEmpty() ? EnumSet.noneOf(CimScope.class) : EnumSet.copyOf((Collection<CimScope>) scopes));
    }

    public static CimQualifierType of(String name, CimType type, CimValue defaultValue, Set<CimScope> scopes, CimFlavor flavor) {
        return new CimQualifierType(CimName.of(name), type, defaultValue, scopes, flavor);
    }

    /** True if a qualifier of this type may be placed on an element of {@code scope}. */
    public boolean appliesTo(CimScope scope) {
        return scopes.contains(CimScope.ANY) || scopes.contains(scope);
    }

    /** A qualifier of this type with the default value and flavors. */
    public CimQualifier defaultQualifier() {
        return new CimQualifier(name, defaultValue, flavor, false);
    }
}
