package org.iscsismis.cim;

import java.util.Locale;

/** The DSP0004 qualifier scopes; {@link #ANY} covers all others. */
public enum CimScope {
    CLASS, ASSOCIATION, INDICATION, PROPERTY, REFERENCE, METHOD, PARAMETER, ANY;

    /** The MOF keyword ({@code class}, {@code association}, …, {@code any}). */
    public String mofName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The CIM-XML {@code SCOPE} attribute name ({@code CLASS} …); ANY has none (it sets them all). */
    public String xmlAttribute() {
        if (this == ANY) {
            throw new IllegalStateException("ANY has no SCOPE attribute; set every attribute instead");
        }
        return name();
    }

    /**
     * Looks a scope up by its MOF keyword or CIM-XML attribute name, case-insensitively.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static CimScope fromName(String name) {
        if (name != null) {
            for (CimScope s : values()) {
                if (s.name().equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("Unknown qualifier scope: \"" + name + "\"");
    }
}
