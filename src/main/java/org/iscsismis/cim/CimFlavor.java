package org.iscsismis.cim;

/**
 * The DSP0004 flavors of a qualifier (CIM-XML attributes OVERRIDABLE, TOSUBCLASS, TRANSLATABLE;
 * the deprecated ToInstance flavor is not modelled).
 *
 * @param overridable  EnableOverride (true) or DisableOverride (false)
 * @param toSubclass   ToSubclass (true) or Restricted (false)
 * @param translatable Translatable
 */
public record CimFlavor(boolean overridable, boolean toSubclass, boolean translatable) {

    /** The DSP0004 default: EnableOverride, ToSubclass, not Translatable. */
    public static final CimFlavor DEFAULT = new CimFlavor(true, true, false);

    /** DisableOverride, ToSubclass (e.g. Key, Association). */
    public static final CimFlavor DISABLE_OVERRIDE = new CimFlavor(false, true, false);

    /** EnableOverride, Restricted (e.g. Abstract). */
    public static final CimFlavor RESTRICTED = new CimFlavor(true, false, false);

    public CimFlavor withOverridable(boolean v) {
        return new CimFlavor(v, toSubclass, translatable);
    }

    public CimFlavor withToSubclass(boolean v) {
        return new CimFlavor(overridable, v, translatable);
    }

    public CimFlavor withTranslatable(boolean v) {
        return new CimFlavor(overridable, toSubclass, v);
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
        return (overridable ? 4 : 0) | (toSubclass ? 2 : 0) | (translatable ? 1 : 0);
    }
}
