package org.iscsismis.cim;

import java.util.List;
import java.util.Objects;

/**
 * A qualifier value on a class, property, method, parameter or instance.
 *
 * @param name       the qualifier name
 * @param value      its value (never null; NULL as {@link CimValue#nullOf})
 * @param flavor     its flavors (the canonical object of {@link CimFlavor#of} is kept, whichever equal one is given)
 * @param propagated true if inherited from a superclass rather than declared here
 */
public record CimQualifier(CimName name, CimValue value, CimFlavor flavor, boolean propagated) {

    public CimQualifier {
        Objects.requireNonNull(name, "qualifier name must not be null");
        Objects.requireNonNull(value, () -> "value of qualifier " + name + " must not be null (use CimValue.nullOf)");
        flavor = CimFlavor.canonical(Objects.requireNonNull(flavor, () -> "flavor of qualifier " + name + " must not be null"));
    }

    /** A local qualifier with the default flavor. */
    public static CimQualifier of(String name, CimValue value) {
        return new CimQualifier(CimName.of(name), value, CimFlavor.DEFAULT, false);
    }

    /** A local qualifier with the default flavor. */
    public static CimQualifier of(CimName name, CimValue value) {
        return new CimQualifier(name, value, CimFlavor.DEFAULT, false);
    }

    /** A boolean qualifier set to true (Key, Abstract, Association …), default flavor. */
    public static CimQualifier ofTrue(String name) {
        return of(name, CimValue.ofBoolean(true));
    }

    public CimQualifier withPropagated(boolean p) {
        return p == propagated ? this : new CimQualifier(name, value, flavor, p);
    }

    public CimQualifier withValue(CimValue v) {
        return new CimQualifier(name, v, flavor, propagated);
    }

    public CimQualifier withFlavor(CimFlavor f) {
        return flavor.equals(f) ? this : new CimQualifier(name, value, f, propagated);
    }

    /** True if the value is boolean TRUE. */
    public boolean isTrue() {
        return Boolean.TRUE.equals(value.value());
    }

    /** The first qualifier named {@code name} in {@code qualifiers}, or null. */
    public static CimQualifier find(List<CimQualifier> qualifiers, CimName name) {
        for (CimQualifier q : qualifiers) {
            if (q.name.equals(name)) {
                return q;
            }
        }
        return null;
    }

    /** True if {@code qualifiers} holds a qualifier {@code name} whose value is boolean TRUE. */
    static boolean isTrue(List<CimQualifier> qualifiers, CimName name) {
        CimQualifier q = find(qualifiers, name);
        return q != null && q.isTrue();
    }

    /**
     * An unmodifiable copy of {@code qualifiers}, refusing null and duplicate names. The owner is
     * described as {@code ownerKind + " " + ownerName} in messages; the text is only built on failure
     * (this runs for every property of every instance built, so it must not allocate when all is well).
     */
    static List<CimQualifier> copy(List<CimQualifier> qualifiers, String ownerKind, Object ownerName) {
        if (qualifiers == null) {
            throw new NullPointerException("qualifiers of " + ownerKind + " " + ownerName + " must not be null");
        }
        if (qualifiers.isEmpty()) {
            return List.of();
        }
        List<CimQualifier> copy = List.copyOf(qualifiers);
        for (int i = 0; i < copy.size(); i++) {
            for (int j = i + 1; j < copy.size(); j++) {
                if (copy.get(i).name.equals(copy.get(j).name)) {
                    throw new IllegalArgumentException("Duplicate qualifier " + copy.get(j).name + " on " + ownerKind + " " + ownerName);
                }
            }
        }
        return copy;
    }

    /** Names of well-known qualifiers. */
    public static final class Names {
        public static final CimName KEY = CimName.of("Key");
        public static final CimName ASSOCIATION = CimName.of("Association");
        public static final CimName ABSTRACT = CimName.of("Abstract");
        public static final CimName INDICATION = CimName.of("Indication");
        public static final CimName EMBEDDED_INSTANCE = CimName.of("EmbeddedInstance");
        public static final CimName EMBEDDED_OBJECT = CimName.of("EmbeddedObject");
        public static final CimName IN = CimName.of("In");
        public static final CimName OUT = CimName.of("Out");
        public static final CimName OVERRIDE = CimName.of("Override");
        public static final CimName REQUIRED = CimName.of("Required");
        public static final CimName WRITE = CimName.of("Write");
        public static final CimName STATIC = CimName.of("Static");

        private Names() {
        }
    }
}
