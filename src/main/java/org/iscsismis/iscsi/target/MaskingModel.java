package org.iscsismis.iscsi.target;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the target presents to whom, as the management side decides it: the target nodes, for each the initiators
 * (iSCSI names) allowed to log in and the volumes it maps to LUNs. The target only reads it; the provider side builds a
 * new one for every change and hands it over whole ({@link MaskingControl#apply}).
 *
 * @param nodes the target nodes, in the order SendTargets lists them
 */
public record MaskingModel(List<Node> nodes) {

    public MaskingModel {
        nodes = List.copyOf(nodes);
    }

    /**
     * One target node.
     *
     * @param name       its iSCSI name
     * @param initiators the iSCSI names allowed to log in; null: every initiator (a default view)
     * @param luns       LUN to mapping; null: every volume, under the LUN the target numbers it by ({@link VolumeLuns})
     */
    public record Node(String name, Set<String> initiators, SortedMap<Integer, Mapping> luns) {

        public Node {
            initiators = initiators == null ? null : Set.copyOf(initiators);
            luns = luns == null ? null : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(luns));
        }

        /** Every volume to every initiator. */
        public static Node defaultView(String name) {
            return new Node(name, null, null);
        }

        public static Node masked(String name, Set<String> initiators, Map<Integer, Mapping> luns) {
            return new Node(name, initiators, new TreeMap<>(luns));
        }

        public boolean admits(String initiator) {
            return initiators == null || initiators.contains(initiator);
        }
    }

    /** A volume (by disk id) behind a LUN, and what the initiators may do with it. */
    public record Mapping(String diskId, Access access) {
    }

    /** DeviceAccess of SMI-S Masking and Mapping, as the data path enforces it. */
    public enum Access {
        READ_WRITE, READ_ONLY,
        /** The LUN number is taken but the unit is not presented: no I/O. */
        NO_ACCESS
    }

    /** One node, the default view: every volume to every initiator (a server without masking). */
    public static MaskingModel defaultView(String name) {
        return new MaskingModel(List.of(Node.defaultView(name)));
    }

    /** The node of this name, or null. */
    public Node node(String name) {
        for (Node n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }
}
