package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;

/**
 * What MSFTSM_ComputerSystem.RescanExtents does here. Microsoft's provider rediscovers Windows disks added or removed
 * behind its back; this target's disks only change through its own registry, so there is nothing outside to
 * discover. The rescan instead re-reads the registry and checks what the CIM model is built on: every listed disk is
 * live and lives in a registered pool, and no pool hands out more space than it has. A registry that breaks these
 * rules makes the method answer 1 (Failed) with the findings logged.
 *
 * @param pools    pools seen
 * @param disks    live disks seen
 * @param problems what does not hold, empty when the registry is sound
 */
record ExtentRescan(int pools, int disks, List<String> problems) {

    static ExtentRescan of(DiskRegistry registry) {
        List<DiskPool> pools = registry.pools();
        Set<String> poolIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (DiskPool pool : pools) {
            poolIds.add(pool.id());
            if (pool.freeBytes() < 0) {
                problems.add("pool " + pool.id() + " has allocated " + pool.allocatedBytes() + " of " + pool.capacityBytes() + " bytes");
            }
        }
        int disks = 0;
        for (VirtualDisk disk : registry.disks()) {
            if (disk.isDeleted()) {
                problems.add("disk " + disk.id() + " is listed but deleted");
            } else if (!poolIds.contains(disk.pool().id())) {
                problems.add("disk " + disk.id() + " is in pool " + disk.pool().id() + ", which the registry does not list");
            } else {
                disks++;
            }
        }
        return new ExtentRescan(pools.size(), disks, List.copyOf(problems));
    }

    boolean sound() {
        return problems.isEmpty();
    }
}
