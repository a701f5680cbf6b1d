package org.iscsismis.testing.storage;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimMethod;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimParameter;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.provider.registry.ProviderRegistry;
import org.iscsismis.repository.CimRepository;

/**
 * A small storage model served partly by test providers, partly by the repository:
 * <pre>
 * [Abstract] Test_Element { [Key] string Id; string Name; }
 *   Test_Disk : Test_Element { uint64 Size; Describe(...every type in and out...); Resize(uint64); [Static] Count([Out] Total) }   ← DiskProvider
 *   Test_Pool : Test_Element { uint64 Capacity; Defragment() }   ← repository (no method provider: NOT_SUPPORTED)
 *   Test_Host : Test_Element { }                     (also in the second namespace, where its instance lives)
 * Test_Settings { string Label; uint32 Level; }     (embedded in method parameters)
 * [Association] Test_DiskInPool { [Key] Test_Pool REF GroupComponent; [Key] Test_Disk REF PartComponent; }     ← DiskInPoolProvider
 * [Association] Test_PoolDependency { [Key] Test_Pool REF Antecedent; [Key] Test_Pool REF Dependent; }          ← repository
 * [Association] Test_HostedDisk { [Key] Test_Host REF Antecedent; [Key] Test_Disk REF Dependent; }             ← repository, crosses namespaces
 * </pre>
 * Data: pools P1, P2 (P2 depends on P1); disks D1, D2 in P1 and D3 in P2, plus a dangling link P2→D9;
 * host H1 (in the second namespace) hosts D1.
 */
public final class StorageModel {

    public static final CimName ELEMENT = CimName.of("Test_Element");
    public static final CimName DISK = CimName.of("Test_Disk");
    public static final CimName POOL = CimName.of("Test_Pool");
    public static final CimName HOST = CimName.of("Test_Host");
    public static final CimName SETTINGS = CimName.of("Test_Settings");
    public static final CimName DISK_IN_POOL = CimName.of("Test_DiskInPool");
    public static final CimName POOL_DEPENDENCY = CimName.of("Test_PoolDependency");
    public static final CimName HOSTED_DISK = CimName.of("Test_HostedDisk");

    private StorageModel() {
    }

    static CimClass element() {
        return CimClass.builder(ELEMENT).qualifier("Abstract").key("Id", CimType.STRING).property("Name", CimType.STRING).build();
    }

    static CimClass host() {
        return CimClass.builder(HOST).superClass(ELEMENT).build();
    }

    static CimClass disk() {
        CimQualifier in = CimQualifier.ofTrue("In");
        CimQualifier out = CimQualifier.ofTrue("Out");
        CimQualifier outOnly = CimQualifier.of("In", CimValue.ofBoolean(false));
        CimQualifier settings = CimQualifier.of("EmbeddedInstance", CimValue.ofString(SETTINGS.toString()));
        CimMethod describe = CimMethod.of("Describe", CimType.UINT32, List.of(
                CimParameter.of("Text", CimType.STRING, in),
                CimParameter.of("Count", CimType.UINT16, in),
                CimParameter.of("Numbers", CimType.arrayOf(CimType.Kind.UINT16), in),
                CimParameter.of("Flag", CimType.BOOLEAN, in),
                CimParameter.of("Ratio", CimType.REAL64, in),
                CimParameter.of("When", CimType.DATETIME, in),
                CimParameter.of("Pool", CimType.reference(POOL), in),
                CimParameter.of("Settings", CimType.INSTANCE, in, settings),
                CimParameter.of("Echo", CimType.STRING, outOnly, out),
                CimParameter.of("Doubled", CimType.arrayOf(CimType.Kind.UINT16), outOnly, out),
                CimParameter.of("Negated", CimType.BOOLEAN, outOnly, out),
                CimParameter.of("PoolOut", CimType.reference(POOL), outOnly, out),
                CimParameter.of("SettingsOut", CimType.INSTANCE, outOnly, out, settings),
                CimParameter.of("WhenOut", CimType.DATETIME, outOnly, out)));
        CimMethod resize = CimMethod.of("Resize", CimType.UINT32, List.of(CimParameter.of("NewSize", CimType.UINT64, in)));
        CimMethod count = CimMethod.of("Count", CimType.UINT32, List.of(CimParameter.of("Total", CimType.UINT32, outOnly, out)),
                CimQualifier.ofTrue("Static"));
        return CimClass.builder(DISK).superClass(ELEMENT).property("Size", CimType.UINT64)
                .method(describe).method(resize).method(count).build();
    }

