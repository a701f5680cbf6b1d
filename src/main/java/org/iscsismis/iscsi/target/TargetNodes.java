package org.iscsismis.iscsi.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.iscsismis.iscsi.target.scsi.LogicalUnit;
import org.iscsismis.iscsi.target.scsi.LogicalUnitDirectory;
import org.iscsismis.iscsi.target.session.TargetNodeAccess;

/**
 * The target nodes of a portal under the current {@link MaskingModel}. A node that maps its own LUNs gets its own
 * {@link LogicalUnit} per LUN and volume (so a unit's reservations belong to that node's LUN), kept while the mapping
 * stays; a default-view node presents {@link VolumeLuns} as they are.
 */
final class TargetNodes implements TargetNodeAccess {

    private final VolumeLuns volumes;
    private final AtomicLong version = new AtomicLong();
    private final Map<String, LogicalUnit> mapped = new ConcurrentHashMap<>();
    private volatile MaskingModel model;

    TargetNodes(VolumeLuns volumes, MaskingModel initial) {
        this.volumes = volumes;
        this.model = initial;
    }

    synchronized void apply(MaskingModel next) {
        model = next;
        version.incrementAndGet();
        mapped.keySet().removeIf(key -> !stillMapped(next, key));
    }

    MaskingModel model() {
        return model;
    }

    @Override
    public boolean exists(String targetName) {
        return model.node(targetName) != null;
    }

    @Override
    public boolean admits(String targetName, String initiatorName) {
        MaskingModel.Node node = model.node(targetName);
        return node != null && node.admits(initiatorName);
    }

    @Override
    public List<String> visibleTo(String initiatorName) {
        List<String> out = new ArrayList<>();
        for (MaskingModel.Node node : model.nodes()) {
            if (node.admits(initiatorName)) {
                out.add(node.name());
            }
        }
        return out;
    }

    @Override
    public LogicalUnitDirectory view(String targetName, String initiatorName) {
        return new View(targetName, initiatorName);
    }

    /** The units a session sees now: none once its node is gone or no longer admits its initiator. */
    private List<LogicalUnit> units(String targetName, String initiatorName) {
        MaskingModel.Node node = model.node(targetName);
        if (node == null || !node.admits(initiatorName)) {
            return List.of();
        }
        if (node.luns() == null) {
            return volumes.all();
        }
        List<LogicalUnit> out = new ArrayList<>();
        node.luns().forEach((lun, mapping) -> {
            LogicalUnit unit = unit(node.name(), lun, mapping);
            if (unit != null) {
                out.add(unit);
            }
        });
        return out;
    }

    /** The unit of a mapping; null while its volume does not exist (deleted: nothing at this LUN until the mapping goes). */
    private LogicalUnit unit(String node, int lun, MaskingModel.Mapping mapping) {
        if (mapping.access() == MaskingModel.Access.NO_ACCESS) {
            return null;
        }
        String key = key(node, lun, mapping);
        LogicalUnit unit = mapped.get(key);
        if (unit != null && !unit.device().disk().isDeleted()) {
            return unit;
        }
        var device = volumes.device(mapping.diskId(), mapping.access() == MaskingModel.Access.READ_ONLY);
        if (device == null) {
            mapped.remove(key);
            return null;
        }
        return mapped.computeIfAbsent(key, k -> new LogicalUnit(lun, device));
    }

    private static String key(String node, int lun, MaskingModel.Mapping mapping) {
        return node + "\0" + lun + "\0" + mapping.diskId() + "\0" + mapping.access();
    }

    private static boolean stillMapped(MaskingModel model, String key) {
        for (MaskingModel.Node node : model.nodes()) {
            if (node.luns() != null) {
                for (var e : node.luns().entrySet()) {
                    if (key(node.name(), e.getKey(), e.getValue()).equals(key)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A session's live view of its node. */
    private final class View implements LogicalUnitDirectory {

        private final String targetName;
        private final String initiatorName;

        View(String targetName, String initiatorName) {
            this.targetName = targetName;
            this.initiatorName = initiatorName;
        }

        @Override
        public LogicalUnit find(int lun) {
            MaskingModel.Node node = model.node(targetName);
            if (node == null || !node.admits(initiatorName)) {
                return null;
            }
            if (node.luns() == null) {
                return volumes.find(lun);
            }
            MaskingModel.Mapping mapping = node.luns().get(lun);
            return mapping == null ? null : unit(node.name(), lun, mapping);
        }

        @Override
        public List<LogicalUnit> all() {
            return units(targetName, initiatorName);
        }

        /** Changes with the model and with the volumes (a change the session does not see costs one extra unit attention). */
        @Override
        public long generation() {
            return version.get() * 1_000_003L + volumes.generation();
        }
    }
}
