package org.iscsismis.provider.job;

/** CIM_AffectedJobElement.ElementEffects (ValueMap of DMTF CIM 2.49): what a job does to an element it affects. */
public enum ElementEffect {
    UNKNOWN(0, "Unknown"),
    OTHER(1, "Other"),
    EXCLUSIVE_USE(2, "Exclusive Use"),
    PERFORMANCE_IMPACT(3, "Performance Impact"),
    ELEMENT_INTEGRITY(4, "Element Integrity"),
    CREATE(5, "Create");

    private final int code;
    private final String displayName;

    ElementEffect(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public int code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }
}
