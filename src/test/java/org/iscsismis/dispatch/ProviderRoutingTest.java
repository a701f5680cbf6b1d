package org.iscsismis.dispatch;

import static org.iscsismis.dispatch.StorageFixture.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.iscsismis.testing.storage.StorageModel.DISK;
import static org.iscsismis.testing.storage.StorageModel.ELEMENT;
import static org.iscsismis.testing.storage.StorageModel.POOL;
import static org.iscsismis.testing.storage.StorageModel.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.util.List;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.CreateInstanceRequest;
import org.iscsismis.operation.DeleteClassRequest;
import org.iscsismis.operation.ModifyClassRequest;
import org.iscsismis.operation.DeleteInstanceRequest;
import org.iscsismis.operation.EnumerateInstanceNamesRequest;
import org.iscsismis.operation.EnumerateInstancesRequest;
import org.iscsismis.operation.GetInstanceRequest;
import org.iscsismis.operation.GetPropertyRequest;
import org.iscsismis.operation.ModifyInstanceRequest;
import org.iscsismis.operation.SetPropertyRequest;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.ProviderContext;
import org.iscsismis.provider.ResultSink;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.iscsismis.testing.storage.StorageModel;
import org.junit.jupiter.api.Test;

/** Instance operations routed to providers and the repository, merged and filtered once. */
class ProviderRoutingTest {

    private final StorageFixture f = new StorageFixture();

    private List<CimInstance> enumerate(EnumerateInstancesRequest r) {
        return f.run(r).all("namedInstance", CimInstance.class);
    }

    @Test
    void enumerateFansOutOverProviderAndRepositoryClasses() {
        List<CimInstance> all = enumerate(EnumerateInstancesRequest.of(NS, ELEMENT));
        assertEquals(List.of("D1", "D2", "D3", "P1", "P2"), StorageFixture.ids(all, CimInstance::path));
        CimInstance d1 = all.stream().filter(i -> i.path().key("Id").asString().equals("D1")).findFirst().orElseThrow();
        assertEquals(CimValue.ofUint64(100), d1.value("Size"));
        assertNull(d1.path().namespace(), "EnumerateInstances answers local paths");
        assertEquals(DISK, d1.path().className());
    }

    @Test
    void filtersAreAppliedOnceToProviderInstances() {
        List<CimInstance> shallow = enumerate(EnumerateInstancesRequest.builder(NS, ELEMENT).deepInheritance(false).build());
        shallow.forEach(i -> assertNull(i.property("Size"), "DeepInheritance=false cuts subclass properties"));
        shallow.forEach(i -> assertNull(i.property("Capacity")));
        List<CimInstance> listed = enumerate(EnumerateInstancesRequest.builder(NS, DISK).propertyList(List.of(CimName.of("Size")))
                .includeClassOrigin(true).build());
        assertEquals(3, listed.size());
        listed.forEach(i -> assertEquals(List.of(CimName.of("Size")), i.properties().stream().map(p -> p.name()).toList()));
        assertEquals(DISK, listed.get(0).property("Size").classOrigin());
    }

    @Test
    void enumerateInstanceNamesMerges() {
        List<ObjectPath> names = f.run(new EnumerateInstanceNamesRequest(NS, ELEMENT)).all("instanceName", ObjectPath.class);
        assertEquals(List.of("D1", "D2", "D3", "P1", "P2"), StorageFixture.ids(names, p -> p));
    }

    @Test
    void singleInstanceOperationsGoToTheProvider() {
        CimInstance got = f.run(GetInstanceRequest.builder(NS, ObjectPath.builder(DISK).key("id", "D2").build())
                .propertyList(List.of(CimName.of("Name"))).build()).only("instance", CimInstance.class);
        assertEquals("disk two", got.value("Name").asString());
        assertNull(got.property("Size"));
        assertCimError(CimStatus.NOT_FOUND, () -> f.run(GetInstanceRequest.of(NS, path(DISK, "D7"))), "D7");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> f.run(GetInstanceRequest.of(NS,
                ObjectPath.builder(DISK).key("Nope", "x").build())), "Nope");

