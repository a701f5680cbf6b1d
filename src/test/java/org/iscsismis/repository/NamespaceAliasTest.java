package org.iscsismis.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NamespaceAliasTest {

    static final CimNamespace INTEROP = CimNamespace.of("root/interop");
    static final CimNamespace ALIAS = CimNamespace.of("interop");
    CimRepository repository;

    @BeforeEach
    void setUp() {
        repository = new CimRepository();
        repository.createNamespace(INTEROP);
        repository.createNamespace(CimNamespace.of("root/cimv2"));
        repository.addNamespaceAlias(ALIAS, INTEROP);
    }

    static CimStatus status(Runnable r) {
        return assertThrows(CimException.class, r::run).status();
    }

    @Test
    void anAliasStandsForItsNamespaceAndIsNotListed() {
        assertEquals(INTEROP, repository.canonicalNamespace(CimNamespace.of("INTEROP")));
        assertEquals("root/interop", repository.canonicalNamespace(ALIAS).toString());
        assertEquals(CimNamespace.of("root/cimv2"), repository.canonicalNamespace(CimNamespace.of("root/cimv2")));
        assertFalse(repository.hasNamespace(ALIAS));
        assertEquals(List.of(CimNamespace.of("root/cimv2"), INTEROP), repository.namespaces());
        assertEquals(List.of(ALIAS), repository.aliasesOf(INTEROP));
    }

    @Test
    void anAliasNameIsTaken() {
        assertEquals(CimStatus.ALREADY_EXISTS, status(() -> repository.createNamespace(ALIAS)));
        assertEquals(CimStatus.ALREADY_EXISTS, status(() -> repository.createNamespace(ALIAS, StandardQualifiers.declarations())));
        assertEquals(CimStatus.ALREADY_EXISTS, status(() -> repository.addNamespaceAlias(ALIAS, CimNamespace.of("root/cimv2"))));
        assertEquals(CimStatus.ALREADY_EXISTS, status(() -> repository.addNamespaceAlias(CimNamespace.of("root/cimv2"), INTEROP)));
        assertEquals(CimStatus.INVALID_NAMESPACE, status(() -> repository.addNamespaceAlias(CimNamespace.of("x"), CimNamespace.of("nowhere"))));
    }

    @Test
    void deletingTheNamespaceFreesItsAliases() {
        repository.deleteNamespace(INTEROP);
        assertEquals(ALIAS, repository.canonicalNamespace(ALIAS));
        repository.createNamespace(ALIAS);
        assertEquals(List.of(CimNamespace.of("interop"), CimNamespace.of("root/cimv2")), repository.namespaces());
    }
}
