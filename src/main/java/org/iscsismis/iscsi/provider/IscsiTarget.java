package org.iscsismis.iscsi.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.InstanceIndications;

import org.iscsismis.iscsi.target.TargetNames;
import org.iscsismis.iscsi.target.VolumeIdentity;

import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.repository.CimRepository;

/**
 * The simulated iSCSI target of one server: its {@link DiskRegistry}, its one {@link ReplicationEngine} and the
 * providers that expose them. The server creates it at start-up and closes it after its HTTP endpoint.
 */
public final class IscsiTarget implements AutoCloseable {

    /** The Masking and Mapping and hardware ID classes. */
    static final List<CimName> MASKING_CLASSES = List.of(ProtocolControllers.CLASS, ControllerConfigurationService.CLASS,
            HardwareIdService.CLASS, HardwareIdService.HARDWARE_ID, MaskingCapabilities.CAPABILITIES, MaskingCapabilities.CLIENT_SETTING,
            MaskingAssociations.PROTOCOL_CONTROLLER_FOR_UNIT, MaskingAssociations.AUTHORIZED_PRIVILEGE,
            MaskingAssociations.AUTHORIZED_SUBJECT, MaskingAssociations.AUTHORIZED_TARGET, IscsiSessions.SESSION,
            IscsiSessions.CONNECTION, IscsiSessions.SETTINGS, IscsiSessions.COMPOSITION, IscsiSessions.ELEMENT_SETTING_DATA,
            IscsiPorts.ISCSI_ENDPOINT, IscsiPorts.TCP_ENDPOINT, IscsiPorts.HOSTED_ACCESS_POINT, IscsiPorts.SAP_AVAILABLE,
            IscsiPorts.BINDS_TO, IscsiPorts.ENDPOINT_OF_PIPE, IscsiConfigurationService.CLASS,
            IscsiConfigurationService.CONFIGURATION_CAPABILITIES, IscsiConfigurationService.ISCSI_CAPABILITIES,
            NetworkPorts.ETHERNET_PORT, NetworkPorts.IP_ENDPOINT, NetworkPorts.SYSTEM_DEVICE, NetworkPorts.HOSTED_ACCESS_POINT,
            NetworkPorts.DEVICE_SAP);

    /** The classes {@link #register} serves, all in {@link StorageElements#NAMESPACE}. */
    public static final List<CimName> CLASSES = classes();

    private final DiskRegistry disks;
    private final ReplicationEngine engine;
    private final VolumeIdentity identity;
    private final Masking masking;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param identity how volumes are named, the same for CIM and for the iSCSI target node of that name */
    public IscsiTarget(DiskRegistry disks, EngineConfig config, VolumeIdentity identity) {
        this.disks = disks;
        this.engine = new ReplicationEngine(disks, config);
        this.identity = identity;
        this.masking = new Masking(identity.targetName(), true);
    }

    public IscsiTarget(DiskRegistry disks, EngineConfig config) {
        this(disks, config, new VolumeIdentity(TargetNames.forSystem(StorageElements.SYSTEM_NAME)));
    }

    public IscsiTarget() {
        this(new DiskRegistry(), EngineConfig.defaults());
    }

    private static List<CimName> classes() {
        List<CimName> all = new ArrayList<>(List.of(StorageElements.POOL, StorageElements.VOLUME, StorageElements.SYNCHRONIZED,
                SystemElements.COMPUTER_SYSTEM, SystemElements.REPLICATION_SERVICE, SystemElements.CONFIGURATION_SERVICE));
        all.addAll(ServiceCapabilitiesProvider.CLASSES);
        all.addAll(PoolCapabilitiesProvider.CLASSES);
        all.addAll(ModelAssociations.CLASSES);
        all.addAll(MASKING_CLASSES);
        return List.copyOf(all);
    }

    public DiskRegistry disks() {
        return disks;
    }

    public ReplicationEngine engine() {
        return engine;
    }

    public VolumeIdentity identity() {
        return identity;
    }

    /** Masking and mapping: hardware IDs and protocol controllers; the server attaches the running iSCSI portal to it. */
    public Masking masking() {
        return masking;
    }

    /** True if the repository declares every class this target serves (a custom schema may not). */
    public static boolean schemaHasClasses(CimRepository repository) {
        return repository.hasNamespace(StorageElements.NAMESPACE)
                && CLASSES.stream().allMatch(c -> repository.findClass(StorageElements.NAMESPACE, c) != null);
    }

