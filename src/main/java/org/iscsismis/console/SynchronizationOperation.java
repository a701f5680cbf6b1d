package org.iscsismis.console;

/** The Operation values of CIM_ReplicationService.ModifyReplicaSynchronization the console offers (DMTF value map). */
enum SynchronizationOperation implements SpecValue {
    DETACH(8, "Detach"),
    FRACTURE(12, "Fracture"),
    RESYNC_REPLICA(14, "Resync Replica");

    private final int code;
    private final String specName;

    SynchronizationOperation(int code, String specName) {
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
