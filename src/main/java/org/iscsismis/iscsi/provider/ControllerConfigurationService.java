package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.MaskingModel;
import org.iscsismis.iscsi.target.TargetNames;
import org.iscsismis.iscsi.target.VolumeIdentity;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;

/**
 * {@code MSISCSITARGET_ControllerConfigurationService}, the Masking and Mapping service, with Microsoft's overriding
 * semantics: ExposePaths without a controller creates one (a new iSCSI target node) for the LUs and initiators given;
 * with one controller it adds LUs or initiators to it. HidePaths removes them; a controller left without LUs or without
 * initiators goes away (SPCAllowsNoLUs / NoInitiators are FALSE). DeleteProtocolController removes a controller (the
 * default view included). Every check runs before anything changes. Other methods answer 1 (Not Supported).
 */
final class ControllerConfigurationService extends ServiceProvider {

    static final CimName CLASS = CimName.of("MSISCSITARGET_ControllerConfigurationService");
    static final String NAME = "ControllerConfigurationService";

    // VM44 / VM45 (ExposePaths, HidePaths)
    static final long INVALID_LU = 4097;
    static final long INVALID_INITIATOR = 4098;
    static final long INVALID_TARGET_PORT = 4099;
    static final long INVALID_PERMISSION = 4100;
    static final long ALREADY_EXPOSED = 4101;
    static final long LUN_IN_USE = 4102;
    /** HidePaths: Target/initiator combination not exposed. */
    static final long NOT_EXPOSED = 4100;

    private final Masking masking;
    private final DiskRegistry disks;
    private final VolumeIdentity identity;

    ControllerConfigurationService(Masking masking, DiskRegistry disks, VolumeIdentity identity) {
        super(CLASS, "Masking and mapping", "Exposes volumes to hosts: one iSCSI target node per protocol controller");
        this.masking = masking;
        this.disks = disks;
        this.identity = identity;
    }

    static ObjectPath servicePath(CimNamespace ns) {
        return SystemElements.controllerConfigurationServicePath(ns);
    }

    @Override
    ObjectPath path(CimNamespace ns) {
        return servicePath(ns);
    }

    @Override
    MethodResult call(ProviderContext context, ObjectPath service, CimName method, CallArguments args) {
        return switch (method.toString().toLowerCase(java.util.Locale.ROOT)) {
            case "exposepaths" -> expose(args);
            case "hidepaths" -> hide(args);
            case "deleteprotocolcontroller" -> delete(args);
            default -> null;
        };
    }

    // ------------------------------------------------------------------ ExposePaths

    private MethodResult expose(CallArguments args) {
        List<String> luNames = args.strings("LUNames");
        List<String> initiators = args.strings("InitiatorPortIDs");
        List<String> numbers = args.strings("DeviceNumbers");
        List<Object> accesses = args.array("DeviceAccesses");
        List<String> spc = controllers(args);
        refuseTargetPorts(args);
        int count = luNames == null ? 0 : luNames.size();
        if (numbers != null && numbers.size() != count || accesses != null && accesses.size() != count) {
            throw MethodRefusal.invalid("DeviceNumbers and DeviceAccesses must be NULL or as long as LUNames (" + count + ")");
        }
        List<String> diskIds = volumes(luNames);
        List<Integer> luns = numbers == null ? null : numbers.stream().map(ControllerConfigurationService::lun).toList();
        List<MaskingModel.Access> access = access(accesses, count);
        String deviceId = masking.change(e -> {
            Masking.Controller current = spc == null ? null : existing(e, spc.get(0));
            if (current == null && (count == 0 || initiators == null || initiators.isEmpty())) {
                throw MethodRefusal.invalid("a new protocol controller needs LUNames and InitiatorPortIDs "
                        + "(SPCAllowsNoLUs and SPCAllowsNoInitiators are FALSE)");
            }
            if (current != null && current.defaultView()) {
                throw MethodRefusal.invalid(current.deviceId() + " is the default view: it already presents every volume to every initiator");
            }
            Set<String> ids = new LinkedHashSet<>(current == null ? Set.of() : current.hardwareIds());
            for (String initiator : initiators == null ? List.<String>of() : initiators) {
                if (!ids.add(hardwareId(e, initiator))) {
                    throw MethodRefusal.code(ALREADY_EXPOSED, initiator + " is already exposed through " + current.deviceId());
                }
            }
            TreeMap<Integer, Masking.Unit> units = new TreeMap<>(current == null ? Map.of() : current.units());
            for (int k = 0; k < count; k++) {
                String diskId = diskIds.get(k);
                if (units.values().stream().anyMatch(u -> u.diskId().equals(diskId))) {
                    throw MethodRefusal.code(ALREADY_EXPOSED, luNames.get(k) + " is already exposed through this controller");
                }
                int lun = luns != null ? luns.get(k) : lowestFree(units);
                if (units.containsKey(lun)) {
                    throw MethodRefusal.code(LUN_IN_USE, "LUN " + lun + " is already in use on this controller");
                }
                units.put(lun, new Masking.Unit(diskId, access.get(k)));
            }
            Masking.Controller next;
            if (current == null) {
                String id = e.newControllerId();
                String name = masking.nodeName(id);
                next = new Masking.Controller(id, name, "host view " + id, false, ids, units);
            } else {
                next = new Masking.Controller(current.deviceId(), current.nodeName(), current.elementName(), false, ids, units);
            }
            e.controllers.put(next.deviceId(), next);
            return next.deviceId();
        });
        return ReturnCode.COMPLETED.result().with("ProtocolControllers", CimValue.of(ProtocolControllers.REF_ARRAY,
                List.of(ProtocolControllers.path(deviceId, args.namespace()))));
    }

