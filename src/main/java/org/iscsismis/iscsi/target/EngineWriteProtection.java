package org.iscsismis.iscsi.target;

import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.scsi.WriteProtection;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;

/**
 * A disk is write protected while it is the target of a pair whose ReadOnly says the synced element is read-only, as
 * the engine reports it now (no cached copy that could lag behind a Fracture or Detach). A disk no pair uses is never
 * protected, and is answered without asking the engine.
 */
final class EngineWriteProtection implements WriteProtection {

    private final ReplicationEngine engine;

    EngineWriteProtection(ReplicationEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean isWriteProtected(VirtualDisk disk) {
        if (!disk.isInUse()) {
            return false;
        }
        for (PairSnapshot pair : engine.pairs()) {
            if (pair.targetDiskId().equals(disk.id())) {
                return pair.readOnly().isPresent();
            }
        }
        return false;
    }
}
