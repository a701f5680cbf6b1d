package org.iscsismis.repository;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.junit.jupiter.api.Test;

/**
 * The resolved classes share what is equal: an element inherited down a chain is one object below the first
 * subclass, and a qualifier that resolution leaves as declared is the declared object.
 */
class ClassSharingTest {

    private final CimRepository repo = Fixtures.repository();

    @Test
    void anElementInheritedUnchangedIsOneObjectDownTheChain() {
        CimClass base = repo.getClass(NS, name("T_Base"));
        CimClass child = repo.getClass(NS, name("T_Child"));
        CimClass grandChild = repo.getClass(NS, name("T_GrandChild"));
        for (String p : List.of("Name", "Level")) {
            assertNotSame(base.property(p), child.property(p), "the first subclass holds a propagated copy");
            assertTrue(child.property(p).propagated());
            assertSame(child.property(p), grandChild.property(p), p);
        }
        assertSame(child.method("Do"), grandChild.method("Do"));
        assertSame(child.property("Name").qualifier("Key"), grandChild.property("Name").qualifier("Key"));
        assertSame(child.qualifier("Description"), grandChild.qualifier("Description"));
    }

    @Test
    void sharingChangesNoAnswer() {
        CimClass child = repo.getClass(NS, name("T_Child"));
        CimClass grandChild = repo.getClass(NS, name("T_GrandChild"));
        CimProperty desc = grandChild.property("Desc");
        assertEquals(false, desc.propagated(), "an overriding property is its own");
        assertEquals(CimValue.ofString("gc"), desc.value());
        assertEquals(name("T_Base"), grandChild.property("Name").classOrigin());
        assertTrue(grandChild.property("Name").qualifier("Key").propagated());
        assertEquals(child.property("Level"), grandChild.property("Level"));
    }

    @Test
    void aQualifierResolvedAsDeclaredIsTheDeclaredObject() {
        CimQualifier write = CimQualifier.ofTrue("Write"); // declared EnableOverride, ToSubclass: the usage's flavor
        CimQualifier description = CimQualifier.of("Description", CimValue.ofString("d")); // declared Translatable
        repo.createClass(NS, CimClass.builder("T_Shared")
                .property("Level", CimType.UINT16, write, description).build());
        CimProperty level = repo.getClass(NS, name("T_Shared")).property("Level");
        assertSame(write, level.qualifier("Write"));
        assertNotSame(description, level.qualifier("Description"), "its flavor changed: a new qualifier");
        assertTrue(level.qualifier("Description").flavor().translatable());
        assertSame(description.value(), level.qualifier("Description").value());
    }

    @Test
    void aQualifierSpelledOtherwiseThanItsDeclarationTakesTheDeclaredSpelling() {
        CimQualifier write = CimQualifier.ofTrue("WRITE");
        repo.createClass(NS, CimClass.builder("T_Spelled").property("Level", CimType.UINT16, write).build());
        CimQualifier resolved = repo.getClass(NS, name("T_Spelled")).property("Level").qualifier("Write");
        assertNotSame(write, resolved);
        assertEquals("Write", resolved.name().toString());
    }

    @Test
    void siblingsHoldOneCopyOfWhatTheyInherit() {
        repo.createClass(NS, CimClass.builder("T_Sibling").superClass("T_Base").build());
        CimClass child = repo.getClass(NS, name("T_Child"));
        CimClass sibling = repo.getClass(NS, name("T_Sibling"));
        assertSame(child.property("Name"), sibling.property("Name"));
        assertSame(child.property("Level"), sibling.property("Level"));
        assertSame(child.method("Do"), sibling.method("Do"));
        assertSame(child.qualifier("Description"), sibling.qualifier("Description"));
        assertEquals(child.properties().subList(0, 3), sibling.properties());
    }

    @Test
    void aUsageRespelledToItsDeclarationIsOneObjectWhereverItIsUsed() {
        CimQualifier write = CimQualifier.ofTrue("WRITE"); // one usage object, as the compiler shares them
        repo.createClass(NS, CimClass.builder("T_One").property("Level", CimType.UINT16, write).build());
        repo.createClass(NS, CimClass.builder("T_Two").property("Size", CimType.UINT32, write).build());
        CimQualifier one = repo.getClass(NS, name("T_One")).property("Level").qualifier("Write");
        assertSame(one, repo.getClass(NS, name("T_Two")).property("Size").qualifier("Write"));
        assertEquals("Write", one.name().toString());
    }
}
