package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.AssociationListProvider;
import org.iscsismis.provider.ProviderContext;

/**
 * The associations that tie the target together, each computed from the live registry:
 * <pre>
 * MSFTSM_ComputerSystem ─HostedService──────────▶ ReplicationService, StorageConfigurationService,
 *                                                 ControllerConfigurationService, StorageHardwareIDManagementService,
 *                                                 iSCSIConfigurationService (and ISMIS_FaultInjectionService where
 *                                                 fault injection is enabled)
 *                       ─HostedStoragePool──────▶ each StoragePool ─AllocatedFromStoragePool─▶ its StorageVolumes
 *                       ─SystemDevice───────────▶ each StorageVolume, each SCSIProtocolController
 * ReplicationService ─ElementCapabilities─▶ ReplicationServiceCapabilities
 * StorageConfigurationService ─ElementCapabilities─▶ StorageConfigurationCapabilities, StorageReplicationCapabilities
 * ControllerConfigurationService ─ElementCapabilities─▶ ProtocolControllerMaskingCapabilities
 * iSCSIConfigurationService ─ElementCapabilities─▶ iSCSIConfigurationCapabilities, iSCSICapabilities
 * StoragePool ─ElementCapabilities─▶ its StorageCapabilities ─StorageSettingsAssociatedToCapabilities─▶ its StorageSetting
 * </pre>
 * The services are served elsewhere; here they are only the paths of {@link SystemElements}.
 */
public final class ModelAssociations {

    public static final CimName HOSTED_SERVICE = CimName.of("MSISCSITARGET_HostedService");
    public static final CimName HOSTED_STORAGE_POOL = CimName.of("MSISCSITARGET_HostedStoragePool");
    public static final CimName ALLOCATED_FROM_STORAGE_POOL = CimName.of("MSISCSITARGET_AllocatedFromStoragePool");
    public static final CimName SYSTEM_DEVICE = CimName.of("MSISCSITARGET_SystemDevice");
    public static final CimName ELEMENT_CAPABILITIES = CimName.of("MSISCSITARGET_ElementCapabilities");
    public static final CimName SETTINGS_TO_CAPABILITIES = CimName.of("MSISCSITARGET_StorageSettingsAssociatedToCapabilities");

    public static final List<CimName> CLASSES = List.of(HOSTED_SERVICE, HOSTED_STORAGE_POOL, ALLOCATED_FROM_STORAGE_POOL,
            SYSTEM_DEVICE, ELEMENT_CAPABILITIES, SETTINGS_TO_CAPABILITIES);

    private ModelAssociations() {
    }

    /** The provider of each association class. */
    static Map<CimName, ComputedAssociation> providers(DiskRegistry disks, Masking masking) {
        return Map.of(HOSTED_SERVICE, new HostedService(),
                HOSTED_STORAGE_POOL, new HostedStoragePool(disks),
                ALLOCATED_FROM_STORAGE_POOL, new AllocatedFromStoragePool(disks),
                SYSTEM_DEVICE, new SystemDevice(disks, masking),
                ELEMENT_CAPABILITIES, new ElementCapabilities(disks),
                SETTINGS_TO_CAPABILITIES, new SettingsToCapabilities(disks));
    }

    /** Builds association instances of one class with their paths (the class's keys, in this namespace). */
    static final class Links {
        private final CimName className;
        private final CimClass cls;
        private final CimNamespace ns;
        private final List<CimInstance> out = new ArrayList<>();

        Links(ProviderContext context, CimName className) {
            this.className = className;
            this.cls = context.findClass(className);
            this.ns = context.namespace();
        }

        Links add(String role, ObjectPath from, String otherRole, ObjectPath to, Object... extra) {
            CimInstance.Builder b = CimInstance.builder(className)
                    .property(role, CimValue.ofReference(from))
                    .property(otherRole, CimValue.ofReference(to));
            for (int i = 0; i < extra.length; i += 2) {
                b.property((String) extra[i], (CimValue) extra[i + 1]);
            }
            CimInstance instance = b.build();
            out.add(instance.withPath(instance.pathFrom(cls, ns)));
            return this;
        }

        List<CimInstance> list() {
            return List.copyOf(out);
        }
    }

    // ------------------------------------------------------------------ system ─▶ services, pools, volumes

    static final class HostedService extends ComputedAssociation {
        @Override
        List<CimInstance> instances(ProviderContext context) {
            CimNamespace ns = context.namespace();
            ObjectPath system = SystemElements.systemPath(ns);
            Links links = new Links(context, HOSTED_SERVICE)
                    .add("Antecedent", system, "Dependent", SystemElements.replicationServicePath(ns))
                    .add("Antecedent", system, "Dependent", SystemElements.configurationServicePath(ns))
                    .add("Antecedent", system, "Dependent", ControllerConfigurationService.servicePath(ns))
                    .add("Antecedent", system, "Dependent", HardwareIdService.servicePath(ns))
                    .add("Antecedent", system, "Dependent", IscsiConfigurationService.servicePath(ns));
            if (context.findClass(FaultInjectionProvider.CLASS) != null) { // defined only when fault injection is enabled
                links.add("Antecedent", system, "Dependent", FaultInjectionProvider.servicePath(ns));
            }
            return links.list();
        }
    }

    static final class HostedStoragePool extends ComputedAssociation {
        private final DiskRegistry disks;

        HostedStoragePool(DiskRegistry disks) {
            this.disks = disks;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            CimNamespace ns = context.namespace();
            Links links = new Links(context, HOSTED_STORAGE_POOL);
            for (DiskPool pool : disks.pools()) {
                links.add("GroupComponent", SystemElements.systemPath(ns), "PartComponent", StorageElements.poolPath(pool.id(), ns));
            }
            return links.list();
        }
    }

