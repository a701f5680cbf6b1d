package org.iscsismis.repository;

import static org.iscsismis.repository.Fixtures.NS;
import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.iscsismis.repository.Fixtures.childPath;
import static org.iscsismis.repository.Fixtures.name;
import static org.iscsismis.repository.Fixtures.otherPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CimRepositoryInstanceTest {

    private final CimRepository repo = Fixtures.repository();

    private CimInstance child(String name, long extra) {
        return repo.createInstance(NS, CimInstance.builder("T_Child").property("Name", name)
                .property("Extra", CimValue.ofUint32(extra)).build());
    }

    // ------------------------------------------------------------------ create / get

    @Test
    void storedInstanceHasEveryPropertyDefaultsAndAPath() {
        CimInstance stored = child("a", 7);
        assertEquals(List.of("Name", "Desc", "Level", "Extra"),
                stored.properties().stream().map(p -> p.name().toString()).collect(Collectors.toList()));
        assertEquals(CimValue.ofString("base"), stored.value("Desc"), "class default");
        assertTrue(stored.value("Level").isNull());
        assertEquals(CimType.UINT16, stored.property("Level").type());
        assertEquals(ObjectPath.of(NS, name("T_Child"), List.of(org.iscsismis.cim.KeyBinding.of("Name", "a"))), stored.path());
        assertEquals(NS, stored.path().namespace());
        assertNull(stored.path().host());
        assertEquals(stored, repo.getInstance(NS, childPath("a")));
        assertEquals(stored, repo.getInstance(NS, ObjectPath.builder("t_child").key("NAME", "a").namespace("elsewhere").host("h").build()),
                "class and key names are case-insensitive; host and namespace of the path are ignored");
        assertNull(stored.property("Name").classOrigin(), "the class origin is the class's, derived when asked for, not stored");
    }

    @Test
    void keyValuesAreConvertedToTheDeclaredType() {
        CimInstance a = repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint64(5)).build());
        assertEquals(CimValue.ofUint16(5), a.path().key("Id"));
        assertEquals(CimValue.ofUint16(5), a.value("Id"));
        assertEquals(a, repo.getInstance(NS, ObjectPath.builder("T_Other").key("Id", CimValue.ofSint64(5)).build()));
        assertEquals(a, repo.getInstance(NS, ObjectPath.builder("T_Other").key("Id", "5").build()), "an untyped string key");
        CimInstance b = repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", "6")
                .property("When", "20261125114630.000000+000").property("C", "x")
                .property("Tags", CimValue.ofStrings(List.of("p", "q"))).build());
        assertEquals(CimValue.ofDateTime(CimDateTime.parse("20261125114630.000000+000")), b.value("When"));
        assertEquals(CimValue.ofChar16('x'), b.value("C"));
        assertEquals(CimValue.ofUint16(6), b.path().key("Id"));
    }

    static Stream<Arguments> invalidInstances() {
        return Stream.of(
                Arguments.of("unknown class", CimInstance.builder("T_Nope").property("Name", "a").build(), CimStatus.INVALID_CLASS, "T_Nope"),
                Arguments.of("abstract class", CimInstance.builder("T_Base").property("Name", "a").build(), CimStatus.INVALID_CLASS, "abstract"),
                Arguments.of("indication class", CimInstance.builder("T_Event").property("Msg", "a").build(), CimStatus.NOT_SUPPORTED, "T_Event"),
                Arguments.of("unknown property", CimInstance.builder("T_Child").property("Name", "a").property("Bogus", "x").build(),
                        CimStatus.NO_SUCH_PROPERTY, "Bogus"),
                Arguments.of("text for a number", CimInstance.builder("T_Child").property("Name", "a").property("Level", "high").build(),
                        CimStatus.TYPE_MISMATCH, "Level"),
                Arguments.of("number out of range", CimInstance.builder("T_Child").property("Name", "a")
                        .property("Level", CimValue.ofUint32(70_000)).build(), CimStatus.TYPE_MISMATCH, "Level"),
                Arguments.of("boolean for a string", CimInstance.builder("T_Child").property("Name", CimValue.ofBoolean(true)).build(),
                        CimStatus.TYPE_MISMATCH, "Name"),
                Arguments.of("array for a scalar", CimInstance.builder("T_Child").property("Name", CimValue.ofStrings(List.of("a"))).build(),
                        CimStatus.TYPE_MISMATCH, "Name"),
                Arguments.of("scalar for an array", CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(1))
                        .property("Tags", "a").build(), CimStatus.TYPE_MISMATCH, "Tags"),
                Arguments.of("missing key", CimInstance.builder("T_Child").property("Extra", CimValue.ofUint32(1)).build(),
                        CimStatus.INVALID_PARAMETER, "Name"),
                Arguments.of("NULL key", CimInstance.builder("T_Child").property("Name", CimValue.nullOf(CimType.STRING)).build(),
                        CimStatus.INVALID_PARAMETER, "Name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInstances")
    void createInstanceRefuses(String what, CimInstance instance, CimStatus status, String mention) {
        assertCimError(status, () -> repo.createInstance(NS, instance), mention);
    }

    @Test
    void duplicatePathIsAlreadyExists() {
        child("a", 1);
        assertCimError(CimStatus.ALREADY_EXISTS, () -> child("a", 2), "a");
        assertEquals(CimValue.ofUint32(1), repo.getInstance(NS, childPath("a")).value("Extra"));
        repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(5)).build());
        assertCimError(CimStatus.ALREADY_EXISTS, () -> repo.createInstance(NS,
                CimInstance.builder("T_Other").property("Id", CimValue.ofSint64(5)).build()));
    }

    static Stream<Arguments> badLookups() {
        return Stream.<Arguments>of(
                Arguments.of("absent instance", childPath("zz"), CimStatus.NOT_FOUND),
                Arguments.of("unknown class", ObjectPath.builder("T_Nope").key("Name", "a").build(), CimStatus.INVALID_CLASS),
                Arguments.of("wrong key name", ObjectPath.builder("T_Child").key("Desc", "a").build(), CimStatus.INVALID_PARAMETER),
                Arguments.of("extra key", ObjectPath.builder("T_Child").key("Name", "a").key("Extra", CimValue.ofUint32(1)).build(),
                        CimStatus.INVALID_PARAMETER),
                Arguments.of("no keys", ObjectPath.builder("T_Child").build(), CimStatus.INVALID_PARAMETER),
                Arguments.of("key of the wrong type", ObjectPath.builder("T_Other").key("Id", "x").build(), CimStatus.INVALID_PARAMETER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLookups")
    void instanceLookupsRefuse(String what, ObjectPath path, CimStatus status) {
        child("a", 1);
        List<Executable> calls = List.of(
                () -> repo.getInstance(NS, path),
                () -> repo.deleteInstance(NS, path),
                () -> repo.getProperty(NS, path, name("Extra")),
                () -> repo.setProperty(NS, path, name("Extra"), CimValue.ofUint32(2)),
                () -> repo.modifyInstance(NS, CimInstance.builder(path.className()).path(path).build(), null));
        for (Executable call : calls) {
            assertCimError(status, call);
        }
        assertEquals(CimValue.ofUint32(1), repo.getInstance(NS, childPath("a")).value("Extra"));
    }

    // ------------------------------------------------------------------ modify / delete / properties

    @Test
    void modifyInstanceWithoutPropertyListChangesThePresentProperties() {
        child("a", 1);
        CimInstance mod = CimInstance.builder("T_Child").path(childPath("a"))
                .property("Name", "a").property("Level", CimValue.ofUint64(3)).build();
        CimInstance result = repo.modifyInstance(NS, mod, null);
        assertEquals(CimValue.ofUint16(3), result.value("Level"));
        assertEquals(CimValue.ofUint32(1), result.value("Extra"), "absent from the modified instance: unchanged");
        assertEquals(result, repo.getInstance(NS, childPath("a")));
        assertCimError(CimStatus.NO_SUCH_PROPERTY, () -> repo.modifyInstance(NS, CimInstance.builder("T_Child").path(childPath("a"))
                .property("Bogus", "x").build(), null), "Bogus");
        assertCimError(CimStatus.TYPE_MISMATCH, () -> repo.modifyInstance(NS, CimInstance.builder("T_Child").path(childPath("a"))
                .property("Level", "x").build(), null), "Level");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> repo.modifyInstance(NS, CimInstance.builder("T_Child").path(childPath("a"))
                .property("Name", "b").build(), null), "Name");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> repo.modifyInstance(NS, CimInstance.builder("T_Other").path(childPath("a"))
                .build(), null), "T_Other");
        assertEquals(result, repo.getInstance(NS, childPath("a")), "failed modifications changed nothing");
    }

    @Test
    void modifyInstanceWithPropertyList() {
        child("a", 1);
        CimInstance mod = CimInstance.builder("T_Child").path(childPath("a"))
                .property("Level", CimValue.ofUint16(3)).property("Extra", CimValue.ofUint32(9)).property("Bogus", "ignored").build();
        CimInstance r = repo.modifyInstance(NS, mod, List.of(name("level"), name("Unknown")));
        assertEquals(CimValue.ofUint16(3), r.value("Level"));
        assertEquals(CimValue.ofUint32(1), r.value("Extra"), "not in the list");
        r = repo.modifyInstance(NS, CimInstance.builder("T_Child").path(childPath("a")).build(), List.of(name("Level"), name("Desc")));
        assertTrue(r.value("Level").isNull(), "listed but absent: back to the class default");
        assertEquals(CimValue.ofString("base"), r.value("Desc"));
        assertEquals(r, repo.modifyInstance(NS, mod, List.of()), "empty list: nothing changes");
    }

    @Test
    void deleteAndProperties() {
        child("a", 1);
        assertEquals(CimValue.ofUint32(1), repo.getProperty(NS, childPath("a"), name("extra")));
        assertCimError(CimStatus.NO_SUCH_PROPERTY, () -> repo.getProperty(NS, childPath("a"), name("Bogus")), "Bogus");
        repo.setProperty(NS, childPath("a"), name("Level"), CimValue.ofSint64(4));
        assertEquals(CimValue.ofUint16(4), repo.getProperty(NS, childPath("a"), name("Level")));
        repo.setProperty(NS, childPath("a"), name("Level"), null);
        assertTrue(repo.getProperty(NS, childPath("a"), name("Level")).isNull());
        assertCimError(CimStatus.NO_SUCH_PROPERTY, () -> repo.setProperty(NS, childPath("a"), name("Bogus"), CimValue.ofString("x")), "Bogus");
        assertCimError(CimStatus.TYPE_MISMATCH, () -> repo.setProperty(NS, childPath("a"), name("Level"), CimValue.ofBoolean(true)), "Level");
        assertCimError(CimStatus.INVALID_PARAMETER, () -> repo.setProperty(NS, childPath("a"), name("Name"), CimValue.ofString("b")), "Name");
        repo.setProperty(NS, childPath("a"), name("Name"), CimValue.ofString("a"));
        CimInstance removed = repo.deleteInstance(NS, childPath("A".toLowerCase()));
        assertEquals(childPath("a").withNamespace(NS), removed.path());
        assertCimError(CimStatus.NOT_FOUND, () -> repo.getInstance(NS, childPath("a")));
        assertCimError(CimStatus.NOT_FOUND, () -> repo.deleteInstance(NS, childPath("a")));
    }

    // ------------------------------------------------------------------ enumeration

    @Test
    void enumerationIncludesSubclassesWhenDeep() {
        child("a", 1);
        repo.createInstance(NS, CimInstance.builder("T_GrandChild").property("Name", "g").build());
        repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(1)).build());
        Set<String> deep = repo.instances(NS, name("T_Base"), true).map(i -> i.path().toString()).collect(Collectors.toSet());
        assertEquals(Set.of("root/test:T_Child.Name=\"a\"", "root/test:T_GrandChild.Name=\"g\""), deep);
        assertEquals(0, repo.instances(NS, name("T_Base"), false).count());
        assertEquals(1, repo.instanceNames(NS, name("T_Child"), false).count());
        assertEquals(2, repo.instanceCount(NS, name("t_child"), true));
        assertEquals("gc", repo.getInstance(NS, ObjectPath.builder("T_GrandChild").key("Name", "g").build()).value("Desc").asString());
        assertCimError(CimStatus.INVALID_CLASS, () -> repo.instanceIterator(NS, name("T_Nope"), true), "T_Nope");
    }

    @Test
    void tenThousandInstancesAreLookedUpByKeyAndEnumeratedWithoutACopy() {
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(i)).build());
        }
        // GetInstance is a hash lookup on the canonical path: every one is found, by any integer kind.
        for (int i = 0; i < n; i++) {
            assertEquals(CimValue.ofUint16(i), repo.getInstance(NS, ObjectPath.builder("T_Other")
                    .key("Id", CimValue.ofUint64(BigInteger.valueOf(i))).build()).value("Id"));
        }
        assertEquals(n, repo.instanceCount(NS, name("T_Other"), true));
        // The iterator walks the live map: after the first instance, delete the others; a copying
        // implementation would still hand out all 10 000.
        Iterator<CimInstance> it = repo.instanceIterator(NS, name("T_Other"), true);
        CimInstance first = it.next();
        for (int i = 0; i < n; i++) {
            ObjectPath p = otherPath(i);
            if (!first.path().equals(p.withNamespace(NS))) {
                repo.deleteInstance(NS, p);
            }
        }
        Set<CimInstance> rest = new HashSet<>();
        it.forEachRemaining(rest::add);
        assertTrue(rest.size() < 100, "the iterator saw " + rest.size() + " deleted instances");
        assertEquals(1, repo.instanceCount(NS, name("T_Other"), true));
    }

    @Test
    void namespacesKeepInstancesApart() {
        CimNamespace other = CimNamespace.of("root/other");
        repo.createNamespace(other, StandardQualifiers.declarations());
        repo.createClass(other, Fixtures.OTHER);
        repo.createInstance(NS, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(1)).build());
        assertCimError(CimStatus.NOT_FOUND, () -> repo.getInstance(other, otherPath(1)));
        CimInstance o = repo.createInstance(other, CimInstance.builder("T_Other").property("Id", CimValue.ofUint16(1)).build());
        assertEquals(other, o.path().namespace());
        assertFalse(o.path().equals(repo.getInstance(NS, otherPath(1)).path()));
        CimProperty p = o.property("Id");
        assertEquals(CimValue.ofUint16(1), p.value(), "typed by the class of the namespace it was created in");
        assertNull(p.classOrigin(), "the class origin is derived from the class when asked for, not stored");
    }

}
