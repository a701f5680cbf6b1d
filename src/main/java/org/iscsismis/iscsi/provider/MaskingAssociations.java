package org.iscsismis.iscsi.provider;

import java.util.List;
import java.util.Map;

import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.iscsi.target.MaskingModel;
import org.iscsismis.provider.ProviderContext;

/**
 * The masking associations, computed from {@link Masking} on every call:
 * <pre>
 * SCSIProtocolController ─ProtocolControllerForUnit (DeviceNumber = LUN, DeviceAccess)─▶ StorageVolume
 * AuthorizedPrivilege (one per controller with initiators) ─AuthorizedSubject─▶ each StorageHardwareID it admits
 *                                                          ─AuthorizedTarget──▶ its SCSIProtocolController
 * </pre>
 * The default view maps every volume at the LUN the target presents it under.
 */
final class MaskingAssociations {

    static final CimName PROTOCOL_CONTROLLER_FOR_UNIT = CimName.of("MSISCSITARGET_ProtocolControllerForUnit");
    static final CimName AUTHORIZED_PRIVILEGE = CimName.of("MSISCSITARGET_AuthorizedPrivilege");
    static final CimName AUTHORIZED_SUBJECT = CimName.of("MSISCSITARGET_AuthorizedSubject");
    static final CimName AUTHORIZED_TARGET = CimName.of("MSISCSITARGET_AuthorizedTarget");

    private MaskingAssociations() {
    }

    static Map<CimName, ComputedAssociation> providers(Masking masking, DiskRegistry disks) {
        return Map.of(PROTOCOL_CONTROLLER_FOR_UNIT, new ForUnit(masking, disks),
                AUTHORIZED_SUBJECT, new Subject(masking),
                AUTHORIZED_TARGET, new Target(masking));
    }

    static ObjectPath privilegePath(String deviceId, CimNamespace ns) {
        return ObjectPath.builder(AUTHORIZED_PRIVILEGE).namespace(ns)
                .key("InstanceID", StorageElements.SYSTEM_NAME + ":AuthorizedPrivilege:" + deviceId).build();
    }

    /** The privileges: one per masked controller, read and write to what it maps (PrivilegeGranted TRUE). */
    static List<CimInstance> privileges(Masking masking, CimNamespace ns) {
        return masking.state().controllers().values().stream().filter(c -> !c.defaultView()).map(c -> {
            ObjectPath path = privilegePath(c.deviceId(), ns);
            return CimInstance.builder(AUTHORIZED_PRIVILEGE).path(path)
                    .property("InstanceID", StorageElements.text(path, "InstanceID"))
                    .property("ElementName", "access to " + c.nodeName())
                    .property("PrivilegeGranted", CimValue.ofBoolean(true))
                    .build();
        }).toList();
    }

    private static final class ForUnit extends ComputedAssociation {
        private final Masking masking;
        private final DiskRegistry disks;

        ForUnit(Masking masking, DiskRegistry disks) {
            this.masking = masking;
            this.disks = disks;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            CimNamespace ns = context.namespace();
            ModelAssociations.Links links = new ModelAssociations.Links(context, PROTOCOL_CONTROLLER_FOR_UNIT);
            for (Masking.Controller c : masking.state().controllers().values()) {
                ObjectPath spc = ProtocolControllers.path(c.deviceId(), ns);
                if (c.defaultView()) {
                    for (VirtualDisk disk : disks.disks()) {
                        int lun = disk.isDeleted() ? -1 : masking.defaultLun(disk.id());
                        if (lun >= 0) {
                            add(links, spc, disk.id(), lun, MaskingModel.Access.READ_WRITE, ns);
                        }
                    }
                    continue;
                }
                c.units().forEach((lun, unit) -> add(links, spc, unit.diskId(), lun, unit.access(), ns));
            }
            return links.list();
        }

        private static void add(ModelAssociations.Links links, ObjectPath spc, String diskId, int lun, MaskingModel.Access access,
                                CimNamespace ns) {
            links.add("Antecedent", spc, "Dependent", StorageElements.volumePath(diskId, ns),
                    "DeviceNumber", CimValue.ofString(Integer.toString(lun)),
                    "DeviceAccess", CimValue.ofUint16(switch (access) {
                        case READ_WRITE -> 2;
                        case READ_ONLY -> 3;
                        case NO_ACCESS -> 4;
                    }),
                    "AccessState", CimValue.ofUint16(2)); // Active
        }
    }

    private static final class Subject extends ComputedAssociation {
        private final Masking masking;

        Subject(Masking masking) {
            this.masking = masking;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            CimNamespace ns = context.namespace();
            Masking.State state = masking.state();
            ModelAssociations.Links links = new ModelAssociations.Links(context, AUTHORIZED_SUBJECT);
            for (Masking.Controller c : state.controllers().values()) {
                for (Masking.HardwareId id : state.hardwareIds().values()) {
                    if (c.hardwareIds().contains(id.storageId())) {
                        links.add("Privilege", privilegePath(c.deviceId(), ns),
                                "PrivilegedElement", HardwareIdService.hardwareIdPath(id.instanceId(), ns));
                    }
                }
            }
            return links.list();
        }
    }

    private static final class Target extends ComputedAssociation {
        private final Masking masking;

        Target(Masking masking) {
            this.masking = masking;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            CimNamespace ns = context.namespace();
            ModelAssociations.Links links = new ModelAssociations.Links(context, AUTHORIZED_TARGET);
            for (Masking.Controller c : masking.state().controllers().values()) {
                if (!c.defaultView()) {
                    links.add("Privilege", privilegePath(c.deviceId(), ns), "TargetElement", ProtocolControllers.path(c.deviceId(), ns));
                }
            }
            return links.list();
        }
    }
}
