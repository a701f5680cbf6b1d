package org.iscsismis.iscsi.provider;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;

/**
 * The methods of MSISCSITARGET_StoragePool. A pool gives volumes (element types 3 Storage Volume and 5 Thin
 * Provisioned Volume: every disk is thin) of any whole number of 512-byte blocks up to the pool's capacity (a
 * larger thin disk could never be written full), so GetSupportedSizeRange answers that range and GetSupportedSizes
 * points to it (2). Pools and logical disks are not made from pools (3 Invalid Element Type); a pool has no component
 * extents to offer (GetAvailableExtents 1 Not Supported).
 */
final class PoolSizeMethods {

    static final long USE_OTHER_METHOD = 2;
    static final long INVALID_ELEMENT_TYPE = 3;
    /** The smallest block size, so every size the range allows fits either block size's rules for 512. */
    static final long SIZE_DIVISOR = 512;

    private PoolSizeMethods() {
    }

    static MethodResult invoke(DiskPool pool, CimName method, MethodArguments in) {
        String m = method.toString();
        if (m.equalsIgnoreCase("GetAvailableExtents")) {
            return MethodCodes.answer(MethodCodes.NOT_SUPPORTED);
        }
        Integer type = MethodCodes.intArg(in, "ElementType");
        if (type == null || (type != 3 && type != 5)) {
            return MethodCodes.answer(INVALID_ELEMENT_TYPE);
        }
        if (m.equalsIgnoreCase("GetSupportedSizes")) {
            return MethodCodes.answer(USE_OTHER_METHOD);
        }
        long max = pool.capacityBytes() - pool.capacityBytes() % SIZE_DIVISOR;
        return MethodCodes.answer(MethodCodes.SUCCESS)
                .with("MinimumVolumeSize", CimValue.ofUint64(SIZE_DIVISOR))
                .with("MaximumVolumeSize", CimValue.ofUint64(max))
                .with("VolumeSizeDivisor", CimValue.ofUint64(SIZE_DIVISOR));
    }
}
