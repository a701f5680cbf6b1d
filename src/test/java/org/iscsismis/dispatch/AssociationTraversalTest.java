package org.iscsismis.dispatch;

import static org.iscsismis.dispatch.StorageFixture.HOSTS;
import static org.iscsismis.dispatch.StorageFixture.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.iscsismis.testing.storage.StorageModel.DISK;
import static org.iscsismis.testing.storage.StorageModel.DISK_IN_POOL;
import static org.iscsismis.testing.storage.StorageModel.ELEMENT;
import static org.iscsismis.testing.storage.StorageModel.HOST;
import static org.iscsismis.testing.storage.StorageModel.HOSTED_DISK;
import static org.iscsismis.testing.storage.StorageModel.POOL;
import static org.iscsismis.testing.storage.StorageModel.POOL_DEPENDENCY;
import static org.iscsismis.testing.storage.StorageModel.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.AssociatorNamesRequest;
import org.iscsismis.operation.AssociatorsRequest;
import org.iscsismis.operation.ReferenceNamesRequest;
import org.iscsismis.operation.ReferencesRequest;
import org.junit.jupiter.api.Test;

/** Associators, AssociatorNames, References, ReferenceNames over provider and repository associations. */
class AssociationTraversalTest {

    private final StorageFixture f = new StorageFixture();

    private List<String> associatorNames(AssociatorNamesRequest r) {
        return f.run(r).all("objectPath", ObjectPath.class).stream().map(p -> p.namespace() + ":" + p.className() + "."
                + p.key("Id").asString()).sorted().toList();
    }

    @Test
    void associatorNamesFollowProviderAndRepositoryAssociationsAcrossNamespaces() {
        assertEquals(List.of("root/hosts:Test_Host.H1", "root/store:Test_Pool.P1"),
                associatorNames(AssociatorNamesRequest.of(NS, path(DISK, "D1"))));
        assertEquals(List.of("root/store:Test_Disk.D1", "root/store:Test_Disk.D2", "root/store:Test_Pool.P2"),
                associatorNames(AssociatorNamesRequest.of(NS, path(POOL, "P1"))));
        assertEquals(List.of("root/store:Test_Pool.P1"), associatorNames(AssociatorNamesRequest.of(NS, path(DISK, "D2"))));
    }

    @Test
    void assocClassResultClassRoleAndResultRoleFilter() {
        ObjectPath p1 = path(POOL, "P1");
        assertEquals(List.of("root/store:Test_Disk.D1", "root/store:Test_Disk.D2"),
                associatorNames(AssociatorNamesRequest.builder(NS, p1).assocClass(DISK_IN_POOL).build()));
        assertEquals(List.of("root/store:Test_Pool.P2"),
                associatorNames(AssociatorNamesRequest.builder(NS, p1).resultClass(POOL).build()));
        assertEquals(List.of("root/store:Test_Disk.D1", "root/store:Test_Disk.D2", "root/store:Test_Pool.P2"),
                associatorNames(AssociatorNamesRequest.builder(NS, p1).resultClass(ELEMENT).build()));
        // P1 is the Antecedent of P2: through Role=Dependent it has no dependency partner
        assertEquals(List.of("root/store:Test_Pool.P2"),
                associatorNames(AssociatorNamesRequest.builder(NS, p1).assocClass(POOL_DEPENDENCY).role(CimName.of("antecedent")).build()));
        assertEquals(List.of(), associatorNames(AssociatorNamesRequest.builder(NS, p1).assocClass(POOL_DEPENDENCY)
                .role(CimName.of("Dependent")).build()));
        assertEquals(List.of("root/store:Test_Pool.P1"), associatorNames(AssociatorNamesRequest.builder(NS, path(POOL, "P2"))
                .resultRole(CimName.of("Antecedent")).build()));
        assertEquals(List.of("root/store:Test_Disk.D1", "root/store:Test_Disk.D2"), associatorNames(AssociatorNamesRequest
                .builder(NS, p1).role(CimName.of("GroupComponent")).resultRole(CimName.of("PartComponent")).build()));
    }

    @Test
    void associatorsFetchFarEndsFromTheirServersSkipDanglingOnesAndFilterOnce() {
        List<CimInstance> disks = f.run(AssociatorsRequest.builder(NS, path(POOL, "P2")).resultClass(DISK)
                .propertyList(List.of(CimName.of("Size"))).build()).all("objectWithPath", CimInstance.class);
        assertEquals(1, disks.size(), "D9 dangles and is skipped");
        CimInstance d3 = disks.get(0);
        assertEquals(path(NS, DISK, "D3"), d3.path());
        assertEquals(NS, d3.path().namespace(), "full paths");
        assertEquals(List.of(CimName.of("Size")), d3.properties().stream().map(p -> p.name()).toList());

        List<CimInstance> ofD1 = f.run(AssociatorsRequest.of(NS, path(DISK, "D1"))).all("objectWithPath", CimInstance.class);
        CimInstance host = ofD1.stream().filter(i -> i.className().equals(HOST)).findFirst().orElseThrow();
        assertEquals(HOSTS, host.path().namespace());
        assertEquals("host one", host.value("Name").asString());
    }

