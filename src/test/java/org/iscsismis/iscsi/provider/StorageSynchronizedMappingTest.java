package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.replication.CopyPriority;
import org.iscsismis.replication.CopyRecoveryMode;
import org.iscsismis.replication.CopyState;
import org.iscsismis.replication.Mode;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ProgressStatus;
import org.iscsismis.replication.SyncType;
import org.junit.jupiter.api.Test;

class StorageSynchronizedMappingTest {

    static final CimNamespace NS = StorageElements.NAMESPACE;
    static final Instant T0 = Instant.parse("2026-11-25T10:15:30Z");

    /** The 24 properties of the seed page (MSISCSITARGET_StorageSynchronized with everything inherited). */
    static final List<String> SEED_PROPERTIES = List.of("WhenSynced", "SyncMaintained", "CopyState", "Mode", "PercentSynced",
            "ProgressStatus", "RequestedCopyState", "SyncType", "WhenActivated", "WhenDeactivated", "WhenEstablished",
            "WhenSuspended", "WhenSynchronized", "CopyRecoveryMode", "FailedCopyStopsHostIO", "SystemElement",
            "SyncedElement", "CopyType", "ReplicaType", "SyncState", "CopyPriority", "CopyMethodology",
            "UndiscoveredElement", "ReadOnly");

    static PairSnapshot mirror(CopyState state, ProgressStatus work, long copied, long toCopy, Instant synced) {
        return new PairSnapshot("pair-1", "disk-1", "disk-4", SyncType.MIRROR, Mode.SYNCHRONOUS, state, CopyState.NOT_APPLICABLE,
                work, CopyPriority.HIGH, CopyRecoveryMode.AUTOMATIC, true, false, T0, T0.plusSeconds(1), synced, synced,
                null, null, copied, toCopy, 3, 0, null);
    }

    static int u16(CimInstance i, String name) {
        return (int) i.value(name).asLong();
    }

    @Test
    void synchronizedMirrorHasEverySeedPropertyWithSpecCodes() {
        CimInstance i = StorageSynchronizedMapping.instance(mirror(CopyState.SYNCHRONIZED, null, 10, 10, T0.plusSeconds(2)), NS);
        assertEquals(SEED_PROPERTIES.size(), i.properties().size(), i::toString);
        for (String p : SEED_PROPERTIES) {
            assertTrue(i.property(p) != null, p);
        }
        assertEquals(6, u16(i, "SyncType"));
        assertEquals(2, u16(i, "Mode"));
        assertEquals(4, u16(i, "CopyState"));
        assertEquals(15, u16(i, "RequestedCopyState"));
        assertEquals(2, u16(i, "ProgressStatus")); // Completed
        assertEquals(6, u16(i, "SyncState")); // Synchronized
        assertEquals(3, u16(i, "CopyType")); // Sync
        assertEquals(2, u16(i, "ReplicaType")); // Full Copy
        assertEquals(8, u16(i, "CopyMethodology")); // Delta-Update
        assertEquals(3, u16(i, "CopyPriority")); // High
        assertEquals(2, u16(i, "CopyRecoveryMode")); // Automatic
        assertEquals(100, u16(i, "PercentSynced"));
        assertEquals(3, u16(i, "ReadOnly")); // SyncedElement
        assertTrue(i.value("UndiscoveredElement").isNull());
        assertEquals(Boolean.TRUE, i.value("SyncMaintained").asBoolean());
        assertEquals(Boolean.TRUE, i.value("FailedCopyStopsHostIO").asBoolean());
        assertEquals(CimType.UINT16, i.value("CopyState").type());
        assertEquals(CimDateTime.ofInstant(T0, 0), i.value("WhenEstablished").value());
        assertEquals(CimDateTime.ofInstant(T0.plusSeconds(2), 0), i.value("WhenSynchronized").value());
    }

    @Test
    void whenInstantsNotRecordedAreNullDatetimes() {
        CimInstance i = StorageSynchronizedMapping.instance(mirror(CopyState.UNSYNCHRONIZED, ProgressStatus.SYNCHRONIZING, 1, 4, null), NS);
        for (String p : List.of("WhenSynced", "WhenSynchronized", "WhenSuspended", "WhenDeactivated")) {
            assertTrue(i.value(p).isNull(), p);
            assertEquals(CimType.DATETIME, i.value(p).type(), p);
        }
        assertFalse(i.value("WhenActivated").isNull());
        assertEquals(3, u16(i, "CopyState"));
        assertEquals(6, u16(i, "ProgressStatus")); // Synchronizing
        assertEquals(5, u16(i, "SyncState")); // ResyncInProgress
        assertEquals(25, u16(i, "PercentSynced"));
        assertEquals(Boolean.FALSE, i.value("SyncMaintained").asBoolean());
    }

    @Test
    void keysAreReferencesToTheTwoVolumesInTheNamespace() {
        PairSnapshot p = mirror(CopyState.SYNCHRONIZED, null, 0, 0, T0);
        CimInstance i = StorageSynchronizedMapping.instance(p, NS);
        ObjectPath source = i.value("SystemElement").asReference();
        ObjectPath target = i.value("SyncedElement").asReference();
        assertEquals(StorageElements.volumePath("disk-1", NS), source);
        assertEquals(StorageElements.volumePath("disk-4", NS), target);
        assertEquals(NS, source.namespace());
        assertEquals("disk-1", StorageElements.diskId(source));
        assertEquals(StorageSynchronizedMapping.path(p, NS), i.path());
        assertEquals(2, i.path().keys().size());
    }

    @Test
    void snapshotAndCloneCodes() {
        PairSnapshot snap = new PairSnapshot("pair-2", "disk-2", "disk-5", SyncType.SNAPSHOT, Mode.UNKNOWN, CopyState.SYNCHRONIZED,
                CopyState.NOT_APPLICABLE, null, CopyPriority.SAME, CopyRecoveryMode.AUTOMATIC, false, false, T0, T0, T0, T0,
                null, null, 0, 0, 0, 0, null);
        CimInstance s = StorageSynchronizedMapping.instance(snap, NS);
        assertEquals(7, u16(s, "SyncType"));
        assertEquals(4, u16(s, "CopyType")); // UnSyncAssoc
        assertEquals(4, u16(s, "ReplicaType")); // After Delta
        assertEquals(6, u16(s, "CopyMethodology")); // Copy-On-Write
        assertEquals(11, u16(s, "SyncState")); // Idle

        PairSnapshot clone = new PairSnapshot("pair-3", "disk-3", "disk-6", SyncType.CLONE, Mode.UNKNOWN, CopyState.UNSYNCHRONIZED,
                CopyState.SYNCHRONIZED, ProgressStatus.SYNCHRONIZING, CopyPriority.LOW, CopyRecoveryMode.AUTOMATIC, false, false,
                T0, T0, null, null, null, null, 5, 100, 5, 95, null);
        CimInstance c = StorageSynchronizedMapping.instance(clone, NS);
        assertEquals(8, u16(c, "SyncType"));
        assertEquals(3, u16(c, "CopyState"));
        assertEquals(4, u16(c, "RequestedCopyState"));
        assertEquals(1, u16(c, "CopyPriority"));
        assertEquals(9, u16(c, "CopyMethodology")); // Snap-And-Clone
        assertEquals(15, u16(c, "SyncState")); // Copy In Progress
        assertEquals(5, u16(c, "PercentSynced"));
    }
}
