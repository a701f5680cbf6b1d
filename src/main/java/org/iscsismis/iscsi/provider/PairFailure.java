package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.provider.job.JobFailure;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.SyncType;

/**
 * The failure of a job whose pair went Broken (a disk failed: a hardware error) or Partitioned (the link between
 * its ends is down: a communications error), with what brings the pair back, by its CopyRecoveryMode.
 */
final class PairFailure {

    private PairFailure() {
    }

    static JobFailure of(PairSnapshot pair, CopyState wanted) {
        CopyState state = pair.copyState();
        String cause = pair.faultCause() != null ? ": " + pair.faultCause() : "";
        String message = "the replication pair " + pair.id() + " went " + state.displayName() + " (" + state.code()
                + ") instead of " + wanted.displayName() + cause;
        boolean partitioned = state == CopyState.PARTITIONED;
        return new JobFailure(message,
                partitioned ? JobFailure.COMMUNICATIONS_ERROR : JobFailure.HARDWARE_ERROR,
                partitioned ? JobFailure.COMMUNICATIONS_SUBSYSTEM_FAILURE : JobFailure.DISK_FAILURE,
                List.of(recovery(pair)));
    }

    private static String recovery(PairSnapshot pair) {
        if (pair.syncType() == SyncType.SNAPSHOT) {
            return "Clear the fault, then Resync the snapshot (ModifyReplicaSynchronization Operation 14: a new point "
                    + "in time) or Deactivate it (7); the lost point in time cannot come back";
        }
        if (pair.copyRecoveryMode() == CopyRecoveryMode.MANUAL) {
            return "Clear the fault: the pair then waits Suspended (CopyRecoveryMode Manual); Resume it "
                    + "(ModifyReplicaSynchronization Operation 16) or Resync it (14)";
        }
        return "Clear the fault: the pair then resynchronizes by itself (CopyRecoveryMode Automatic)";
    }
}
