package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.provider.InstanceProvider;
import org.iscsismis.provider.MethodArguments;
import org.iscsismis.provider.MethodResult;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.replication.EngineConfig;
import org.iscsismis.replication.ReplicationEngine;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.PackagedSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The system, capabilities and settings instances, their methods, and the rescan. */
class ModelProvidersTest {

    static final CimNamespace NS = StorageElements.NAMESPACE;
    static CimRepository schema;
    DiskRegistry disks;
    DiskPool pool;
    ProviderContext ctx;

    @BeforeAll
    static void loadSchema() {
        schema = PackagedSchema.load();
    }

    @BeforeEach
    void setUp() {
        disks = new DiskRegistry();
        pool = disks.createPool("p", (1L << 30) + 100);
        disks.createDisk(pool.id(), "a", 1L << 20, 512);
        ctx = new ProviderContext(NS, schema, Clock.systemUTC());
    }

    static List<CimInstance> enumerate(InstanceProvider p, ProviderContext ctx, CimName className) {
        List<CimInstance> out = new ArrayList<>();
        p.enumerateInstances(ctx, className, out::add);
        return out;
    }

    /** Every property the builder sets is declared by the class (names and keys as the MOF has them). */
    void assertDeclared(CimInstance i) {
        var cls = schema.findClass(NS, i.className());
        for (var p : i.properties()) {
            assertTrue(cls.property(p.name()) != null, () -> i.className() + " declares no " + p.name());
        }
        assertEquals(i.path(), i.pathFrom(cls, NS), "path = the key properties");
    }

    @Test
    void theSystemIsAStorageArrayAndRescans() {
        ComputerSystemProvider p = new ComputerSystemProvider(disks);
        List<CimInstance> all = enumerate(p, ctx, SystemElements.COMPUTER_SYSTEM);
        assertEquals(1, all.size());
        CimInstance system = all.get(0);
        assertDeclared(system);
        assertEquals(List.of(3, 15), system.value("Dedicated").values()); // Storage, Block Server
        assertEquals(system, p.getInstance(ctx, SystemElements.systemPath(NS)));
        ObjectPath other = SystemElements.systemPath(NS).withKeys(List.of(
                new KeyBinding(CimName.of("CreationClassName"), CimValue.ofString("MSFTSM_ComputerSystem")),
                new KeyBinding(CimName.of("Name"), CimValue.ofString("other"))));
        assertEquals(CimStatus.NOT_FOUND, assertThrows(CimException.class, () -> p.getInstance(ctx, other)).status());
        MethodResult rescan = p.invokeMethod(ctx, SystemElements.systemPath(NS), CimName.of("RescanExtents"), MethodArguments.none());
        assertEquals(0, rescan.returnValue().asLong());
        assertEquals(1, p.invokeMethod(ctx, SystemElements.systemPath(NS), CimName.of("SetPowerState"), MethodArguments.none())
                .returnValue().asLong());
    }

    @Test
    void rescanCountsTheRegistryAndSeesDeletedDisks() {
        disks.createDisk(pool.id(), "b", 1L << 20, 512);
        ExtentRescan scan = ExtentRescan.of(disks);
        assertEquals(1, scan.pools());
        assertEquals(2, scan.disks());
        assertTrue(scan.sound());
        disks.deleteDisk("disk-2");
        assertEquals(1, ExtentRescan.of(disks).disks());
    }

    @Test
    void serviceCapabilitiesOneEach() {
        try (ReplicationEngine engine = new ReplicationEngine(disks, EngineConfig.defaults())) {
            serviceCapabilities(new ServiceCapabilitiesProvider(engine));
        }
    }

