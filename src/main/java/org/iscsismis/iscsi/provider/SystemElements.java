package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;

/**
 * Class names and paths of the target system and what hangs off it: the two services, the capabilities and the
 * per-pool settings. There is one of each per target (capabilities and settings of a pool: one per pool), so the
 * keys are fixed names built on {@link StorageElements#SYSTEM_NAME} and the engine's stable pool ids: the same on
 * every start of the demo.
 */
public final class SystemElements {

    public static final CimName COMPUTER_SYSTEM = CimName.of(StorageElements.SYSTEM_CREATION_CLASS_NAME);
    public static final CimName REPLICATION_SERVICE = CimName.of("MSISCSITARGET_ReplicationService");
    public static final CimName CONFIGURATION_SERVICE = CimName.of("MSISCSITARGET_StorageConfigurationService");
    public static final CimName REPLICATION_SERVICE_CAPABILITIES = CimName.of("MSISCSITARGET_ReplicationServiceCapabilities");
    public static final CimName STORAGE_REPLICATION_CAPABILITIES = CimName.of("MSISCSITARGET_StorageReplicationCapabilities");
    public static final CimName CONFIGURATION_CAPABILITIES = CimName.of("MSISCSITARGET_StorageConfigurationCapabilities");
    public static final CimName STORAGE_CAPABILITIES = CimName.of("MSISCSITARGET_StorageCapabilities");
    public static final CimName STORAGE_SETTING = CimName.of("MSISCSITARGET_StorageSetting");

    /** The Name key of the replication service. */
    public static final String REPLICATION_SERVICE_NAME = "ReplicationService";
    /** The Name key of the storage configuration service. */
    public static final String CONFIGURATION_SERVICE_NAME = "StorageConfigurationService";

    private static final String ID_PREFIX = StorageElements.SYSTEM_NAME + ":";

    private SystemElements() {
    }

    /** The target system: {@code MSFTSM_ComputerSystem.CreationClassName, Name}. */
    public static ObjectPath systemPath(CimNamespace ns) {
        return ObjectPath.builder(COMPUTER_SYSTEM).namespace(ns)
                .key("CreationClassName", COMPUTER_SYSTEM.toString())
                .key("Name", StorageElements.SYSTEM_NAME)
                .build();
    }

    public static ObjectPath replicationServicePath(CimNamespace ns) {
        return servicePath(REPLICATION_SERVICE, REPLICATION_SERVICE_NAME, ns);
    }

    public static ObjectPath configurationServicePath(CimNamespace ns) {
        return servicePath(CONFIGURATION_SERVICE, CONFIGURATION_SERVICE_NAME, ns);
    }

    /** The Masking and Mapping service ({@code MSISCSITARGET_ControllerConfigurationService}). */
    public static ObjectPath controllerConfigurationServicePath(CimNamespace ns) {
        return servicePath(CimName.of("MSISCSITARGET_ControllerConfigurationService"), "ControllerConfigurationService", ns);
    }

    /** The iSCSI Target Ports service ({@code MSISCSITARGET_iSCSIConfigurationService}). */
    public static ObjectPath iscsiConfigurationServicePath(CimNamespace ns) {
        return IscsiConfigurationService.servicePath(ns);
    }

    static ObjectPath servicePath(CimName className, String name, CimNamespace ns) {
        return ObjectPath.builder(className).namespace(ns)
                .key("CreationClassName", className.toString())
                .key("Name", name)
                .key("SystemCreationClassName", COMPUTER_SYSTEM.toString())
                .key("SystemName", StorageElements.SYSTEM_NAME)
                .build();
    }

    /** InstanceID {@code iscsi-smis:ReplicationServiceCapabilities}. */
    public static ObjectPath replicationServiceCapabilitiesPath(CimNamespace ns) {
        return byInstanceId(REPLICATION_SERVICE_CAPABILITIES, ID_PREFIX + "ReplicationServiceCapabilities", ns);
    }

    /** InstanceID {@code iscsi-smis:StorageReplicationCapabilities}. */
    public static ObjectPath storageReplicationCapabilitiesPath(CimNamespace ns) {
        return byInstanceId(STORAGE_REPLICATION_CAPABILITIES, ID_PREFIX + "StorageReplicationCapabilities", ns);
    }

    /** InstanceID {@code iscsi-smis:StorageConfigurationCapabilities}. */
    public static ObjectPath configurationCapabilitiesPath(CimNamespace ns) {
        return byInstanceId(CONFIGURATION_CAPABILITIES, ID_PREFIX + "StorageConfigurationCapabilities", ns);
    }

    /** InstanceID {@code iscsi-smis:StorageCapabilities:<poolId>}: one per pool. */
    public static ObjectPath storageCapabilitiesPath(String poolId, CimNamespace ns) {
        return byInstanceId(STORAGE_CAPABILITIES, ID_PREFIX + "StorageCapabilities:" + poolId, ns);
    }

    /** InstanceID {@code iscsi-smis:StorageSetting:<poolId>}: one per pool, its default setting. */
    public static ObjectPath storageSettingPath(String poolId, CimNamespace ns) {
        return byInstanceId(STORAGE_SETTING, ID_PREFIX + "StorageSetting:" + poolId, ns);
    }

    /** The pool id in a per-pool InstanceID ({@code iscsi-smis:<Kind>:<poolId>}) of {@code kind}, or null. */
    public static String poolIdOf(ObjectPath path, String kind) {
        String id = StorageElements.text(path, "InstanceID");
        String prefix = ID_PREFIX + kind + ":";
        return id != null && id.startsWith(prefix) ? id.substring(prefix.length()) : null;
    }

    private static ObjectPath byInstanceId(CimName className, String instanceId, CimNamespace ns) {
        return ObjectPath.builder(className).namespace(ns).key("InstanceID", instanceId).build();
    }
}
