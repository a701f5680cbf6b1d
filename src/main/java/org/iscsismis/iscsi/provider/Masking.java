package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.iscsismis.iscsi.target.MaskingControl;
import org.iscsismis.iscsi.target.MaskingModel;
import org.iscsismis.iscsi.target.session.Session;

/**
 * The masking and mapping state of the target: the storage hardware IDs (initiator names) and the SCSI protocol
 * controllers, one per iSCSI target node, each with the hardware IDs it admits and the volumes it maps to LUNs. Every
 * change is checked whole before anything changes, then replaces the state and pushes the resulting
 * {@link MaskingModel} into the target ({@link #attach}). Changes are serialised; readers get immutable snapshots.
 *
 * <p>The <em>default view</em> is the node named like the system's target, presenting every volume to every initiator
 * (what a server without masking does); it exists unless deleted or {@code defaultView} is false at start.
 */
public final class Masking {

    /** An initiator identity. {@code idType} is StorageHardwareID.IDType (5 iSCSI Name, 4 Hostname). */
    public record HardwareId(String instanceId, String storageId, int idType, String elementName) {
    }

    /** A volume behind a LUN of a controller. */
    public record Unit(String diskId, MaskingModel.Access access) {
    }

    /**
     * One SCSI protocol controller, i.e. one iSCSI target node.
     *
     * @param hardwareIds the StorageIDs it admits; empty for the default view, which admits everyone
     * @param units       LUN to volume; empty for the default view, which presents every volume
     */
    public record Controller(String deviceId, String nodeName, String elementName, boolean defaultView,
                             Set<String> hardwareIds, SortedMap<Integer, Unit> units) {

        public Controller {
            hardwareIds = Set.copyOf(new LinkedHashSet<>(hardwareIds));
            units = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(units));
        }
    }

    /** Everything, as one immutable value. */
    public record State(Map<String, HardwareId> hardwareIds, Map<String, Controller> controllers, int nextController) {

        public State {
            hardwareIds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hardwareIds));
            controllers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(controllers));
        }

        /** The controllers that admit this StorageID. */
        public List<Controller> admitting(String storageId) {
            return controllers.values().stream().filter(c -> c.hardwareIds().contains(storageId)).toList();
        }
    }

    private final String defaultNode;
    private final AtomicReference<MaskingControl> target = new AtomicReference<>();
    private volatile State state;
    private MaskingLog log = MaskingLog.NONE; // guarded by this

    public Masking(String defaultNode, boolean defaultView) {
        this.defaultNode = defaultNode;
        Map<String, Controller> controllers = new LinkedHashMap<>();
        if (defaultView) {
            controllers.put(DEFAULT_VIEW_ID, new Controller(DEFAULT_VIEW_ID, defaultNode, "default view", true, Set.of(), new TreeMap<>()));
        }
        this.state = new State(Map.of(), controllers, 1);
    }

    /** DeviceID of the default view's controller. */
    public static final String DEFAULT_VIEW_ID = "spc-0";
    /** At most this many hardware IDs: each is kept in memory and in the data directory, so a client cannot add without end. */
    static final int MAX_HARDWARE_IDS = 4096;
    /** At most this many protocol controllers (target nodes), the default view included, for the same reason. */
    static final int MAX_CONTROLLERS = 256;

    public State state() {
        return state;
    }

    public String defaultNode() {
        return defaultNode;
    }

    /** From now on every change reaches {@code control}; it gets the current model at once. */
    public void attach(MaskingControl control) {
        target.set(control);
        synchronized (this) {
            control.apply(model(state));
        }
    }

    /** The LUN the default view presents a volume at, or -1 (no target attached, or not presented). */
    public int defaultLun(String diskId) {
        MaskingControl control = target.get();
        return control == null ? -1 : control.defaultLun(diskId);
    }

    /** The portal's address as {@code host:port}, or null while no target is attached. */
    public String portal() {
        MaskingControl control = target.get();
        return control == null ? null : control.portalAddress();
    }

    /** The sessions logged in now (none while no target is attached). */
    public List<Session> sessions() {
        MaskingControl control = target.get();
        return control == null ? List.of() : control.sessions();
    }

    /**
     * Replaces the state with {@code kept} (what the data directory had; null: keep the state of a new server) and
     * tells {@code log} every change from now on. Called at start-up, before the target is attached.
     */
    public synchronized void restore(State kept, MaskingLog log) {
        if (kept != null) {
            state = kept;
        }
        this.log = log;
    }

    /**
     * Applies {@code change} to the current state; a {@link MethodRefusal}, or a log that cannot keep the result,
     * leaves everything as it was.
     */
    synchronized <T> T change(java.util.function.Function<Editor, T> change) {
        Editor editor = new Editor(state);
        T result = change.apply(editor);
        State next = editor.build();
        refuseGrowthBeyond(MAX_HARDWARE_IDS, state.hardwareIds().size(), next.hardwareIds().size(), "storage hardware IDs");
        refuseGrowthBeyond(MAX_CONTROLLERS, state.controllers().size(), next.controllers().size(), "protocol controllers");
        log.changed(state, next);
        state = next;
        MaskingControl control = target.get();
        if (control != null) {
            control.apply(model(state));
        }
        return result;
    }

    private static void refuseGrowthBeyond(int limit, int before, int after, String what) {
        if (after > limit && after > before) {
            throw new MethodRefusal(ReturnCode.FAILED, "this target keeps at most " + limit + " " + what + ": delete one first");
        }
    }

    /** A mutable copy of the state that a change works on. */
    static final class Editor {
        final Map<String, HardwareId> hardwareIds;
        final Map<String, Controller> controllers;
        int nextController;

        Editor(State s) {
            hardwareIds = new LinkedHashMap<>(s.hardwareIds());
            controllers = new LinkedHashMap<>(s.controllers());
            nextController = s.nextController();
        }

        State build() {
            return new State(hardwareIds, controllers, nextController);
        }

        HardwareId byStorageId(String storageId) {
            for (HardwareId id : hardwareIds.values()) {
                if (id.storageId().equals(storageId)) {
                    return id;
                }
            }
            return null;
        }

        String newControllerId() {
            return "spc-" + nextController++;
        }
    }

    /** The InstanceID of a hardware ID: {@code iscsi-smis:<IDType>:<StorageID>}. */
    static String hardwareInstanceId(int idType, String storageId) {
        return StorageElements.SYSTEM_NAME + ":" + idType + ":" + storageId;
    }

    /** The iSCSI name of a new node: the default node's name, a colon and the alias in lower case. */
    String nodeName(String alias) {
        return defaultNode + ":" + alias.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }

    /** What the target presents for {@code s}: each controller a node; only iSCSI-name IDs reach the data path. */
    static MaskingModel model(State s) {
        List<MaskingModel.Node> nodes = new ArrayList<>();
        for (Controller c : s.controllers().values()) {
            if (c.defaultView()) {
                nodes.add(MaskingModel.Node.defaultView(c.nodeName()));
                continue;
            }
            Set<String> initiators = new LinkedHashSet<>();
            for (String storageId : c.hardwareIds()) {
                for (HardwareId id : s.hardwareIds().values()) {
                    if (id.storageId().equals(storageId) && id.idType() == HardwareIdService.ISCSI_NAME) {
                        initiators.add(storageId);
                    }
                }
            }
            Map<Integer, MaskingModel.Mapping> luns = new TreeMap<>();
            c.units().forEach((lun, u) -> luns.put(lun, new MaskingModel.Mapping(u.diskId(), u.access())));
            nodes.add(MaskingModel.Node.masked(c.nodeName(), initiators, luns));
        }
        return new MaskingModel(nodes);
    }
}