    @Test
    void referencesFromProviderAndRepository() {
        List<CimInstance> refs = f.run(ReferencesRequest.of(NS, path(POOL, "P1"))).all("objectWithPath", CimInstance.class);
        assertEquals(List.of("Test_DiskInPool", "Test_DiskInPool", "Test_PoolDependency"),
                refs.stream().map(i -> i.className().toString()).sorted().toList());
        refs.forEach(i -> assertEquals(NS, i.path().namespace()));
        CimInstance link = refs.stream().filter(i -> i.className().equals(DISK_IN_POOL)).findFirst().orElseThrow();
        assertEquals(2, link.path().keys().size(), "the provider's instance got a path from its keys");

        List<ObjectPath> names = f.run(ReferenceNamesRequest.builder(NS, path(POOL, "P1")).resultClass(POOL_DEPENDENCY).build())
                .all("objectPath", ObjectPath.class);
        assertEquals(1, names.size());
        assertEquals(POOL_DEPENDENCY, names.get(0).className());
        assertEquals(List.of(), f.run(ReferenceNamesRequest.builder(NS, path(POOL, "P1")).role(CimName.of("Dependent")).build())
                .all("objectPath", ObjectPath.class));
        List<ObjectPath> diskRefs = f.run(ReferenceNamesRequest.of(NS, path(DISK, "D1"))).all("objectPath", ObjectPath.class);
        assertEquals(List.of("Test_DiskInPool", "Test_HostedDisk"), diskRefs.stream().map(p -> p.className().toString()).sorted().toList());

        List<CimInstance> filtered = f.run(ReferencesRequest.builder(NS, path(DISK, "D1")).resultClass(HOSTED_DISK)
                .propertyList(List.of()).build()).all("objectWithPath", CimInstance.class);
        assertEquals(1, filtered.size());
        assertTrue(filtered.get(0).properties().isEmpty());
        assertEquals(2, filtered.get(0).path().keys().size(), "keys stay in the path");
    }

    @Test
    void crossNamespaceSourceObject() {
        ObjectPath h1 = path(HOSTS, HOST, "H1");
        List<CimInstance> disks = f.run(AssociatorsRequest.of(NS, h1)).all("objectWithPath", CimInstance.class);
        assertEquals(List.of(path(NS, DISK, "D1")), disks.stream().map(CimInstance::path).toList());
        assertEquals(List.of(HOSTED_DISK), f.run(ReferenceNamesRequest.of(NS, h1)).all("objectPath", ObjectPath.class)
                .stream().map(ObjectPath::className).toList());
    }

    @Test
    void classLevelAnswersComeFromTheDeclarations() {
        ObjectPath disk = ObjectPath.forClass(null, DISK);
        List<CimName> refs = f.run(ReferenceNamesRequest.of(NS, disk)).all("objectPath", ObjectPath.class).stream()
                .map(ObjectPath::className).sorted().toList();
        assertEquals(List.of(DISK_IN_POOL, HOSTED_DISK), refs);
        List<CimName> assoc = f.run(AssociatorNamesRequest.of(NS, disk)).all("objectPath", ObjectPath.class).stream()
                .map(ObjectPath::className).sorted().toList();
        assertEquals(List.of(HOST, POOL), assoc);
        assertEquals(List.of(POOL), f.run(AssociatorNamesRequest.builder(NS, disk).resultClass(POOL).build())
                .all("objectPath", ObjectPath.class).stream().map(ObjectPath::className).toList());
        List<CimClass> classes = f.run(AssociatorsRequest.builder(NS, disk).assocClass(DISK_IN_POOL).build())
                .all("objectWithPathClass", CimClass.class);
        assertEquals(List.of(POOL), classes.stream().map(CimClass::name).toList());
        assertTrue(classes.get(0).qualifiers().isEmpty(), "IncludeQualifiers defaults to false");
        assertEquals(2, f.run(ReferencesRequest.of(NS, ObjectPath.forClass(null, POOL))).all("objectWithPathClass", CimClass.class).size());
        // a superclass's associations: Test_Element is referenced by none, Test_Pool's dependency is not Test_Element's
        assertEquals(List.of(), f.run(ReferenceNamesRequest.of(NS, ObjectPath.forClass(null, ELEMENT))).all("objectPath", ObjectPath.class));
    }

    @Test
    void errors() {
        assertCimError(CimStatus.INVALID_PARAMETER, () -> f.run(AssociatorsRequest.builder(NS, path(DISK, "D1"))
                .assocClass(CimName.of("Test_Nope")).build()), "AssocClass", "Test_Nope");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> f.run(ReferenceNamesRequest.builder(NS, path(DISK, "D1"))
                .resultClass(CimName.of("Test_Nope")).build()), "ResultClass");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> f.run(AssociatorNamesRequest.of(NS, path(CimName.of("Test_Nope"), "x"))),
                "Test_Nope");
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> f.run(ReferencesRequest.of(NS, path(CimNamespace.of("root/nope"), DISK, "D1"))),
                "root/nope");
        assertEquals(List.of(), f.run(AssociatorNamesRequest.of(NS, path(DISK, "D42"))).all("objectPath", ObjectPath.class),
                "a source that does not exist has no associations");
    }
}