    /** The InstanceID-less StorageID of an initiator: an existing hardware ID, or a new one for a valid iSCSI name. */
    private static String hardwareId(Masking.Editor e, String initiator) {
        if (e.byStorageId(initiator) == null) {
            try {
                TargetNames.check(initiator);
            } catch (IllegalArgumentException x) {
                throw MethodRefusal.code(INVALID_INITIATOR, "InitiatorPortIDs: " + x.getMessage());
            }
            Masking.HardwareId id = new Masking.HardwareId(Masking.hardwareInstanceId(HardwareIdService.ISCSI_NAME, initiator),
                    initiator, HardwareIdService.ISCSI_NAME, null);
            e.hardwareIds.put(id.instanceId(), id);
        }
        return initiator;
    }

    private static int lowestFree(TreeMap<Integer, Masking.Unit> units) {
        int lun = 0;
        while (units.containsKey(lun)) {
            lun++;
        }
        return lun;
    }

    private static int lun(String number) {
        try {
            int lun = Integer.parseInt(number.trim());
            if (lun >= 0 && lun <= 16383) {
                return lun;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw MethodRefusal.invalid("DeviceNumbers: \"" + number + "\" is not a LUN (a decimal number 0-16383)");
    }

    private static List<MaskingModel.Access> access(List<Object> accesses, int count) {
        List<MaskingModel.Access> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Object a = accesses == null ? null : accesses.get(k);
            int code = a instanceof Number n ? n.intValue() : 2;
            out.add(switch (code) {
                case 0, 2 -> MaskingModel.Access.READ_WRITE; // 0 Unknown: the implementation decides
                case 3 -> MaskingModel.Access.READ_ONLY;
                case 4 -> MaskingModel.Access.NO_ACCESS;
                default -> throw MethodRefusal.code(INVALID_PERMISSION, "DeviceAccesses: " + a + " is not 0, 2, 3 or 4");
            });
        }
        return out;
    }

    // ------------------------------------------------------------------ HidePaths

    private MethodResult hide(CallArguments args) {
        List<String> luNames = args.strings("LUNames");
        List<String> initiators = args.strings("InitiatorPortIDs");
        List<String> spc = controllers(args);
        refuseTargetPorts(args);
        if (spc == null) {
            throw MethodRefusal.invalid("HidePaths needs exactly one protocol controller in ProtocolControllers");
        }
        List<String> diskIds = volumes(luNames);
        boolean gone = masking.change(e -> {
            Masking.Controller current = existing(e, spc.get(0));
            if (current.defaultView()) {
                throw MethodRefusal.invalid(current.deviceId() + " is the default view: delete it with DeleteProtocolController");
            }
            Set<String> ids = new LinkedHashSet<>(current.hardwareIds());
            for (String initiator : initiators == null ? List.<String>of() : initiators) {
                if (!ids.remove(initiator)) {
                    throw MethodRefusal.code(INVALID_INITIATOR, initiator + " is not exposed through " + current.deviceId());
                }
            }
            TreeMap<Integer, Masking.Unit> units = new TreeMap<>(current.units());
            for (int k = 0; k < diskIds.size(); k++) {
                String diskId = diskIds.get(k);
                if (!units.values().removeIf(u -> u.diskId().equals(diskId))) {
                    throw MethodRefusal.code(INVALID_LU, luNames.get(k) + " is not exposed through " + current.deviceId());
                }
            }
            if (ids.isEmpty() || units.isEmpty()) {
                e.controllers.remove(current.deviceId());
                return true;
            }
            e.controllers.put(current.deviceId(), new Masking.Controller(current.deviceId(), current.nodeName(),
                    current.elementName(), false, ids, units));
            return false;
        });
        return ReturnCode.COMPLETED.result().with("ProtocolControllers", CimValue.of(ProtocolControllers.REF_ARRAY,
                gone ? List.of() : List.of(ProtocolControllers.path(spc.get(0), args.namespace()))));
    }

    // ------------------------------------------------------------------ DeleteProtocolController

    private MethodResult delete(CallArguments args) {
        String deviceId = ProtocolControllers.deviceId(args.reference("ProtocolController"));
        if (deviceId == null) {
            throw MethodRefusal.invalid("ProtocolController must name one of this system's protocol controllers");
        }
        args.unsupported("DeleteUnits", "volumes are deleted with ReturnToStoragePool");
        masking.change(e -> {
            e.controllers.remove(existing(e, deviceId).deviceId());
            return null;
        });
        return ReturnCode.COMPLETED.result();
    }

    // ------------------------------------------------------------------ shared checks

    /** The one controller of ProtocolControllers (DeviceIDs), or null when NULL or empty; more than one is 5. */
    private static List<String> controllers(CallArguments args) {
        List<Object> given = args.array("ProtocolControllers");
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            throw MethodRefusal.invalid("ProtocolControllers holds " + given.size() + " controllers; at most one is allowed");
        }
        String id = given.get(0) instanceof ObjectPath p ? ProtocolControllers.deviceId(args.local("ProtocolControllers", p)) : null;
        if (id == null) {
            throw MethodRefusal.invalid("ProtocolControllers: " + given.get(0) + " is not one of this system's protocol controllers");
        }
        return List.of(id);
    }