        ObjectPath created = f.run(new CreateInstanceRequest(NS, CimInstance.builder(DISK).property("Id", "D5")
                .property("Size", CimValue.ofUint64(5)).build())).only("instanceName", ObjectPath.class);
        assertEquals(path(DISK, "D5"), created);
        f.run(ModifyInstanceRequest.of(NS, CimInstance.builder(DISK).path(path(DISK, "D5")).property("Name", "five").build()));
        assertEquals("five", f.run(GetInstanceRequest.of(NS, path(DISK, "D5"))).only("instance", CimInstance.class).value("Name").asString());
        f.run(SetPropertyRequest.builder(NS, path(DISK, "D5"), CimName.of("Size")).newValue(CimValue.ofString("55")).build());
        assertEquals(CimValue.ofUint64(55), f.run(new GetPropertyRequest(NS, path(DISK, "D5"), CimName.of("Size")))
                .only("propertyValue", CimValue.class));
        assertCimError(CimStatus.NO_SUCH_PROPERTY, () -> f.run(new GetPropertyRequest(NS, path(DISK, "D5"), CimName.of("Nope"))));
        f.run(new DeleteInstanceRequest(NS, path(DISK, "D5")));
        assertCimError(CimStatus.NOT_FOUND, () -> f.run(new DeleteInstanceRequest(NS, path(DISK, "D5"))));
    }

    @Test
    void repositoryClassesStayInTheRepository() {
        CimInstance p1 = f.run(GetInstanceRequest.of(NS, path(POOL, "P1"))).only("instance", CimInstance.class);
        assertEquals(CimValue.ofUint64(1000), p1.value("Capacity"));
    }

    // ------------------------------------------------------------------ misbehaving providers

    private static final class Misbehaving extends AbstractInstanceProvider {
        volatile boolean throwing = true;

        @Override
        public CimInstance getInstance(ProviderContext context, ObjectPath path) {
            if (throwing) {
                throw new IllegalStateException("boom");
            }
            return CimInstance.builder(POOL).property("Id", "X").build();
        }

        @Override
        public void enumerateInstances(ProviderContext context, CimName className, ResultSink<CimInstance> sink) {
            if (throwing) {
                throw new NullPointerException("oops");
            }
            sink.deliver(CimInstance.builder(POOL).property("Id", "X").build());
        }
    }

    @Test
    void aMisbehavingProviderFailsOneRequestCleanly() {
        CimRepository repo = new CimRepository();
        repo.createNamespace(NS, StandardQualifiers.declarations());
        repo.createNamespace(StorageFixture.HOSTS, StandardQualifiers.declarations());
        StorageModel.createClasses(repo, NS, StorageFixture.HOSTS);
        StorageModel.seed(repo, NS, StorageFixture.HOSTS);
        ProviderRegistry registry = new ProviderRegistry(repo);
        Misbehaving bad = new Misbehaving();
        registry.register(NS, DISK, bad);
        Dispatcher d = new Dispatcher(repo, registry, Clock.systemUTC());

        CimException e = assertCimError(CimStatus.FAILED, () -> d.execute(GetInstanceRequest.of(NS, path(DISK, "D1")), new RecordingSink()),
                "Misbehaving", "Test_Disk", "GetInstance", "boom");
        assertNotNull(e.getCause());
        assertCimError(CimStatus.FAILED, () -> d.execute(EnumerateInstancesRequest.of(NS, ELEMENT), new RecordingSink()),
                "Misbehaving", "Test_Disk", "oops");

        bad.throwing = false;
        assertCimError(CimStatus.FAILED, () -> d.execute(GetInstanceRequest.of(NS, path(DISK, "D1")), new RecordingSink()),
                "Misbehaving", "Test_Pool", "Test_Disk");
        assertCimError(CimStatus.FAILED, () -> d.execute(EnumerateInstancesRequest.of(NS, DISK), new RecordingSink()),
                "Misbehaving", "Test_Pool");

        RecordingSink next = new RecordingSink();
        d.execute(EnumerateInstancesRequest.of(NS, POOL), next);
        assertEquals(2, next.all("namedInstance", CimInstance.class).size(), "the server keeps serving");
    }

    @Test
    void aClassWhoseProviderServesNoInstancesIsServedByTheRepository() {
        f.registry.register(NS, POOL, new org.iscsismis.provider.AbstractMethodProvider() { });
        assertEquals(2, f.run(EnumerateInstancesRequest.of(NS, POOL)).all("namedInstance", CimInstance.class).size());
        assertEquals("pool one", f.run(GetInstanceRequest.of(NS, path(POOL, "P1"))).only("instance", CimInstance.class)
                .value("Name").asString());
    }

    @Test
    void aClassServedByAProviderCannotBeModifiedOrDeleted() {
        assertCimError(CimStatus.FAILED, () -> f.run(new DeleteClassRequest(NS, DISK)), "Test_Disk", "provider");
        assertCimError(CimStatus.FAILED, () -> f.run(new ModifyClassRequest(NS, f.repo.getClass(NS, DISK))),
                "Test_Disk", "provider");
        assertNotNull(f.repo.findClass(NS, DISK), "the class is still there");
    }
}
