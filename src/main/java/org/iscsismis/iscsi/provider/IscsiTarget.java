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

    /** The classes {@link #register} serves, all in {@link StorageElements#NAMESPACE}. */
    public static final List<CimName> CLASSES = classes();

    private final DiskRegistry disks;
    private final ReplicationEngine engine;
    private final VolumeIdentity identity;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param identity how volumes are named, the same for CIM and for the iSCSI target node of that name */
    public IscsiTarget(DiskRegistry disks, EngineConfig config, VolumeIdentity identity) {
        this.disks = disks;
        this.engine = new ReplicationEngine(disks, config);
        this.identity = identity;
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
        ModelAssociations.providers(disks).forEach((c, provider) -> registry.register(ns, c, provider));
        registry.register(ns, SystemElements.REPLICATION_SERVICE, new ReplicationServiceProvider(engine));
        registry.register(ns, SystemElements.CONFIGURATION_SERVICE, new StorageConfigurationServiceProvider(engine));
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