    void serviceCapabilities(ServiceCapabilitiesProvider p) {
        for (CimName c : ServiceCapabilitiesProvider.CLASSES) {
            List<CimInstance> all = enumerate(p, ctx, c);
            assertEquals(1, all.size(), c::toString);
            assertDeclared(all.get(0));
            assertEquals(all.get(0), p.getInstance(ctx, all.get(0).path()));
        }
        CimInstance rsc = p.getInstance(ctx, SystemElements.replicationServiceCapabilitiesPath(NS));
        assertEquals(List.of(2, 3, 6, 10), rsc.value("SupportedReplicationTypes").values());
        CimInstance legacy = p.getInstance(ctx, SystemElements.storageReplicationCapabilitiesPath(NS));
        assertEquals(1L, legacy.value("MaximumLocalReplicationDepth").asLong());
        assertEquals(Boolean.TRUE, legacy.value("IncrementalDeltasSupported").asBoolean());
        // a capabilities path of the wrong class is not found
        ObjectPath wrong = SystemElements.replicationServiceCapabilitiesPath(NS).withClassName(SystemElements.CONFIGURATION_CAPABILITIES);
        assertThrows(CimException.class, () -> p.getInstance(ctx, wrong));
    }

    @Test
    void eachPoolHasOneCapabilitiesAndOneSetting() {
        DiskPool second = disks.createPool("q", 1L << 20);
        PoolCapabilitiesProvider p = new PoolCapabilitiesProvider(disks);
        List<CimInstance> caps = enumerate(p, ctx, SystemElements.STORAGE_CAPABILITIES);
        List<CimInstance> settings = enumerate(p, ctx, SystemElements.STORAGE_SETTING);
        assertEquals(2, caps.size());
        assertEquals(2, settings.size());
        caps.forEach(this::assertDeclared);
        settings.forEach(this::assertDeclared);
        assertEquals(SystemElements.storageCapabilitiesPath(second.id(), NS), caps.get(1).path());
        assertEquals(5L, caps.get(0).value("ElementType").asLong()); // StoragePool
        assertEquals(settings.get(1), p.getInstance(ctx, SystemElements.storageSettingPath(second.id(), NS)));
        assertThrows(CimException.class, () -> p.getInstance(ctx, SystemElements.storageSettingPath("pool-9", NS)));
        ObjectPath capsPath = caps.get(0).path();
        assertEquals(1, p.invokeMethod(ctx, capsPath, CimName.of("CreateSetting"), MethodArguments.of(
                Map.of(CimName.of("SettingType"), CimValue.ofUint16(3)))).returnValue().asLong());
        assertEquals(2, p.invokeMethod(ctx, capsPath, CimName.of("GetSupportedParityLayouts"), MethodArguments.none())
                .returnValue().asLong());
    }

    @Test
    void poolSizesAreARangeOfBlocksUpToTheCapacity() {
        StoragePoolProvider p = new StoragePoolProvider(disks);
        ObjectPath path = StorageElements.poolPath(pool.id(), NS);
        MethodResult range = p.invokeMethod(ctx, path, CimName.of("GetSupportedSizeRange"),
                MethodArguments.of(Map.of(CimName.of("ElementType"), CimValue.ofUint16(3))));
        assertEquals(0, range.returnValue().asLong());
        assertEquals(512L, range.outParameters().get(CimName.of("MinimumVolumeSize")).asLong());
        assertEquals(1L << 30, range.outParameters().get(CimName.of("MaximumVolumeSize")).asLong()); // rounded down to blocks
        assertEquals(2, p.invokeMethod(ctx, path, CimName.of("GetSupportedSizes"),
                MethodArguments.of(Map.of(CimName.of("ElementType"), CimValue.ofUint16(3)))).returnValue().asLong());
        assertEquals(3, p.invokeMethod(ctx, path, CimName.of("GetSupportedSizeRange"),
                MethodArguments.of(Map.of(CimName.of("ElementType"), CimValue.ofUint16(2)))).returnValue().asLong());
        assertEquals(1, p.invokeMethod(ctx, path, CimName.of("GetAvailableExtents"), MethodArguments.none()).returnValue().asLong());
    }
}
