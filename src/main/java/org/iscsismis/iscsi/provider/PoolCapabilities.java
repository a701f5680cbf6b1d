package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskPool;

/**
 * The one MSISCSITARGET_StorageCapabilities and the one MSISCSITARGET_StorageSetting of each pool (Microsoft's model:
 * a pool has exactly one of each). A pool's disks are thin, unstriped and unmirrored inside the pool: redundancy 1,
 * no package redundancy, no single point of failure protection, no delta reservation.
 */
public final class PoolCapabilities {

    private PoolCapabilities() {
    }

    public static CimInstance capabilities(DiskPool pool, CimNamespace ns) {
        return CimInstance.builder(SystemElements.STORAGE_CAPABILITIES)
                .path(SystemElements.storageCapabilitiesPath(pool.id(), ns))
                .property("InstanceID", SystemElements.storageCapabilitiesPath(pool.id(), ns).key("InstanceID"))
                .property("ElementName", "Capabilities of " + pool.name())
                .property("ElementType", CimValue.ofUint16(5)) // StoragePool
                .property("NoSinglePointOfFailure", CimValue.ofBoolean(false))
                .property("NoSinglePointOfFailureDefault", CimValue.ofBoolean(false))
                .property("DataRedundancyMax", CimValue.ofUint16(1))
                .property("DataRedundancyMin", CimValue.ofUint16(1))
                .property("DataRedundancyDefault", CimValue.ofUint16(1))
                .property("PackageRedundancyMax", CimValue.ofUint16(0))
                .property("PackageRedundancyMin", CimValue.ofUint16(0))
                .property("PackageRedundancyDefault", CimValue.ofUint16(0))
                .property("DeltaReservationMax", CimValue.ofUint16(0))
                .property("DeltaReservationMin", CimValue.ofUint16(0))
                .property("DeltaReservationDefault", CimValue.ofUint16(0))
                .build();
    }

    public static CimInstance setting(DiskPool pool, CimNamespace ns) {
        return CimInstance.builder(SystemElements.STORAGE_SETTING)
                .path(SystemElements.storageSettingPath(pool.id(), ns))
                .property("InstanceID", SystemElements.storageSettingPath(pool.id(), ns).key("InstanceID"))
                .property("ElementName", "Default setting of " + pool.name())
                .property("NoSinglePointOfFailure", CimValue.ofBoolean(false))
                .property("DataRedundancyMax", CimValue.ofUint16(1))
                .property("DataRedundancyMin", CimValue.ofUint16(1))
                .property("DataRedundancyGoal", CimValue.ofUint16(1))
                .property("PackageRedundancyMax", CimValue.ofUint16(0))
                .property("PackageRedundancyMin", CimValue.ofUint16(0))
                .property("PackageRedundancyGoal", CimValue.ofUint16(0))
                .property("ChangeableType", CimValue.ofUint16(0)) // Fixed - Not Changeable
                .build();
    }
}
