package org.iscsismis.iscsi.provider;

import java.util.NoSuchElementException;

import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.MethodResult;

/**
 * Virtual disks made and removed by the storage configuration service: CreateOrModifyElementFromStoragePool and
 * ReturnToStoragePool. Both finish at once (a thin disk takes no space until written), so they answer 0, never a
 * job.
 *
 * <ul>
 * <li>Create (TheElement NULL): InPool is required; ElementType NULL, 2 (StorageVolume) or 5
 * (ThinlyProvisionedStorageVolume) — the other element types this value map names → 1; Size is required and
 * positive; a Size that is not a multiple of the block size (512) or exceeds the pool's capacity → 4097 (Size Not
 * Supported) with OUT Size the nearest size that would be made, and nothing created; Goal NULL or the pool's
 * default StorageSetting. OUT TheElement and Size.</li>
 * <li>Modify (TheElement given): InPool must be NULL (5). The disks cannot be resized: a Size other than the
 * current one → 4097 with OUT Size the current size; they cannot be renamed: another ElementName → 1.</li>
 * <li>ReturnToStoragePool: TheElement must be a volume of this target (5); a volume that is the source or target of
 * a replication pair → 6 (In Use): detach or return the replica first.</li>
 * </ul>
 */
final class VolumeConfiguration {

    /** Block size of the volumes this service creates. */
    static final int BLOCK_SIZE = 512;
    private static final String DEFAULT_NAME = "volume";

    private final DiskRegistry disks;

    VolumeConfiguration(DiskRegistry disks) {
        this.disks = disks;
    }

    MethodResult createOrModify(CallArguments args) {
        VirtualDisk existing = args.volume("TheElement", disks, false);
        Integer type = args.uint16("ElementType");
        if (type != null && type != 2 && type != 5) {
            if (type >= 0 && type <= 8) {
                throw MethodRefusal.notSupported("ElementType " + type + ": this target makes thinly provisioned storage volumes only");
            }
            throw MethodRefusal.invalid("ElementType " + type + " is not in the value map");
        }
        return existing == null ? create(args) : modify(args, existing);
    }

    private MethodResult create(CallArguments args) {
        DiskPool pool = args.pool("InPool", disks);
        if (pool == null) {
            throw MethodRefusal.invalid("InPool is required to create a volume");
        }
        args.settingGoal("Goal", pool);
        Long size = args.uint64("Size");
        if (size == null || size <= 0) {
            throw MethodRefusal.invalid("Size is required and must be positive");
        }
        long supported = supportedSize(size, pool);
        if (supported != size) {
            throw new MethodRefusal(ReturnCode.SIZE_NOT_SUPPORTED, "Size " + size + " cannot be made in pool " + pool.id()
                    + "; nearest: " + supported).with("Size", CimValue.ofUint64(supported));
        }
        String name = args.string("ElementName");
        VirtualDisk disk = disks.createDisk(pool.id(), name == null || name.isBlank() ? DEFAULT_NAME : name, size, BLOCK_SIZE);
        return created(disk, args.namespace());
    }

    /** The size closest to {@code size} that a volume of {@code pool} can have: whole blocks, at most the pool. */
    private static long supportedSize(long size, DiskPool pool) {
        long rounded = (size + BLOCK_SIZE - 1) / BLOCK_SIZE * BLOCK_SIZE;
        return Math.min(rounded, largestVolume(pool));
    }

    /** The largest volume a pool can hold: its capacity in whole blocks (a thin disk could never fill more). */
    static long largestVolume(DiskPool pool) {
        return pool.capacityBytes() / BLOCK_SIZE * BLOCK_SIZE;
    }

    private MethodResult modify(CallArguments args, VirtualDisk disk) {
        if (args.given("InPool")) {
            throw MethodRefusal.invalid("InPool must be NULL when TheElement names a volume to modify");
        }
        args.settingGoal("Goal", disk.pool());
        Long size = args.uint64("Size");
        if (size != null && size != disk.sizeBytes()) {
            throw new MethodRefusal(ReturnCode.SIZE_NOT_SUPPORTED, "volume " + disk.id() + " cannot be resized")
                    .with("Size", CimValue.ofUint64(disk.sizeBytes()));
        }
        String name = args.string("ElementName");
        if (name != null && !name.equals(disk.name())) {
            throw MethodRefusal.notSupported("volume " + disk.id() + " cannot be renamed");
        }
        return created(disk, args.namespace());
    }

    private static MethodResult created(VirtualDisk disk, CimNamespace ns) {
        return ReturnCode.COMPLETED.result()
                .with("TheElement", CimValue.ofReference(StorageElements.volumePath(disk.id(), ns)))
                .with("Size", CimValue.ofUint64(disk.sizeBytes()));
    }

    MethodResult returnToPool(CallArguments args) {
        VirtualDisk disk = args.volume("TheElement", disks, true);
        if (disk.isInUse()) {
            throw MethodRefusal.inUse("volume " + disk.id() + " is part of a replication pair");
        }
        try {
            disks.deleteDisk(disk.id());
        } catch (IllegalStateException e) {
            throw MethodRefusal.inUse(e.getMessage());
        } catch (NoSuchElementException e) {
            throw MethodRefusal.invalid(e.getMessage()); // returned by someone else meanwhile
        }
        return ReturnCode.COMPLETED.result();
    }
}
