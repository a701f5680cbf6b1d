package org.iscsismis.iscsi.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.iscsi.disk.DiskPool;
import org.iscsismis.iscsi.disk.DiskRegistry;
import org.iscsismis.iscsi.disk.VirtualDisk;
import org.iscsismis.provider.AssociationQuery;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.server.PackagedSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model's associations from either end, with Role and ResultRole, and as instances. */
class ModelAssociationsTest {

    static final CimNamespace NS = StorageElements.NAMESPACE;
    static CimRepository schema;
    DiskRegistry disks;
    DiskPool p1;
    DiskPool p2;
    VirtualDisk a;
    VirtualDisk b;
    VirtualDisk c;
    ProviderContext ctx;
    Map<CimName, ComputedAssociation> providers;

    @BeforeAll
    static void loadSchema() {
        schema = PackagedSchema.load();
    }

    @BeforeEach
    void setUp() {
        disks = new DiskRegistry();
        p1 = disks.createPool("one", 1L << 30);
        p2 = disks.createPool("two", 1L << 30);
        a = disks.createDisk(p1.id(), "a", 1L << 20, 512);
        b = disks.createDisk(p1.id(), "b", 1L << 20, 512);
        c = disks.createDisk(p2.id(), "c", 1L << 20, 512);
        a.write(0, new byte[disks.chunkSize()]);
        ctx = new ProviderContext(NS, schema, Clock.systemUTC());
        providers = ModelAssociations.providers(disks, new Masking("iqn.2026-12.org.iscsismis:test", true));
    }

    List<CimInstance> refs(CimName assoc, ObjectPath source, String role) {
        List<CimInstance> out = new ArrayList<>();
        providers.get(assoc).references(ctx, assoc, new AssociationQuery(source, role == null ? null : CimName.of(role), null, null), out::add);
        return out;
    }

    List<ObjectPath> far(CimName assoc, ObjectPath source, String role, String resultRole) {
        List<ObjectPath> out = new ArrayList<>();
        providers.get(assoc).associatorNames(ctx, assoc, new AssociationQuery(source, role == null ? null : CimName.of(role),
                resultRole == null ? null : CimName.of(resultRole), null), out::add);
        return out;
    }

    ObjectPath system() {
        return SystemElements.systemPath(NS);
    }

    ObjectPath volume(VirtualDisk d) {
        return StorageElements.volumePath(d.id(), NS);
    }

    ObjectPath pool(DiskPool p) {
        return StorageElements.poolPath(p.id(), NS);
    }

    @Test
    void hostedServiceNamesEveryServiceAndTheFaultInjectionServiceWhereItIsDefined() {
        // the packaged schema declares ISMIS_FaultInjectionService; a server without fault injection deletes it
        assertEquals(List.of(SystemElements.replicationServicePath(NS), SystemElements.configurationServicePath(NS),
                        ControllerConfigurationService.servicePath(NS), HardwareIdService.servicePath(NS),
                        IscsiConfigurationService.servicePath(NS), FaultInjectionProvider.servicePath(NS)),
                far(ModelAssociations.HOSTED_SERVICE, system(), "Antecedent", "Dependent"));
        assertEquals(List.of(system()), far(ModelAssociations.HOSTED_SERVICE, FaultInjectionProvider.servicePath(NS), null, null));
        CimRepository plain = PackagedSchema.load();
        plain.deleteClass(NS, FaultInjectionProvider.CLASS);
        ctx = new ProviderContext(NS, plain, Clock.systemUTC());
        assertEquals(List.of(SystemElements.replicationServicePath(NS), SystemElements.configurationServicePath(NS),
                        ControllerConfigurationService.servicePath(NS), HardwareIdService.servicePath(NS),
                        IscsiConfigurationService.servicePath(NS)),
                far(ModelAssociations.HOSTED_SERVICE, system(), "Antecedent", "Dependent"));
        assertEquals(List.of(system()), far(ModelAssociations.HOSTED_SERVICE, SystemElements.replicationServicePath(NS), null, null));
        assertEquals(List.of(), refs(ModelAssociations.HOSTED_SERVICE, system(), "Dependent"));
    }

