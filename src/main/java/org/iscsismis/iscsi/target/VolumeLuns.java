package org.iscsismis.iscsi.target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.scsi.BlockDevice;
import org.iscsismis.iscsi.target.scsi.LogicalUnit;
import org.iscsismis.iscsi.target.scsi.LogicalUnitDirectory;
import org.iscsismis.iscsi.target.scsi.LunAddress;
import org.iscsismis.iscsi.target.scsi.WriteProtection;

/**
 * Every volume of the disk registry as a logical unit of the one target node. LUNs are handed out in the order the
 * target first sees the disks (creation order: on a fresh start the demo's disks are LUN 0, 1, 2, ...) and are never
 * reused while numbers remain, so a LUN keeps naming the same volume for as long as the volume exists, and a deleted
 * volume's LUN is not given to a new one behind an initiator's back. The directory follows the registry lazily: its
 * generation counter is compared on each lookup.
 */
public final class VolumeLuns implements LogicalUnitDirectory {

    /** The logical units at one registry generation. */
    private record Inventory(long generation, TreeMap<Integer, LogicalUnit> byLun, List<LogicalUnit> all) {
    }

    private final DiskRegistry registry;
    private final VolumeIdentity identity;
    private final boolean thin;
    private final WriteProtection protection;
    private final Map<String, LogicalUnit> byDisk = new HashMap<>();
    private int nextLun;
    private volatile Inventory inventory = new Inventory(-1, new TreeMap<>(), List.of());

    public VolumeLuns(DiskRegistry registry, VolumeIdentity identity, boolean thin, WriteProtection protection) {
        this.registry = registry;
        this.identity = identity;
        this.thin = thin;
        this.protection = protection;
    }

    @Override
    public LogicalUnit find(int lun) {
        return current().byLun().get(lun);
    }

    @Override
    public List<LogicalUnit> all() {
        return current().all();
    }

    @Override
    public long generation() {
        return current().generation();
    }

    /** The LUN of a disk, or -1 if the target does not present it. */
    public int lunOf(String diskId) {
        for (LogicalUnit unit : all()) {
            if (unit.device().disk().id().equals(diskId)) {
                return unit.lun();
            }
        }
        return -1;
    }

    /**
     * A medium for {@code diskId} as a masked LUN shows it (same designator and serial as everywhere), or null if the
     * disk does not exist; {@code readOnly} makes it write-protected to hosts whatever the engine says.
     */
    public BlockDevice device(String diskId, boolean readOnly) {
        VirtualDisk disk = registry.findDisk(diskId).orElse(null);
        if (disk == null || disk.isDeleted()) {
            return null;
        }
        return new BlockDevice(disk, identity.naa(disk), identity.serial(disk), thin, readOnly ? d -> true : protection);
    }

    private Inventory current() {
        Inventory now = inventory;
        if (now.generation() != registry.generation()) {
            now = refresh();
        }
        return now;
    }

    private synchronized Inventory refresh() {
        long generation = registry.generation();
        if (inventory.generation() == generation) {
            return inventory;
        }
        Set<String> present = new HashSet<>();
        TreeMap<Integer, LogicalUnit> byLun = new TreeMap<>();
        for (VirtualDisk disk : registry.disks()) {
            if (disk.isDeleted()) {
                continue;
            }
            present.add(disk.id());
            LogicalUnit unit = byDisk.computeIfAbsent(disk.id(), id -> new LogicalUnit(allocate(byLun), device(disk)));
            byLun.put(unit.lun(), unit);
        }
        byDisk.keySet().retainAll(present);
        inventory = new Inventory(generation, byLun, List.copyOf(new ArrayList<>(byLun.values())));
        return inventory;
    }

    /** The next LUN after the last one handed out; after the last LUN, the lowest free one. */
    private int allocate(TreeMap<Integer, LogicalUnit> taken) {
        Set<Integer> used = new HashSet<>(taken.keySet());
        byDisk.values().forEach(u -> used.add(u.lun()));
        for (int tries = 0; tries <= LunAddress.MAX_LUN; tries++) {
            int lun = nextLun;
            nextLun = nextLun == LunAddress.MAX_LUN ? 0 : nextLun + 1;
            if (!used.contains(lun)) {
                return lun;
            }
        }
        throw new IllegalStateException("all " + (LunAddress.MAX_LUN + 1) + " LUNs are in use");
    }

    private BlockDevice device(VirtualDisk disk) {
        return new BlockDevice(disk, identity.naa(disk), identity.serial(disk), thin, protection);
    }
}
