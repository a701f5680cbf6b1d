package org.iscsismis.repository;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.childPath;
import static org.iscsismis.repository.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;

/**
 * Stored instances keep only their values, laid out by their class (see {@code PropertyLayout}), and are found by
 * their key: every way of storing or changing one gives the instance an ordinary one would be.
 */
class StoredInstanceLayoutTest {

    private final CimRepository repo = Fixtures.repository();

    private CimInstance child(String name) {
        return repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", name).build());
    }

    /** What the repository's stored form of a T_Child is, built from ordinary properties. */
    private static CimInstance expectedChild(String name, CimValue level, CimValue extra) {
        return new CimInstance(name("T_Child"), childPath(name).withNamespace(NS), List.of(
                CimProperty.of("Name", CimValue.ofString(name)),
                CimProperty.of("Desc", CimValue.ofString("base")),
                new CimProperty(name("Level"), CimType.UINT16, level, List.of(), null, false),
                new CimProperty(name("Extra"), CimType.UINT32, extra, List.of(), null, false)), List.of());
    }

    @Test
    void storedInstancesAreCompactAndShareTheirNullsAndDefaults() {
        CimInstance a = child("a");
        CimInstance b = child("b");
        assertTrue(a.isCompact() && b.isCompact());
        assertSame(a.value("Level"), b.value("Level"), "one NULL for the class's instances");
        assertSame(a.value("Desc"), b.value("Desc"), "the class default itself");
        assertEquals(expectedChild("a", CimValue.nullOf(CimType.UINT16), CimValue.nullOf(CimType.UINT32)), a);
        assertSame(a.properties(), repo.getInstance(NS, childPath("a")).properties(), "get answers the stored instance");
    }

    @Test
    void modifyAndSetPropertyKeepTheInstanceCompactAndCorrect() {
        child("a");
        CimInstance before = repo.getInstance(NS, childPath("a"));
        CimInstance modified = repo.modifyInstance(NS, CimInstance.builder("T_Child").path(childPath("a"))
                .property("Level", CimValue.ofUint64(3)).build(), null);
        assertTrue(modified.isCompact());
        assertNotSame(before.properties(), modified.properties(), "a change is a new list: cached encodings of the old stay apart");
        assertEquals(expectedChild("a", CimValue.ofUint16(3), CimValue.nullOf(CimType.UINT32)), modified);
        assertEquals(expectedChild("a", CimValue.nullOf(CimType.UINT16), CimValue.nullOf(CimType.UINT32)), before,
                "the instance before is unchanged");

        repo.setProperty(NS, childPath("a"), name("extra"), CimValue.ofSint64(9));
        CimInstance set = repo.getInstance(NS, childPath("a"));
        assertTrue(set.isCompact());
        assertEquals(expectedChild("a", CimValue.ofUint16(3), CimValue.ofUint32(9)), set);

        repo.setProperty(NS, childPath("a"), name("Level"), null);
        assertSame(child("b").value("Level"), repo.getInstance(NS, childPath("a")).value("Level"), "NULL again: the shared one");
    }

    @Test
    void stringKeysDifferingOnlyInCaseNameTwoInstances() {
        CimInstance lower = child("item");
        CimInstance upper = child("ITEM");
        assertEquals(lower, repo.getInstance(NS, childPath("item")));
        assertEquals(upper, repo.getInstance(NS, childPath("ITEM")));
        repo.deleteInstance(NS, childPath("ITEM"));
        assertEquals(lower, repo.getInstance(NS, childPath("item")));
        assertEquals(1, repo.instanceCount(NS, name("T_Child"), false));
    }

    @Test
    void aClassCreatedAgainWithOtherTypesLaysItsInstancesOutAnew() {
        CimClass first = CimClass.builder("T_Again").key("Id", CimType.STRING).property("N", CimType.UINT8).build();
        CimClass second = CimClass.builder("T_Again").key("Id", CimType.STRING).property("N", CimType.STRING).build();
        repo.createClass(NS, first);
        CimInstance a = repo.createInstance(NS, CimInstance.builder("T_Again").property("Id", "a")
                .property("N", CimValue.ofUint8(1)).build());
        assertEquals(CimValue.ofUint8(1), a.value("N"));
        repo.deleteInstance(NS, a.path());
        repo.deleteClass(NS, name("T_Again"));
        repo.createClass(NS, second);
        CimInstance b = repo.createInstance(NS, CimInstance.builder("T_Again").property("Id", "a").property("N", "text").build());
        assertEquals(CimValue.ofString("text"), b.value("N"));
        assertEquals(CimType.STRING, b.property("n").type());
    }

    @Test
    void numericKeysAreFoundWhateverTheirWrittenType() {
        CimInstance a = repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(7)).build());
        assertEquals(a, repo.getInstance(NS, ObjectPath.builder("T_Other").key("Id", CimValue.ofSint64(7)).build()));
        assertEquals(a, repo.getInstance(NS, ObjectPath.builder("T_Other").key("Id", "7").build()));
    }
}