    @Test
    void systemToPoolsAndVolumes() {
        assertEquals(List.of(pool(p1), pool(p2)), far(ModelAssociations.HOSTED_STORAGE_POOL, system(), null, "PartComponent"));
        assertEquals(List.of(system()), far(ModelAssociations.HOSTED_STORAGE_POOL, pool(p2), "PartComponent", null));
        ObjectPath defaultView = ProtocolControllers.path(Masking.DEFAULT_VIEW_ID, NS);
        assertEquals(List.of(volume(a), volume(b), volume(c), defaultView), far(ModelAssociations.SYSTEM_DEVICE, system(), null, null));
        assertEquals(List.of(system()), far(ModelAssociations.SYSTEM_DEVICE, defaultView, null, null));
        assertEquals(List.of(system()), far(ModelAssociations.SYSTEM_DEVICE, volume(b), null, null));
        assertEquals(List.of(), far(ModelAssociations.SYSTEM_DEVICE, volume(b), "GroupComponent", null));
        disks.deleteDisk(b.id());
        assertEquals(List.of(), far(ModelAssociations.SYSTEM_DEVICE, volume(b), null, null));
        assertEquals(3, far(ModelAssociations.SYSTEM_DEVICE, system(), null, null).size(), "two volumes and the default view");
    }

    @Test
    void poolsAllocateTheirOwnVolumesWithTheSpaceTheyTook() {
        assertEquals(List.of(volume(a), volume(b)), far(ModelAssociations.ALLOCATED_FROM_STORAGE_POOL, pool(p1), null, null));
        assertEquals(List.of(volume(c)), far(ModelAssociations.ALLOCATED_FROM_STORAGE_POOL, pool(p2), "Antecedent", "Dependent"));
        List<CimInstance> fromA = refs(ModelAssociations.ALLOCATED_FROM_STORAGE_POOL, volume(a), "Dependent");
        assertEquals(1, fromA.size());
        assertEquals(pool(p1), fromA.get(0).value("Antecedent").asReference());
        assertEquals((long) disks.chunkSize(), fromA.get(0).value("SpaceConsumed").asLong());
        assertEquals(0L, refs(ModelAssociations.ALLOCATED_FROM_STORAGE_POOL, volume(b), null).get(0).value("SpaceConsumed").asLong());
        assertEquals(List.of(), refs(ModelAssociations.ALLOCATED_FROM_STORAGE_POOL, volume(a), "Antecedent"));
    }

    @Test
    void capabilitiesOfServicesAndPools() {
        assertEquals(List.of(SystemElements.replicationServiceCapabilitiesPath(NS)),
                far(ModelAssociations.ELEMENT_CAPABILITIES, SystemElements.replicationServicePath(NS), null, null));
        assertEquals(List.of(SystemElements.configurationCapabilitiesPath(NS), SystemElements.storageReplicationCapabilitiesPath(NS)),
                far(ModelAssociations.ELEMENT_CAPABILITIES, SystemElements.configurationServicePath(NS), "ManagedElement", null));
        assertEquals(List.of(SystemElements.storageCapabilitiesPath(p2.id(), NS)),
                far(ModelAssociations.ELEMENT_CAPABILITIES, pool(p2), null, "Capabilities"));
        assertEquals(List.of(pool(p2)),
                far(ModelAssociations.ELEMENT_CAPABILITIES, SystemElements.storageCapabilitiesPath(p2.id(), NS), "Capabilities", null));
        List<CimInstance> setting = refs(ModelAssociations.SETTINGS_TO_CAPABILITIES, SystemElements.storageSettingPath(p1.id(), NS), null);
        assertEquals(1, setting.size());
        assertEquals(SystemElements.storageCapabilitiesPath(p1.id(), NS), setting.get(0).value("Antecedent").asReference());
        assertEquals(Boolean.TRUE, setting.get(0).value("DefaultSetting").asBoolean());
    }

    @Test
    void everyInstanceIsFoundByItsPathAndIsReadOnly() {
        for (Map.Entry<CimName, ComputedAssociation> e : providers.entrySet()) {
            List<ObjectPath> names = new ArrayList<>();
            e.getValue().enumerateInstanceNames(ctx, e.getKey(), names::add);
            for (ObjectPath path : names) {
                assertEquals(path, e.getValue().getInstance(ctx, path).path());
                assertEquals(e.getKey(), path.className());
            }
            assertThrows(CimException.class, () -> e.getValue().deleteInstance(ctx, names.get(0)));
        }
        ObjectPath gone = StorageElements.volumePath("disk-9", NS);
        ObjectPath missing = ObjectPath.builder(ModelAssociations.SYSTEM_DEVICE).namespace(NS)
                .key("GroupComponent", org.iscsismis.cim.CimValue.ofReference(system()))
                .key("PartComponent", org.iscsismis.cim.CimValue.ofReference(gone)).build();
        assertThrows(CimException.class, () -> providers.get(ModelAssociations.SYSTEM_DEVICE).getInstance(ctx, missing));
    }
}
