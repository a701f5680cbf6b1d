package org.iscsismis.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.provider.AbstractAssociationProvider;
import org.iscsismis.provider.AbstractInstanceProvider;
import org.iscsismis.provider.Provider;
import org.iscsismis.repository.CimRepository;
import org.iscsismis.repository.StandardQualifiers;
import org.iscsismis.testing.storage.StorageModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    static final CimNamespace NS = CimNamespace.of("root/store");
    static final CimNamespace HOSTS = CimNamespace.of("root/hosts");

    private CimRepository repo;
    private ProviderRegistry registry;
    private final Provider disks = new AbstractInstanceProvider() { };

    @BeforeEach
    void setUp() {
        repo = new CimRepository();
        repo.createNamespace(NS, StandardQualifiers.declarations());
        repo.createNamespace(HOSTS, StandardQualifiers.declarations());
        StorageModel.createClasses(repo, NS, HOSTS);
        registry = new ProviderRegistry(repo);
    }

    private void assertRefused(Runnable r, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), () -> e.getMessage() + " should mention " + m);
        }
    }

    @Test
    void refusesUnknownNamespaceUnknownClassAndDuplicates() {
        assertRefused(() -> registry.register(CimNamespace.of("root/nope"), StorageModel.DISK, disks), "root/nope", "does not exist");
        assertRefused(() -> registry.register(NS, CimName.of("Test_Nope"), disks), "Test_Nope", "does not exist");
        registry.register(NS, StorageModel.DISK, disks);
        assertRefused(() -> registry.register(NS, CimName.of("test_disk"), new AbstractInstanceProvider() { }), "already served");
        assertSame(disks, registry.provider(NS, CimName.of("TEST_DISK")));
    }

    @Test
    void refusesAnAssociationProviderForANonAssociationAndAProviderOfNothing() {
        assertRefused(() -> registry.register(NS, StorageModel.DISK, new AbstractAssociationProvider() { }), "not an association");
        assertRefused(() -> registry.register(NS, StorageModel.DISK, new Provider() { }), "implements none");
        registry.register(NS, StorageModel.DISK_IN_POOL, new AbstractAssociationProvider() { });
    }

    @Test
    void routeListsTheClassAndEverySubclassWithItsServer() {
        registry.register(NS, StorageModel.DISK, disks);
        Route r = registry.route(NS, CimName.of("test_element"));
        assertEquals(StorageModel.ELEMENT, r.className());
        assertEquals(List.of("Test_Element", "Test_Pool", "Test_Disk", "Test_Host"),
                r.entries().stream().map(e -> e.className().toString()).toList());
        Map<String, Provider> byClass = new java.util.HashMap<>();
        r.entries().forEach(e -> byClass.put(e.className().toString(), e.provider()));
        assertSame(disks, byClass.get("Test_Disk"));
        assertNull(byClass.get("Test_Pool"));
        assertFalse(r.repositoryOnly());
        assertTrue(registry.route(NS, StorageModel.POOL).repositoryOnly());
        assertTrue(registry.repositoryOnly(HOSTS));
        assertFalse(registry.repositoryOnly(NS));
    }

    @Test
    void lookupsReadAnImmutableSnapshot() {
        Map<CimName, Provider> before = registry.providers(NS);
        registry.register(NS, StorageModel.DISK, disks);
        assertTrue(before.isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> registry.providers(NS).put(StorageModel.POOL, disks));
    }
}
