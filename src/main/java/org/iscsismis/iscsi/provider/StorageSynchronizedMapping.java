package org.iscsismis.iscsi.provider;

import java.time.Instant;
import java.util.Optional;

import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
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

    private StorageSynchronizedMapping() {
    }

    public static ObjectPath path(PairSnapshot pair, CimNamespace ns) {
        return ObjectPath.builder(StorageElements.SYNCHRONIZED).namespace(ns)
                .key(SYSTEM_ELEMENT.toString(), CimValue.ofReference(StorageElements.volumePath(pair.sourceDiskId(), ns)))
                .key(SYNCED_ELEMENT.toString(), CimValue.ofReference(StorageElements.volumePath(pair.targetDiskId(), ns)))
                .build();
    }

    public static CimInstance instance(PairSnapshot p, CimNamespace ns) {
        ObjectPath path = path(p, ns);
        return CimInstance.builder(StorageElements.SYNCHRONIZED)
                .path(path)
                .property(SYSTEM_ELEMENT.toString(), path.key(SYSTEM_ELEMENT))
                .property(SYNCED_ELEMENT.toString(), path.key(SYNCED_ELEMENT))
                .property("SyncType", code(p.syncType()))
                .property("Mode", code(p.mode()))
                .property("CopyState", code(p.copyState()))
                .property("RequestedCopyState", code(p.requestedCopyState()))
                .property("ProgressStatus", code(p.progressStatus()))
                .property("SyncState", code(p.syncState()))
                .property("CopyType", code(p.copyType()))
                .property("ReplicaType", code(p.replicaType()))
                .property("CopyMethodology", code(p.copyMethodology()))
                .property("CopyPriority", code(p.copyPriority()))
                .property("CopyRecoveryMode", code(p.copyRecoveryMode()))
                .property("FailedCopyStopsHostIO", CimValue.ofBoolean(p.failedCopyStopsHostIO()))
                .property("SyncMaintained", CimValue.ofBoolean(p.syncMaintained()))
                .property("PercentSynced", CimValue.ofUint16(p.percentSynced()))
                .property("ReadOnly", p.readOnly().map(StorageSynchronizedMapping::code)
                        .orElse(CimValue.nullOf(CimType.UINT16)))
                // both ends are volumes of this service: discovered
                .property("UndiscoveredElement", CimValue.nullOf(CimType.UINT16))
                .property("WhenEstablished", time(p.whenEstablished()))
                .property("WhenActivated", time(p.whenActivated()))
                .property("WhenSynced", time(p.whenSynced()))
                .property("WhenSynchronized", time(p.whenSynchronized()))
                .property("WhenSuspended", time(p.whenSuspended()))
                .property("WhenDeactivated", time(p.whenDeactivated()))
                .build();
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
