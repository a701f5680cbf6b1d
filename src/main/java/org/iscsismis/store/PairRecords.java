package org.iscsismis.store;

import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairRecord;
import org.iscsismis.replication.ProgressStatus;
import org.iscsismis.replication.SyncType;
import org.iscsismis.replication.Transition;

/** A {@link PairRecord} as journal fields: enums by name, instants in ISO-8601, absent values left out. */
final class PairRecords {

    private PairRecords() {
    }

    static Fields write(PairRecord r) {
        return new Fields().put("id", r.id()).put("type", r.type().name()).put("source", r.sourceDiskId())
                .put("target", r.targetDiskId()).put("targetCreated", r.targetCreatedByEngine()).put("mode", r.mode().name())
                .put("state", r.state().name()).put("requested", r.requested().name()).put("work", r.work().name())
                .put("progress", r.workProgress() == null ? null : r.workProgress().name())
                .put("priority", r.priority().name()).put("recovery", r.recoveryMode().name())
                .put("stopsHostIo", r.failedCopyStopsHostIO()).put("pitView", r.pitView())
                .put("fillComplete", r.fillComplete()).put("mirrorComplete", r.mirrorComplete())
                .put("faultCause", r.faultCause()).put("chunksCopied", r.chunksCopied())
                .put("established", r.whenEstablished()).put("activated", r.whenActivated()).put("synced", r.whenSynced())
                .put("synchronized", r.whenSynchronized()).put("suspended", r.whenSuspended())
                .put("deactivated", r.whenDeactivated()).put("pointInTime", r.pointInTime());
    }

    static PairRecord read(Fields f) {
        String progress = f.text("progress");
        return new PairRecord(f.required("id"), SyncType.valueOf(f.required("type")), f.required("source"),
                f.required("target"), f.flag("targetCreated"), Mode.valueOf(f.required("mode")),
                CopyState.valueOf(f.required("state")), CopyState.valueOf(f.required("requested")),
                Transition.Work.valueOf(f.required("work")), progress == null ? null : ProgressStatus.valueOf(progress),
                CopyPriority.valueOf(f.required("priority")), CopyRecoveryMode.valueOf(f.required("recovery")),
                f.flag("stopsHostIo"), f.flag("pitView"), f.flag("fillComplete"), f.flag("mirrorComplete"),
                f.text("faultCause"), f.number("chunksCopied", 0), f.instant("established"), f.instant("activated"),
                f.instant("synced"), f.instant("synchronized"), f.instant("suspended"), f.instant("deactivated"),
                f.instant("pointInTime"));
    }
}
