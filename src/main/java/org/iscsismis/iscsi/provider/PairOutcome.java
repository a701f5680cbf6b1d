package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.replication.PairSnapshot;

/**
 * What a replication method did to a pair: the pair as it stands ({@code null} once the association is gone), its
 * target disk, and the job still following it ({@code null} if the method finished at once).
 */
record PairOutcome(PairSnapshot pair, String targetDiskId, ObjectPath job) {

    /** Return value 0, or 4096 with OUT {@code Job}. */
    MethodResult result() {
        if (job == null) {
            return ReturnCode.COMPLETED.result();
        }
        return ReturnCode.JOB_STARTED.result().with("Job", CimValue.ofReference(job));
    }

    /** The pair's StorageSynchronized path, or NULL once the association is gone. */
    CimValue synchronization(CimNamespace ns) {
        return pair == null ? CimValue.nullOf(CimType.reference(StorageElements.SYNCHRONIZED))
                : CimValue.ofReference(StorageSynchronizedMapping.path(pair, ns));
    }

    /** The target volume's path. */
    CimValue targetElement(CimNamespace ns) {
        return CimValue.ofReference(StorageElements.volumePath(targetDiskId, ns));
    }
}
