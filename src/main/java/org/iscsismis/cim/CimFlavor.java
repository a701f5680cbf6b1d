package org.iscsismis.cim;

/**
 * The DSP0004 flavors of a qualifier (CIM-XML attributes OVERRIDABLE, TOSUBCLASS, TRANSLATABLE;
 * the deprecated ToInstance flavor is not modelled).
 *
 * <p>There are only eight flavors: {@link #of} answers one canonical object for each, and every
 * {@link CimQualifier} holds the canonical one (a schema has tens of thousands of qualifiers).
 *
 * @param overridable  EnableOverride (true) or DisableOverride (false)
 * @param toSubclass   ToSubclass (true) or Restricted (false)
 * @param translatable Translatable
 */
public record CimFlavor(boolean overridable, boolean toSubclass, boolean translatable) {

    /** The eight flavors, indexed by {@link #hashCode()}. */
    private static final CimFlavor[] CANONICAL = new CimFlavor[8];

    static {
        for (int code = 0; code < CANONICAL.length; code++) {
            CANONICAL[code] = new CimFlavor((code & 4) != 0, (code & 2) != 0, (code & 1) != 0);
        }
    }

    /** The DSP0004 default: EnableOverride, ToSubclass, not Translatable. */
    public static final CimFlavor DEFAULT = of(true, true, false);

    /** DisableOverride, ToSubclass (e.g. Key, Association). */
    public static final CimFlavor DISABLE_OVERRIDE = of(false, true, false);

    /** EnableOverride, Restricted (e.g. Abstract). */
    public static final CimFlavor RESTRICTED = of(true, false, false);

    /** The canonical flavor with these flags: equal flavors from here are the same object. */
    public static CimFlavor of(boolean overridable, boolean toSubclass, boolean translatable) {
        return CANONICAL[code(overridable, toSubclass, translatable)];
    }

    /** The canonical object equal to {@code flavor} (null stays null). */
    public static CimFlavor canonical(CimFlavor flavor) {
        return flavor == null ? null : CANONICAL[flavor.hashCode()];
    }

    public CimFlavor withOverridable(boolean v) {
        return of(v, toSubclass, translatable);
    }

    public CimFlavor withToSubclass(boolean v) {
        return of(overridable, v, translatable);
    }

    public CimFlavor withTranslatable(boolean v) {
        return of(overridable, toSubclass, v);
    }

    private static int code(boolean overridable, boolean toSubclass, boolean translatable) {
        return (overridable ? 4 : 0) | (toSubclass ? 2 : 0) | (translatable ? 1 : 0);
    }

    // equals and hashCode written out: a record's generated ones bootstrap method handles on first use, a cost
    // every cold start pays (the MOF compiler compares flavors and types from its first declaration on)

    @Override
    public boolean equals(Object o) {
        return o instanceof CimFlavor f && overridable == f.overridable && toSubclass == f.toSubclass
                && translatable == f.translatable;
    }

    @Override
    public int hashCode() {
        return code(overridable, toSubclass, translatable);
    }
}
