package org.iscsismis.console;

/** The SyncType values of CIM_ReplicationService.CreateElementReplica the console offers (DMTF value map). */
enum SyncType implements SpecValue {
    MIRROR(6, "Mirror"),
    SNAPSHOT(7, "Snapshot"),
    CLONE(8, "Clone");

    private final int code;
    private final String specName;

    SyncType(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String specName() {
        return specName;
    }
}