    /**
     * Registers the providers of {@link #CLASSES}: pools, volumes, StorageSynchronized (instance and association
     * provider), the target system, the two services with their methods, the capabilities and settings, and the associations
     * around them.
     */
    public void register(ProviderRegistry registry) {
        register(registry, DEFAULT_INDICATION_STEP_PERCENT);
    }

    /** PercentSynced and pool space changes are indicated in steps no finer than this, unless configured otherwise. */
    public static final int DEFAULT_INDICATION_STEP_PERCENT = 10;

    /**
     * As {@link #register(ProviderRegistry)}, and the target's indications ({@link TargetIndications}, registered for
     * CIM_AlertIndication) with PercentSynced and pool space indicated in steps no finer than {@code indicationStepPercent}.
     */
    public void register(ProviderRegistry registry, int indicationStepPercent) {
        CimNamespace ns = StorageElements.NAMESPACE;
        registry.register(ns, InstanceIndications.ALERT_INDICATION, new TargetIndications(engine, disks, identity, indicationStepPercent));
        registry.register(ns, StorageElements.POOL, new StoragePoolProvider(disks));
        registry.register(ns, StorageElements.VOLUME, new StorageVolumeProvider(disks, identity));
        registry.register(ns, StorageElements.SYNCHRONIZED, new StorageSynchronizedProvider(engine));
        registry.register(ns, SystemElements.COMPUTER_SYSTEM, new ComputerSystemProvider(disks));
        ServiceCapabilitiesProvider capabilities = new ServiceCapabilitiesProvider(engine);
        ServiceCapabilitiesProvider.CLASSES.forEach(c -> registry.register(ns, c, capabilities));
        PoolCapabilitiesProvider poolCapabilities = new PoolCapabilitiesProvider(disks);
        PoolCapabilitiesProvider.CLASSES.forEach(c -> registry.register(ns, c, poolCapabilities));
        ModelAssociations.providers(disks, masking).forEach((c, provider) -> registry.register(ns, c, provider));
        registerMasking(registry, ns);
        registry.register(ns, SystemElements.REPLICATION_SERVICE, new ReplicationServiceProvider(engine));
        registry.register(ns, SystemElements.CONFIGURATION_SERVICE, new StorageConfigurationServiceProvider(engine));
    }

    private void registerMasking(ProviderRegistry registry, CimNamespace ns) {
        registry.register(ns, ProtocolControllers.CLASS, new ComputedInstances(n -> ProtocolControllers.all(masking, n)));
        registry.register(ns, ControllerConfigurationService.CLASS, new ControllerConfigurationService(masking, disks, identity));
        registry.register(ns, HardwareIdService.CLASS, new HardwareIdService(masking));
        registry.register(ns, HardwareIdService.HARDWARE_ID, new ComputedInstances(n -> HardwareIdService.hardwareIds(masking, n)));
        registry.register(ns, MaskingCapabilities.CAPABILITIES, new ComputedInstances(MaskingCapabilities::capabilities));
        registry.register(ns, MaskingCapabilities.CLIENT_SETTING, new ComputedInstances(MaskingCapabilities::clientSettings));
        registry.register(ns, MaskingAssociations.AUTHORIZED_PRIVILEGE,
                new ComputedInstances(n -> MaskingAssociations.privileges(masking, n)));
        MaskingAssociations.providers(masking, disks).forEach((c, provider) -> registry.register(ns, c, provider));
        registry.register(ns, IscsiSessions.SESSION, new ComputedInstances(n -> IscsiSessions.sessions(masking, n)));
        registry.register(ns, IscsiSessions.CONNECTION, new ComputedInstances(n -> IscsiSessions.connections(masking, n)));
        registry.register(ns, IscsiSessions.SETTINGS, new ComputedInstances(n -> IscsiSessions.settings(masking, n)));
        registry.register(ns, IscsiSessions.COMPOSITION, ComputedAssociation.of(c -> IscsiSessions.compositions(masking, c)));
        registry.register(ns, IscsiSessions.ELEMENT_SETTING_DATA, ComputedAssociation.of(c -> IscsiSessions.settingData(masking, c)));
        registerPorts(registry, ns);
    }

