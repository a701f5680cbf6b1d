package org.iscsismis.repository;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.iscsismis.repository.Fixtures.childPath;
import static org.iscsismis.repository.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.junit.jupiter.api.Test;

/** {@link CimRepository#createNamespaceFrom}: the classes and qualifier types of another namespace, not its instances. */
class CimRepositoryNamespaceCopyTest {

    private static final CimNamespace COPY = CimNamespace.of("root/copy");

    private final CimRepository repo = Fixtures.repository();

    @Test
    void theCopyHasTheSameResolvedClassesAndQualifierTypes() {
        repo.createNamespaceFrom(COPY, NS);
        assertEquals(repo.classNames(NS, null, true), repo.classNames(COPY, null, true));
        assertSame(repo.getClass(NS, name("T_GrandChild")), repo.getClass(COPY, name("T_GrandChild")), "shared, not resolved again");
        assertEquals(repo.qualifierTypes(NS), repo.qualifierTypes(COPY));
        assertTrue(repo.isSubclassOf(COPY, name("T_GrandChild"), name("T_Base")));
    }

    @Test
    void instancesAreNotCopiedAndEachNamespaceKeepsItsOwn() {
        CimInstance x = CimInstance.builder("T_Child").property("Name", "x").build();
        repo.createInstance(NS, x);
        repo.createNamespaceFrom(COPY, NS);
        assertEquals(0, repo.instanceCount(COPY, name("T_Base"), true));
        repo.createInstance(COPY, CimInstance.builder("T_Child").property("Name", "y").build());
        assertEquals(1, repo.instanceCount(NS, name("T_Base"), true));
        assertEquals(1, repo.instanceCount(COPY, name("T_Base"), true));
        assertEquals("x", repo.getInstance(NS, childPath("x")).property("Name").value().value());
    }

    @Test
    void laterClassChangesStayInTheirNamespace() {
        repo.createNamespaceFrom(COPY, NS);
        repo.createClass(COPY, CimClass.builder("T_Only").property("P", CimType.STRING).build());
        repo.deleteClass(NS, name("T_GrandChild"));
        assertFalse(repo.hasClass(NS, name("T_Only")));
        assertTrue(repo.hasClass(COPY, name("T_GrandChild")));
    }

    @Test
    void theSourceMustExistAndTheCopyMustNot() {
        assertCimError(CimStatus.INVALID_NAMESPACE, () -> repo.createNamespaceFrom(COPY, CimNamespace.of("root/none")), "root/none");
        assertFalse(repo.hasNamespace(COPY));
        repo.createNamespace(COPY);
        assertCimError(CimStatus.ALREADY_EXISTS, () -> repo.createNamespaceFrom(COPY, NS), "root/copy");
    }
}