    static CimClass pool() {
        return CimClass.builder(POOL).superClass(ELEMENT).property("Capacity", CimType.UINT64)
                .method(CimMethod.of("Defragment", CimType.UINT32, List.of())).build();
    }

    static CimClass settings() {
        return CimClass.builder(SETTINGS).property("Label", CimType.STRING).property("Level", CimType.UINT32).build();
    }

    static CimClass association(CimName name, String role1, CimName class1, String role2, CimName class2) {
        return CimClass.builder(name).qualifier("Association")
                .key(role1, CimType.reference(class1)).key(role2, CimType.reference(class2)).build();
    }

    /** Creates the classes in {@code ns} and, in {@code hostNs}, Test_Element and Test_Host. */
    public static void createClasses(CimRepository repo, CimNamespace ns, CimNamespace hostNs) {
        for (CimClass c : List.of(element(), pool(), disk(), host(), settings(),
                association(DISK_IN_POOL, "GroupComponent", POOL, "PartComponent", DISK),
                association(POOL_DEPENDENCY, "Antecedent", POOL, "Dependent", POOL),
                association(HOSTED_DISK, "Antecedent", HOST, "Dependent", DISK))) {
            repo.createClass(ns, c);
        }
        repo.createClass(hostNs, element());
        repo.createClass(hostNs, host());
    }

    public static ObjectPath path(CimName className, String id) {
        return ObjectPath.builder(className).key("Id", id).build();
    }

    public static ObjectPath path(CimNamespace ns, CimName className, String id) {
        return ObjectPath.builder(className).namespace(ns).key("Id", id).build();
    }

    /** Static instances: pools, their dependency, the host in {@code hostNs} and the cross-namespace link. */
    public static void seed(CimRepository repo, CimNamespace ns, CimNamespace hostNs) {
        repo.createInstance(ns, CimInstance.builder(POOL).property("Id", "P1").property("Name", "pool one")
                .property("Capacity", CimValue.ofUint64(1000)).build());
        repo.createInstance(ns, CimInstance.builder(POOL).property("Id", "P2").property("Name", "pool two")
                .property("Capacity", CimValue.ofUint64(2000)).build());
        repo.createInstance(ns, CimInstance.builder(POOL_DEPENDENCY)
                .property("Antecedent", CimValue.ofReference(path(POOL, "P1")))
                .property("Dependent", CimValue.ofReference(path(POOL, "P2"))).build());
        repo.createInstance(hostNs, CimInstance.builder(HOST).property("Id", "H1").property("Name", "host one").build());
        repo.createInstance(ns, CimInstance.builder(HOSTED_DISK)
                .property("Antecedent", CimValue.ofReference(path(hostNs, HOST, "H1")))
                .property("Dependent", CimValue.ofReference(path(DISK, "D1"))).build());
    }

    /** Classes, data and the test providers (DiskProvider for Test_Disk, DiskInPoolProvider for Test_DiskInPool). */
    public static void install(CimRepository repo, ProviderRegistry registry, CimNamespace ns, CimNamespace hostNs) {
        createClasses(repo, ns, hostNs);
        seed(repo, ns, hostNs);
        DiskProvider disks = new DiskProvider();
        disks.put("D1", "disk one", 100);
        disks.put("D2", "disk two", 200);
        disks.put("D3", "disk three", 300);
        registry.register(ns, DISK, disks);
        DiskInPoolProvider links = new DiskInPoolProvider();
        links.link("P1", "D1");
        links.link("P1", "D2");
        links.link("P2", "D3");
        links.link("P2", "D9");
        registry.register(ns, DISK_IN_POOL, links);
    }
}