    private void registerPorts(ProviderRegistry registry, CimNamespace ns) {
        registry.register(ns, IscsiPorts.ISCSI_ENDPOINT, new ComputedInstances(n -> IscsiPorts.iscsiEndpoints(masking, n)));
        registry.register(ns, IscsiPorts.TCP_ENDPOINT, new ComputedInstances(n -> IscsiPorts.tcpEndpoints(masking, n)));
        registry.register(ns, IscsiPorts.HOSTED_ACCESS_POINT, ComputedAssociation.of(c -> IscsiPorts.hostedAccessPoints(masking, c)));
        registry.register(ns, IscsiPorts.SAP_AVAILABLE, ComputedAssociation.of(c -> IscsiPorts.sapAvailable(masking, c)));
        registry.register(ns, IscsiPorts.BINDS_TO, ComputedAssociation.of(c -> IscsiPorts.bindsTo(masking, c)));
        registry.register(ns, IscsiPorts.ENDPOINT_OF_PIPE, ComputedAssociation.of(c -> IscsiPorts.endpointsOfSessions(masking, c)));
        registry.register(ns, IscsiConfigurationService.CLASS, new IscsiConfigurationService(masking));
        registry.register(ns, IscsiConfigurationService.CONFIGURATION_CAPABILITIES,
                new ComputedInstances(IscsiConfigurationService::configurationCapabilities));
        registry.register(ns, IscsiConfigurationService.ISCSI_CAPABILITIES, new ComputedInstances(IscsiConfigurationService::iscsiCapabilities));
        registerNetwork(registry, ns);
    }

    private void registerNetwork(ProviderRegistry registry, CimNamespace ns) {
        registry.register(ns, NetworkPorts.ETHERNET_PORT,
                new ComputedInstances(n -> NetworkPorts.ethernetPorts(NetworkPorts.under(masking.portal()), n)));
        registry.register(ns, NetworkPorts.IP_ENDPOINT,
                new ComputedInstances(n -> NetworkPorts.ipEndpoints(NetworkPorts.under(masking.portal()), n)));
        registry.register(ns, NetworkPorts.SYSTEM_DEVICE,
                ComputedAssociation.of(c -> NetworkPorts.systemDevices(NetworkPorts.under(masking.portal()), c)));
        registry.register(ns, NetworkPorts.HOSTED_ACCESS_POINT,
                ComputedAssociation.of(c -> NetworkPorts.hostedAccessPoints(NetworkPorts.under(masking.portal()), c)));
        registry.register(ns, NetworkPorts.DEVICE_SAP,
                ComputedAssociation.of(c -> NetworkPorts.deviceSaps(NetworkPorts.under(masking.portal()), c)));
    }

    /**
     * Gives every class of Microsoft's provider model ({@code MSISCSITARGET_*}, {@code MSFTSM_*}, {@code MSFTSMNET_*}) in
     * {@link StorageElements#NAMESPACE} that no provider serves yet a read-only provider with no instances, so none of
     * them can be fabricated through the repository: CreateInstance, ModifyInstance and DeleteInstance answer
     * CIM_ERR_NOT_SUPPORTED. Call it after every other registration.
     *
     * @return the classes that got one
     */
    public static List<CimName> registerReadOnlyRest(CimRepository repository, ProviderRegistry registry) {
        CimNamespace ns = StorageElements.NAMESPACE;
        List<CimName> rest = new ArrayList<>();
        repository.classes(ns, null, true).forEach(cls -> {
            String name = cls.name().toString().toUpperCase(java.util.Locale.ROOT);
            boolean ours = name.startsWith("MSISCSITARGET_") || name.startsWith("MSFTSM_") || name.startsWith("MSFTSMNET_");
            if (ours && registry.provider(ns, cls.name()) == null) {
                registry.register(ns, cls.name(), cls.isAssociation() ? ComputedAssociation.of(c -> List.of()) : ComputedInstances.none());
                rest.add(cls.name());
            }
        });
        return rest;
    }

    /**
     * Registers {@link FaultInjectionProvider} for {@code ISMIS_FaultInjectionService}, which the repository must
     * declare (the server defines it only when fault injection is enabled).
     */
    public void registerFaultInjection(ProviderRegistry registry) {
        registry.register(StorageElements.NAMESPACE, FaultInjectionProvider.CLASS, new FaultInjectionProvider(engine));
    }

    /**
     * Stops the engine's copy workers and event thread, then closes the disks' data (kept on a persistent medium,
     * removed with a temporary one). Once; later calls do nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.close();
            disks.close();
        }
    }
}
