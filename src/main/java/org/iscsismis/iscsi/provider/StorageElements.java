package org.iscsismis.iscsi.provider;

import java.util.List;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.VolumeIdentity;

/**
 * Pools and virtual disks as {@code MSISCSITARGET_StoragePool} / {@code MSISCSITARGET_StorageVolume} instances, and
 * their paths. Keys derive from the engine's stable ids ({@code pool-N}, {@code disk-N}: never reused, and the same
 * on every start of the demo) and the fixed system name, never from anything random.
 */
public final class StorageElements {

    /** The namespace of the MSISCSITARGET_* classes. */
    public static final CimNamespace NAMESPACE = CimNamespace.of("root/cimv2/storage/iscsitarget");
    /** The hosting system: the class and name propagated into every device key. */
    public static final String SYSTEM_CREATION_CLASS_NAME = "MSFTSM_ComputerSystem";
    public static final String SYSTEM_NAME = "iscsi-smis";

    public static final CimName POOL = CimName.of("MSISCSITARGET_StoragePool");
    public static final CimName VOLUME = CimName.of("MSISCSITARGET_StorageVolume");
    public static final CimName SYNCHRONIZED = CimName.of("MSISCSITARGET_StorageSynchronized");

    private static final String POOL_PREFIX = SYSTEM_NAME + ":";

    private StorageElements() {
    }

    // ------------------------------------------------------------------ pools

    public static String poolInstanceId(String poolId) {
        return POOL_PREFIX + poolId;
    }

    public static ObjectPath poolPath(String poolId, CimNamespace ns) {
        return ObjectPath.builder(POOL).namespace(ns).key("InstanceID", poolInstanceId(poolId)).build();
    }

    /** The engine pool id named by a pool path, or null if the path cannot name one of ours. */
    public static String poolId(ObjectPath path) {
        String instanceId = text(path, "InstanceID");
        return instanceId != null && instanceId.startsWith(POOL_PREFIX) ? instanceId.substring(POOL_PREFIX.length()) : null;
    }

    public static CimInstance pool(DiskPool pool, CimNamespace ns) {
        long capacity = pool.capacityBytes();
        long free = pool.freeBytes();
        return CimInstance.builder(POOL)
                .path(poolPath(pool.id(), ns))
                .property("InstanceID", poolInstanceId(pool.id()))
                .property("PoolID", pool.id())
                .property("ElementName", pool.name())
                .property("Name", pool.name())
                .property("SystemName", SYSTEM_NAME)
                .property("Primordial", CimValue.ofBoolean(false))
                .property("TotalManagedSpace", CimValue.ofUint64(capacity))
                .property("RemainingManagedSpace", CimValue.ofUint64(free))
                .property("Capacity", CimValue.ofUint64(capacity))
                .property("Reserved", CimValue.ofUint64(pool.allocatedBytes()))
                .property("ResourceType", CimValue.ofUint16(19)) // Storage Extent
                .property("AllocationUnits", "bytes")
                .property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), List.of(2))) // OK
                .property("HealthState", CimValue.ofUint16(5))
                .build();
    }

    /** The pool with engine id {@code poolId}, or null (also for a null id). */
    public static DiskPool findPool(DiskRegistry disks, String poolId) {
        return disks.findPool(poolId).orElse(null);
    }

    // ------------------------------------------------------------------ volumes

    // The fixed keys of every volume path, built once: a StorageSynchronized enumeration builds two paths per pair.
    private static final KeyBinding VOLUME_CREATION_CLASS_NAME = KeyBinding.of("CreationClassName", VOLUME.toString());
    private static final CimName DEVICE_ID = CimName.of("DeviceID");
    private static final KeyBinding VOLUME_SYSTEM_CREATION_CLASS_NAME = KeyBinding.of("SystemCreationClassName", SYSTEM_CREATION_CLASS_NAME);
    private static final KeyBinding VOLUME_SYSTEM_NAME = KeyBinding.of("SystemName", SYSTEM_NAME);

    public static ObjectPath volumePath(String diskId, CimNamespace ns) {
        return ObjectPath.builder(VOLUME).namespace(ns)
                .key(VOLUME_CREATION_CLASS_NAME)
                .key(new KeyBinding(DEVICE_ID, CimValue.ofString(diskId)))
                .key(VOLUME_SYSTEM_CREATION_CLASS_NAME)
                .key(VOLUME_SYSTEM_NAME)
                .build();
    }

    /** The engine disk id named by a volume path, or null if the path cannot name one of ours. */
    public static String diskId(ObjectPath path) {
        if (path == null || !VOLUME.equals(path.className())
                || !VOLUME.toString().equalsIgnoreCase(text(path, "CreationClassName"))
                || !SYSTEM_CREATION_CLASS_NAME.equalsIgnoreCase(text(path, "SystemCreationClassName"))
                || !SYSTEM_NAME.equals(text(path, "SystemName"))) {
            return null;
        }
        return text(path, "DeviceID");
    }

    /** A volume; its Name is the NAA designator the iSCSI target reports for it in VPD page 83h. */
    public static CimInstance volume(VirtualDisk disk, VolumeIdentity identity, CimNamespace ns) {
        long blockSize = disk.blockSize();
        VolumeHealth health = VolumeHealth.of(disk.faults());
        return CimInstance.builder(VOLUME)
                .path(volumePath(disk.id(), ns))
                .property("CreationClassName", VOLUME.toString())
                .property("DeviceID", disk.id())
                .property("SystemCreationClassName", SYSTEM_CREATION_CLASS_NAME)
                .property("SystemName", SYSTEM_NAME)
                .property("ElementName", disk.name())
                .property("Name", identity.name(disk))
                .property("NameFormat", CimValue.ofUint16(VolumeIdentity.NAME_FORMAT_VPD83_NAA6))
                .property("NameNamespace", CimValue.ofUint16(VolumeIdentity.NAME_NAMESPACE_VPD83_TYPE3))
                .property("BlockSize", CimValue.ofUint64(blockSize))
                .property("NumberOfBlocks", CimValue.ofUint64(disk.blockCount()))
                .property("ConsumableBlocks", CimValue.ofUint64(disk.blockCount()))
                .property("DataOrganization", CimValue.ofUint16(2)) // Fixed Block
                .property("Primordial", CimValue.ofBoolean(false))
                .property("ExtentStatus", CimValue.of(CimType.UINT16.asArray(), List.of(17))) // Exported
                .property("OperationalStatus", CimValue.of(CimType.UINT16.asArray(), health.statusCodes()))
                .property("StatusDescriptions", CimValue.of(CimType.STRING.asArray(), health.descriptions()))
                .property("HealthState", CimValue.ofUint16(health.health().code()))
                .property("EnabledState", CimValue.ofUint16(2))
                .property("MSType", CimValue.ofSint32(3)) // dynamic: thin, chunks allocated on first write
                .property("MSDevicePath", disk.pool().name() + "/" + disk.name())
                .build();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The string value of key {@code key}, or null if it is absent, NULL or not a string: a reference inside a
     * parameter or an association key arrives as the client typed it (a number, say), and such a key names nothing of
     * ours.
     */
    static String text(ObjectPath path, String key) {
        CimValue v = path.key(key);
        return v == null || v.isNull() || v.type().array() || !(v.value() instanceof String s) ? null : s;
    }

    static CimException notFound(ObjectPath path) {
        return new CimException(CimStatus.NOT_FOUND, "no instance " + path);
    }
}
