package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;

/**
 * The size methods of {@code MSISCSITARGET_StoragePool}, answering what CreateOrModifyElementFromStoragePool will
 * accept ({@link VolumeConfiguration}):
 * <ul>
 * <li>GetSupportedSizeRange: for ElementType NULL, 3 (Storage Volume) or 5 (Thin Provisioned Volume): 0 with
 * MinimumVolumeSize and VolumeSizeDivisor one block (512) and MaximumVolumeSize the pool's capacity in whole
 * blocks; other element types (pools, logical disks) → 3 (Invalid Element Type). The pool has one setting, so Goal
 * changes nothing.</li>
 * <li>GetSupportedSizes → 2 (Use GetSupportedSizeRange instead): any multiple of the block size up to the maximum
 * is fine, too many to list.</li>
 * <li>GetAvailableExtents → 1: the pools are not built from extents.</li>
 * </ul>
 */
final class PoolSizes {

    private static final CimName RANGE = CimName.of("GetSupportedSizeRange");
    private static final CimName SIZES = CimName.of("GetSupportedSizes");
    private static final long OK = 0;
    private static final long NOT_SUPPORTED = 1;
    private static final long USE_OTHER_METHOD = 2;
    private static final long INVALID_ELEMENT_TYPE = 3;

    private PoolSizes() {
    }

    static MethodResult invoke(DiskPool pool, CimName method, MethodArguments in) {
        if (method.equals(SIZES)) {
            return MethodResult.of(CimValue.ofUint32(USE_OTHER_METHOD));
        }
        if (!method.equals(RANGE)) {
            return MethodResult.of(CimValue.ofUint32(NOT_SUPPORTED));
        }
        CimValue type = in.value("ElementType");
        if (type != null && !type.isNull() && type.asLong() != 3 && type.asLong() != 5) {
            return MethodResult.of(CimValue.ofUint32(INVALID_ELEMENT_TYPE));
        }
        long block = VolumeConfiguration.BLOCK_SIZE;
        return MethodResult.of(CimValue.ofUint32(OK))
                .with("MinimumVolumeSize", CimValue.ofUint64(block))
                .with("MaximumVolumeSize", CimValue.ofUint64(VolumeConfiguration.largestVolume(pool)))
                .with("VolumeSizeDivisor", CimValue.ofUint64(block));
    }
}