    private static Masking.Controller existing(Masking.Editor e, String deviceId) {
        Masking.Controller c = e.controllers.get(deviceId);
        if (c == null) {
            throw MethodRefusal.invalid("no protocol controller " + deviceId);
        }
        return c;
    }

    /** One port per view: a node's one target port follows it, so none may be named. */
    private static void refuseTargetPorts(CallArguments args) {
        List<String> ports = args.strings("TargetPortIDs");
        if (ports != null && !ports.isEmpty()) {
            throw MethodRefusal.code(INVALID_TARGET_PORT, "TargetPortIDs " + ports
                    + ": each protocol controller has its own target port (PortsPerView 2), so none may be named");
        }
    }

    /** The disk ids of LUNames (volume Names, the NAA designator), in order; 4097 for a name of no volume here. */
    private List<String> volumes(List<String> luNames) {
        if (luNames == null) {
            return List.of();
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (VirtualDisk disk : disks.disks()) {
            if (!disk.isDeleted()) {
                byName.put(identity.name(disk), disk.id());
            }
        }
        List<String> out = new ArrayList<>();
        for (String name : luNames) {
            String diskId = byName.get(name);
            if (diskId == null) {
                throw MethodRefusal.code(INVALID_LU, "LUNames: " + name + " is not the Name of a volume of this system");
            }
            if (out.contains(diskId)) {
                throw MethodRefusal.invalid("LUNames: " + name + " is given twice");
            }
            out.add(diskId);
        }
        return out;
    }
}