    /** The system's volumes and its protocol controllers (one per iSCSI target node). */
    static final class SystemDevice extends ComputedAssociation {
        private final DiskRegistry disks;
        private final Masking masking;

        SystemDevice(DiskRegistry disks, Masking masking) {
            this.disks = disks;
            this.masking = masking;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            return of(context, liveDisks(disks), true);
        }

        @Override
        List<CimInstance> candidates(ProviderContext context, ObjectPath source) {
            VirtualDisk volume = volume(disks, context, source);
            return volume == null ? instances(context) : of(context, List.of(volume), false);
        }

        private List<CimInstance> of(ProviderContext context, List<VirtualDisk> volumes, boolean controllers) {
            CimNamespace ns = context.namespace();
            Links links = new Links(context, SYSTEM_DEVICE);
            for (VirtualDisk disk : volumes) {
                links.add("GroupComponent", SystemElements.systemPath(ns), "PartComponent", StorageElements.volumePath(disk.id(), ns));
            }
            if (controllers) {
                for (Masking.Controller c : masking.state().controllers().values()) {
                    links.add("GroupComponent", SystemElements.systemPath(ns), "PartComponent", ProtocolControllers.path(c.deviceId(), ns));
                }
            }
            return links.list();
        }
    }

    // ------------------------------------------------------------------ pool ─▶ volumes

    /** SpaceConsumed is what the thin disk has taken from its pool so far (its allocated chunks). */
    static final class AllocatedFromStoragePool extends ComputedAssociation {
        private final DiskRegistry disks;

        AllocatedFromStoragePool(DiskRegistry disks) {
            this.disks = disks;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            return of(context, liveDisks(disks));
        }

        @Override
        List<CimInstance> candidates(ProviderContext context, ObjectPath source) {
            VirtualDisk volume = volume(disks, context, source);
            if (volume != null) {
                return of(context, List.of(volume));
            }
            String poolId = StorageElements.poolId(source);
            return poolId == null ? instances(context)
                    : of(context, disks.disksIn(poolId).stream().filter(d -> !d.isDeleted()).toList());
        }

        private static List<CimInstance> of(ProviderContext context, List<VirtualDisk> volumes) {
            CimNamespace ns = context.namespace();
            Links links = new Links(context, ALLOCATED_FROM_STORAGE_POOL);
            for (VirtualDisk disk : volumes) {
                links.add("Antecedent", StorageElements.poolPath(disk.pool().id(), ns),
                        "Dependent", StorageElements.volumePath(disk.id(), ns),
                        "SpaceConsumed", CimValue.ofUint64(disk.allocatedBytes()));
            }
            return links.list();
        }
    }

    // ------------------------------------------------------------------ capabilities and settings

    static final class ElementCapabilities extends ComputedAssociation {
        private final DiskRegistry disks;

        ElementCapabilities(DiskRegistry disks) {
            this.disks = disks;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            CimNamespace ns = context.namespace();
            Links links = new Links(context, ELEMENT_CAPABILITIES)
                    .add("ManagedElement", SystemElements.replicationServicePath(ns),
                            "Capabilities", SystemElements.replicationServiceCapabilitiesPath(ns))
                    .add("ManagedElement", SystemElements.configurationServicePath(ns),
                            "Capabilities", SystemElements.configurationCapabilitiesPath(ns))
                    .add("ManagedElement", SystemElements.configurationServicePath(ns),
                            "Capabilities", SystemElements.storageReplicationCapabilitiesPath(ns))
                    .add("ManagedElement", ControllerConfigurationService.servicePath(ns),
                            "Capabilities", MaskingCapabilities.capabilitiesPath(ns))
                    .add("ManagedElement", IscsiConfigurationService.servicePath(ns),
                            "Capabilities", IscsiConfigurationService.configurationCapabilitiesPath(ns))
                    .add("ManagedElement", IscsiConfigurationService.servicePath(ns),
                            "Capabilities", IscsiConfigurationService.iscsiCapabilitiesPath(ns));
            for (DiskPool pool : disks.pools()) {
                links.add("ManagedElement", StorageElements.poolPath(pool.id(), ns),
                        "Capabilities", SystemElements.storageCapabilitiesPath(pool.id(), ns));
            }
            return links.list();
        }
    }

    /** DefaultSetting is TRUE: a pool's one setting is its default. */
    static final class SettingsToCapabilities extends ComputedAssociation {
        private final DiskRegistry disks;

        SettingsToCapabilities(DiskRegistry disks) {
            this.disks = disks;
        }

        @Override
        List<CimInstance> instances(ProviderContext context) {
            CimNamespace ns = context.namespace();
            Links links = new Links(context, SETTINGS_TO_CAPABILITIES);
            for (DiskPool pool : disks.pools()) {
                links.add("Antecedent", SystemElements.storageCapabilitiesPath(pool.id(), ns),
                        "Dependent", SystemElements.storageSettingPath(pool.id(), ns),
                        "DefaultSetting", CimValue.ofBoolean(true));
            }
            return links.list();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<VirtualDisk> liveDisks(DiskRegistry disks) {
        return disks.disks().stream().filter(d -> !d.isDeleted()).toList();
    }

    /** The live disk a source path names, or null if the source is not one of our volumes. */
    private static VirtualDisk volume(DiskRegistry disks, ProviderContext context, ObjectPath source) {
        if (source.namespace() != null && !source.namespace().equals(context.namespace())) {
            return null;
        }
        String diskId = StorageElements.diskId(source.withNamespace(null));
        return diskId == null ? null : disks.findDisk(diskId).filter(d -> !d.isDeleted()).orElse(null);
    }
}
