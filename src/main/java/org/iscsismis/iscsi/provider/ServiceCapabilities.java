package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.replication.PairStateTable;

/**
 * The three capabilities of the target's services, one instance each, stating what the services do (read from
 * {@link ReplicationCapabilities} and {@link CopyServicesMapping}, which the methods' checks read too): local mirrors
 * (synchronous and asynchronous), copy-on-write snapshots and full-copy clones, one hop deep, thin targets, in memory.
 */
public final class ServiceCapabilities {

    private ServiceCapabilities() {
    }

    /** MSISCSITARGET_ReplicationServiceCapabilities: what MSISCSITARGET_ReplicationService does. */
    public static CimInstance replicationService(CimNamespace ns, ReplicationCapabilities capabilities) {
        return CimInstance.builder(SystemElements.REPLICATION_SERVICE_CAPABILITIES)
                .path(SystemElements.replicationServiceCapabilitiesPath(ns))
                .property("InstanceID", SystemElements.replicationServiceCapabilitiesPath(ns).key("InstanceID"))
                .property("ElementName", "Replication service capabilities")
                .property("SupportedReplicationTypes", MethodCodes.uint16s(capabilities.replicationTypes()))
                .property("SupportedStorageObjects", MethodCodes.uint16s(List.of(2))) // StorageVolume
                // a replica's copy runs in the background: CreateElementReplica and ModifyReplicaSynchronization
                // may answer with a job; they and the two queries (GetAvailableTargetElements 8,
                // GetReplicationRelationships 10) may answer at once
                .property("SupportedAsynchronousActions", MethodCodes.uint16s(List.of(2, 5)))
                .property("SupportedSynchronousActions", MethodCodes.uint16s(List.of(2, 5, 8, 10)))
                .build();
    }

    /**
     * MSISCSITARGET_StorageReplicationCapabilities, the legacy (configuration service) view. Its
     * SupportedSynchronizationType is a single value, so this one instance speaks for the synchronous mirror (3
     * Sync); the other kinds are listed by SupportedSpecializedElements and by the replication service's capabilities.
     */
    public static CimInstance storageReplication(CimNamespace ns) {
        return CimInstance.builder(SystemElements.STORAGE_REPLICATION_CAPABILITIES)
                .path(SystemElements.storageReplicationCapabilitiesPath(ns))
                .property("InstanceID", SystemElements.storageReplicationCapabilitiesPath(ns).key("InstanceID"))
                .property("ElementName", "Storage replication capabilities")
                .property("SupportedSynchronizationType", CimValue.ofUint16(3)) // Sync
                .property("SupportedAsynchronousActions", MethodCodes.uint16s(List.of(2, 4))) // Local Replica Creation, Modification
                .property("SupportedSynchronousActions", MethodCodes.uint16s(List.of(2, 4)))
                .property("InitialReplicationState", CimValue.ofUint16(4)) // Synchronized: a new replica starts copying at once
                .property("SupportedSpecializedElements", MethodCodes.uint16s(List.of(5, 6, 7))) // Local Mirror, Full Snapshot, Delta Snapshot
                // what ModifySynchronization runs: Detach, Fracture, Resync, Restore, Quiesce (Suspend), Unquiesce
                // (Resume), Reset To Sync, Reset To Async, Start Copy (Activate), Stop Copy (Abort)
                .property("SupportedModifyOperations", MethodCodes.uint16s(CopyServicesMapping.legacyOperations()))
                .property("ReplicaHostAccessibility", CimValue.ofUint16(3)) // No Restrictions: any host, where accessible
                // the SyncStates in which the engine lets hosts write a target of any kind (ReadOnly NULL), as
                // GetSupportedCopyStates' HostAccessible says per CopyState
                .property("HostAccessibleState", MethodCodes.codes(PairStateTable.standard().hostAccessibleSyncStates()))
                .property("SpaceLimitSupported", CimValue.ofBoolean(false))
                .property("SpaceReservationSupported", CimValue.ofBoolean(false)) // thin: nothing is reserved
                .property("LocalMirrorSnapshotSupported", CimValue.ofBoolean(false)) // a target is never a source
                .property("RemoteMirrorSnapshotSupported", CimValue.ofBoolean(false))
                .property("IncrementalDeltasSupported", CimValue.ofBoolean(true)) // resync copies the changed chunks only
                .property("PersistentReplicasSupported", CimValue.ofBoolean(false)) // the engine lives in memory
                .property("BidirectionalConnectionsSupported", CimValue.ofBoolean(false))
                .property("MaximumLocalReplicationDepth", CimValue.ofUint16(1))
                .property("MaximumRemoteReplicationDepth", CimValue.ofUint16(0))
                .property("InitialSynchronizationDefault", CimValue.ofUint16(1)) // Start
                .property("ReplicationPriorityDefault", CimValue.ofUint16(2)) // Same
                .property("RemoteBufferSupported", CimValue.ofUint16(0)) // Not Supported
                .build();
    }

    /** MSISCSITARGET_StorageConfigurationCapabilities: what MSISCSITARGET_StorageConfigurationService does. */
    public static CimInstance storageConfiguration(CimNamespace ns) {
        return CimInstance.builder(SystemElements.CONFIGURATION_CAPABILITIES)
                .path(SystemElements.configurationCapabilitiesPath(ns))
                .property("InstanceID", SystemElements.configurationCapabilitiesPath(ns).key("InstanceID"))
                .property("ElementName", "Storage configuration capabilities")
                // creating or returning a thin disk is immediate; a replica copies in the background
                .property("SupportedSynchronousActions", MethodCodes.uint16s(List.of(5, 6))) // Element Creation, Element Return
                .property("SupportedAsynchronousActions", MethodCodes.uint16s(List.of(8, 9))) // Replica Creation, Modification
                .property("SupportedStorageElementTypes", MethodCodes.uint16s(List.of(2))) // StorageVolume
                .property("SupportedStoragePoolFeatures", CimValue.of(CimType.UINT16.asArray(), List.of())) // pools are fixed
                .property("SupportedStorageElementFeatures", MethodCodes.uint16s(List.of(3, 6))) // StorageVolume Creation, Single InPool
                // what CreateReplica and AttachReplica make: Async, Sync, UnSyncAssoc, UnSyncUnAssoc
                .property("SupportedCopyTypes", MethodCodes.uint16s(CopyServicesMapping.copyTypes()))
                .property("InitialReplicationState", CimValue.ofUint16(4)) // Synchronized
                .build();
    }
}
