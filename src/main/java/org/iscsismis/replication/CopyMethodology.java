package org.iscsismis.replication;

/** CIM_StorageSynchronized.CopyMethodology: how the engine creates and maintains the target. */
public enum CopyMethodology implements CodedValue {
    NOT_SPECIFIED(0, "Not Specified"),
    OTHER(1, "Other"),
    IMPLEMENTATION_DECIDES(2, "Implementation decides"),
    FULL_COPY(3, "Full Copy"),
    INCREMENTAL_COPY(4, "Incremental-Copy"),
    DIFFERENTIAL_COPY(5, "Differential-Copy"),
    COPY_ON_WRITE(6, "Copy-On-Write"),
    COPY_ON_ACCESS(7, "Copy-On-Access"),
    DELTA_UPDATE(8, "Delta-Update"),
    SNAP_AND_CLONE(9, "Snap-And-Clone");

    private final int code;
    private final String displayName;

    CopyMethodology(int code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public static CopyMethodology fromCode(int code) {
        return CodedValue.fromCode(CopyMethodology.class, code);
    }
}
