package org.iscsismis.iscsi.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.replication.CodedValue;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;

/**
 * One {@link PairSnapshot} as an {@code MSISCSITARGET_StorageSynchronized} instance: the two key references
 * (SystemElement = source volume, SyncedElement = target volume) and all 24 properties of the seed page, every value
 * map as its spec code. When* instants the engine has not recorded are NULL ("implementation cannot supply" is not
 * what they mean here, but "never happened yet" has no other encoding: zero would claim the time is unknown).
 */
public final class StorageSynchronizedMapping {

    public static final CimName SYSTEM_ELEMENT = CimName.of("SystemElement");
    public static final CimName SYNCED_ELEMENT = CimName.of("SyncedElement");
    /** The one property a client may change (ModifyInstance). */
    public static final CimName COPY_PRIORITY = CimName.of("CopyPriority");

    // Property names resolved once: an enumeration builds an instance of 26 properties per pair.
    private static final CimName SYNC_TYPE = CimName.of("SyncType");
    private static final CimName MODE = CimName.of("Mode");
    private static final CimName COPY_STATE = CimName.of("CopyState");
    private static final CimName REQUESTED_COPY_STATE = CimName.of("RequestedCopyState");
    private static final CimName PROGRESS_STATUS = CimName.of("ProgressStatus");
    private static final CimName SYNC_STATE = CimName.of("SyncState");
    private static final CimName COPY_TYPE = CimName.of("CopyType");
    private static final CimName REPLICA_TYPE = CimName.of("ReplicaType");
    private static final CimName COPY_METHODOLOGY = CimName.of("CopyMethodology");
    private static final CimName COPY_RECOVERY_MODE = CimName.of("CopyRecoveryMode");
    private static final CimName FAILED_COPY_STOPS_HOST_IO = CimName.of("FailedCopyStopsHostIO");
    private static final CimName SYNC_MAINTAINED = CimName.of("SyncMaintained");
    private static final CimName PERCENT_SYNCED = CimName.of("PercentSynced");
    private static final CimName READ_ONLY = CimName.of("ReadOnly");
    private static final CimName UNDISCOVERED_ELEMENT = CimName.of("UndiscoveredElement");
    private static final CimName WHEN_ESTABLISHED = CimName.of("WhenEstablished");
    private static final CimName WHEN_ACTIVATED = CimName.of("WhenActivated");
    private static final CimName WHEN_SYNCED = CimName.of("WhenSynced");
    private static final CimName WHEN_SYNCHRONIZED = CimName.of("WhenSynchronized");
    private static final CimName WHEN_SUSPENDED = CimName.of("WhenSuspended");
    private static final CimName WHEN_DEACTIVATED = CimName.of("WhenDeactivated");

    private StorageSynchronizedMapping() {
    }

    public static ObjectPath path(PairSnapshot pair, CimNamespace ns) {
        return ObjectPath.builder(StorageElements.SYNCHRONIZED).namespace(ns)
                .key(new KeyBinding(SYSTEM_ELEMENT, CimValue.ofReference(StorageElements.volumePath(pair.sourceDiskId(), ns))))
                .key(new KeyBinding(SYNCED_ELEMENT, CimValue.ofReference(StorageElements.volumePath(pair.targetDiskId(), ns))))
                .build();
    }

    public static CimInstance instance(PairSnapshot p, CimNamespace ns) {
        ObjectPath path = path(p, ns);
        return new CimInstance(StorageElements.SYNCHRONIZED, path, List.of(
                CimProperty.of(SYSTEM_ELEMENT, path.key(SYSTEM_ELEMENT)),
                CimProperty.of(SYNCED_ELEMENT, path.key(SYNCED_ELEMENT)),
                CimProperty.of(SYNC_TYPE, code(p.syncType())),
                CimProperty.of(MODE, code(p.mode())),
                CimProperty.of(COPY_STATE, code(p.copyState())),
                CimProperty.of(REQUESTED_COPY_STATE, code(p.requestedCopyState())),
                CimProperty.of(PROGRESS_STATUS, code(p.progressStatus())),
                CimProperty.of(SYNC_STATE, code(p.syncState())),
                CimProperty.of(COPY_TYPE, code(p.copyType())),
                CimProperty.of(REPLICA_TYPE, code(p.replicaType())),
                CimProperty.of(COPY_METHODOLOGY, code(p.copyMethodology())),
                CimProperty.of(COPY_PRIORITY, code(p.copyPriority())),
                CimProperty.of(COPY_RECOVERY_MODE, code(p.copyRecoveryMode())),
                CimProperty.of(FAILED_COPY_STOPS_HOST_IO, CimValue.ofBoolean(p.failedCopyStopsHostIO())),
                CimProperty.of(SYNC_MAINTAINED, CimValue.ofBoolean(p.syncMaintained())),
                CimProperty.of(PERCENT_SYNCED, CimValue.ofUint16(p.percentSynced())),
                CimProperty.of(READ_ONLY, p.readOnly().map(StorageSynchronizedMapping::code).orElse(CimValue.nullOf(CimType.UINT16))),
                // both ends are volumes of this service: discovered
                CimProperty.of(UNDISCOVERED_ELEMENT, CimValue.nullOf(CimType.UINT16)),
                CimProperty.of(WHEN_ESTABLISHED, time(p.whenEstablished())),
                CimProperty.of(WHEN_ACTIVATED, time(p.whenActivated())),
                CimProperty.of(WHEN_SYNCED, time(p.whenSynced())),
                CimProperty.of(WHEN_SYNCHRONIZED, time(p.whenSynchronized())),
                CimProperty.of(WHEN_SUSPENDED, time(p.whenSuspended())),
                CimProperty.of(WHEN_DEACTIVATED, time(p.whenDeactivated()))), List.of());
    }

    /**
     * The pair a StorageSynchronized path names: both key references must name volumes of {@code ns} that are the
     * source and target of one pair. Empty if they do not.
     */
    public static Optional<PairSnapshot> pairAt(ReplicationEngine engine, CimNamespace ns, ObjectPath path) {
        String source = referencedDisk(ns, path.key(SYSTEM_ELEMENT));
        String target = referencedDisk(ns, path.key(SYNCED_ELEMENT));
        if (source != null && target != null) {
            for (PairSnapshot pair : engine.pairs()) {
                if (pair.sourceDiskId().equals(source) && pair.targetDiskId().equals(target)) {
                    return Optional.of(pair);
                }
            }
        }
        return Optional.empty();
    }

    private static String referencedDisk(CimNamespace ns, CimValue ref) {
        if (ref == null || ref.isNull() || !ref.type().isReference()) {
            return null;
        }
        ObjectPath p = ref.asReference();
        if (p.namespace() != null && !p.namespace().equals(ns)) {
            return null;
        }
        return StorageElements.diskId(p);
    }

    static CimValue code(CodedValue v) {
        return v == null ? CimValue.nullOf(CimType.UINT16) : CimValue.ofUint16(v.code());
    }

    static CimValue time(Instant instant) {
        return instant == null ? CimValue.nullOf(CimType.DATETIME) : CimValue.ofDateTime(CimDateTime.ofInstant(instant, 0));
    }
}
