package org.iscsismis.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.repository.CimRepository;
import org.junit.jupiter.api.Test;

class ListProvidersTest {

    private static final CimNamespace NS = CimNamespace.of("root/test");
    private static final CimNamespace OTHER = CimNamespace.of("root/other");
    private static final CimName SYSTEM = CimName.of("T_System");
    private static final CimName DISK = CimName.of("T_Disk");
    private static final CimName LINK = CimName.of("T_SystemDevice");

    private final ProviderContext context = new ProviderContext(NS, new CimRepository(), Clock.systemUTC());

    private static ObjectPath system() {
        return ObjectPath.builder(SYSTEM).namespace(NS).key("Name", "sys").build();
    }

    private static ObjectPath disk(long id) {
        return ObjectPath.builder(DISK).namespace(NS).key("Id", CimValue.ofUint32(id)).build();
    }

    private static CimInstance instance(ObjectPath path) {
        return CimInstance.builder(path.className()).path(path).build();
    }

    private static CimInstance link(ObjectPath group, ObjectPath part) {
        ObjectPath path = ObjectPath.builder(LINK).namespace(NS).key("GroupComponent", CimValue.ofReference(group))
                .key("PartComponent", CimValue.ofReference(part)).build();
        return CimInstance.builder(LINK).path(path).property("GroupComponent", CimValue.ofReference(group))
                .property("PartComponent", CimValue.ofReference(part)).build();
    }

    private final List<CimInstance> served = new ArrayList<>(List.of(instance(system()), instance(disk(1)), instance(disk(2))));
    private final InstanceListProvider elements = new InstanceListProvider(() -> List.copyOf(served), "they are computed");
    private final AssociationListProvider links = new AssociationListProvider(
            () -> List.of(link(system(), disk(1)), link(system(), disk(2))), "they are computed");

    private static List<ObjectPath> paths(java.util.function.Consumer<ResultSink<ObjectPath>> call) {
        List<ObjectPath> out = new ArrayList<>();
        call.accept(out::add);
        return out;
    }

    private static List<CimInstance> instances(java.util.function.Consumer<ResultSink<CimInstance>> call) {
        List<CimInstance> out = new ArrayList<>();
        call.accept(out::add);
        return out;
    }

    @Test
    void enumerationsDeliverOnlyTheClassAskedFor() {
        assertEquals(List.of(disk(1), disk(2)), paths(s -> elements.enumerateInstanceNames(context, DISK, s)));
        assertEquals(1, instances(s -> elements.enumerateInstances(context, SYSTEM, s)).size());
    }

    @Test
    void theListIsReadOnEveryCall() {
        served.add(instance(disk(3)));
        assertEquals(3, instances(s -> elements.enumerateInstances(context, DISK, s)).size());
        assertEquals(disk(3), elements.getInstance(context, disk(3)).path());
    }

    @Test
    void aClientsSpellingOfAPathFindsTheInstance() {
        ObjectPath spelled = ObjectPath.builder("t_disk").key("ID", CimValue.ofUint64(2)).build().withHost("client.example");
        assertEquals(disk(2), elements.getInstance(context, spelled).path());
        ObjectPath relativeRefs = ObjectPath.builder(LINK)
                .key("PartComponent", CimValue.ofReference(ObjectPath.builder(DISK).key("Id", CimValue.ofUint8(1)).build()))
                .key("GroupComponent", CimValue.ofReference(ObjectPath.builder(SYSTEM).key("Name", "sys").build().withHost("h")))
                .build();
        assertEquals(link(system(), disk(1)).path(), links.getInstance(context, relativeRefs).path());
    }

    @Test
    void sameInstanceKeepsNamespacesAndKeyStringsApart() {
        assertFalse(InstanceListProvider.sameInstance(system(), system().withNamespace(OTHER), NS));
        assertFalse(InstanceListProvider.sameInstance(system(),
                ObjectPath.builder(SYSTEM).key("Name", "SYS").build(), NS), "string keys compare case-sensitively");
        assertTrue(InstanceListProvider.sameInstance(system().withNamespace(null), system(), NS));
    }

    @Test
    void aPathNotServedIsNotFound() {
        CimException e = assertThrows(CimException.class, () -> elements.getInstance(context, disk(9)));
        assertEquals(CimStatus.NOT_FOUND, e.status());
    }

    @Test
    void writesAreNotSupportedAndSayWhy() {
        CimException create = assertThrows(CimException.class, () -> elements.createInstance(context, instance(disk(5))));
        assertEquals(CimStatus.NOT_SUPPORTED, create.status());
        assertTrue(create.getMessage().contains("CreateInstance is not supported for T_Disk: they are computed"), create.getMessage());
        assertEquals(CimStatus.NOT_SUPPORTED, assertThrows(CimException.class,
                () -> elements.modifyInstance(context, instance(disk(1)), null)).status());
        assertEquals(CimStatus.NOT_SUPPORTED, assertThrows(CimException.class,
                () -> links.deleteInstance(context, link(system(), disk(1)).path())).status());
    }

    @Test
    void associationsAreWalkedFromEitherEndWithRoles() {
        AssociationQuery fromSystem = new AssociationQuery(system(), null, null, null);
        assertEquals(List.of(disk(1), disk(2)), paths(s -> links.associatorNames(context, LINK, fromSystem, s)));
        AssociationQuery fromDisk = new AssociationQuery(disk(2).withNamespace(null), CimName.of("PartComponent"), null, null);
        assertEquals(List.of(link(system(), disk(2)).path()), paths(s -> links.referenceNames(context, LINK, fromDisk, s)));
        AssociationQuery wrongRole = new AssociationQuery(disk(2), CimName.of("GroupComponent"), null, null);
        assertTrue(instances(s -> links.references(context, LINK, wrongRole, s)).isEmpty());
    }
}
