package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.replication.PairSnapshot;
import org.iscsismis.replication.ReplicationEngine;

/**
 * Which disks can take part in a new pair, from one list of the engine's pairs: a disk may be the source of many pairs
 * but the target of at most one, and a target is never a source (no cascades); a target matches its source's size
 * and block size. Answers GetSynchronizationSupported and GetAvailableTargetElements.
 */
final class PairTopology {

    private final DiskRegistry disks;
    private final Set<String> sources = new HashSet<>();
    private final Set<String> targets = new HashSet<>();

    PairTopology(ReplicationEngine engine) {
        this.disks = engine.disks();
        for (PairSnapshot p : engine.pairs()) {
            sources.add(p.sourceDiskId());
            targets.add(p.targetDiskId());
        }
    }

    boolean canBeSource(VirtualDisk disk) {
        return !targets.contains(disk.id());
    }

    boolean canBeTarget(VirtualDisk disk) {
        return !targets.contains(disk.id()) && !sources.contains(disk.id());
    }

    static boolean matches(VirtualDisk source, VirtualDisk target) {
        return source.sizeBytes() == target.sizeBytes() && source.blockSize() == target.blockSize();
    }

    /**
     * The existing volumes, in creation order, that could be the target of a new replica of {@code source}: live, not
     * the source, in no pair, of the source's size and block size, and in one of {@code poolIds} (null: any pool).
     * None if the source cannot be a source.
     */
    List<VirtualDisk> candidates(VirtualDisk source, Set<String> poolIds) {
        List<VirtualDisk> out = new ArrayList<>();
        if (!canBeSource(source)) {
            return out;
        }
        for (VirtualDisk d : disks.disks()) {
            if (!d.isDeleted() && d != source && canBeTarget(d) && matches(source, d)
                    && (poolIds == null || poolIds.contains(d.pool().id()))) {
                out.add(d);
            }
        }
        return out;
    }
}
