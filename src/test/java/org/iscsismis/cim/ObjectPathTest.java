package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectPathTest {

    private static final CimNamespace NS = CimNamespace.of("root/cimv2");

    private static ObjectPath path(String ns, String cls, KeyBinding... keys) {
        return ObjectPath.of(ns == null ? null : CimNamespace.of(ns), CimName.of(cls), List.of(keys));
    }

    private static KeyBinding k(String name, CimValue v) {
        return KeyBinding.of(name, v);
    }

    private static ObjectPath volume(String ns, String id) {
        return path(ns, "CIM_StorageVolume", k("DeviceID", CimValue.ofString(id)), k("SystemName", CimValue.ofString("array1")));
    }

    static Stream<Arguments> equalPaths() {
        return Stream.of(
                Arguments.of("key order",
                        path("root/cimv2", "CIM_X", k("A", CimValue.ofString("1")), k("B", CimValue.ofUint16(2))),
                        path("root/cimv2", "CIM_X", k("B", CimValue.ofUint16(2)), k("A", CimValue.ofString("1")))),
                Arguments.of("case of class, key names and namespace",
                        path("root/cimv2", "CIM_X", k("Name", CimValue.ofString("v"))),
                        path("ROOT/CIMV2", "cim_x", k("NAME", CimValue.ofString("v")))),
                Arguments.of("uint32 1 == uint8 1",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint8(1)))),
                Arguments.of("uint8 1 == sint64 1",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint8(1))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofSint64(1)))),
                Arguments.of("uint64 big == uint64 big",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint64(new BigInteger("18446744073709551615")))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.parse(CimType.UINT64, "0xFFFFFFFFFFFFFFFF")))),
                Arguments.of("sint16 -5 == sint32 -5",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofSint16(-5))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofSint32(-5)))),
                Arguments.of("real64 2.0 == uint8 2",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofReal64(2.0))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint8(2)))),
                Arguments.of("datetime == same text as string",
                        path("root/cimv2", "CIM_X", k("T", CimValue.ofDateTime(CimDateTime.parse("20261125114630.000000+000")))),
                        path("root/cimv2", "CIM_X", k("T", CimValue.ofString("20261125114630.000000+000")))),
                Arguments.of("boolean",
                        path("root/cimv2", "CIM_X", k("F", CimValue.ofBoolean(true))),
                        path("root/cimv2", "CIM_X", k("f", CimValue.parse(CimType.BOOLEAN, "true")))),
                Arguments.of("host ignored",
                        path("root/cimv2", "CIM_X", k("A", CimValue.ofString("1"))).withHost("array1:5989"),
                        path("root/cimv2", "CIM_X", k("A", CimValue.ofString("1")))),
                Arguments.of("nested references, case and order",
                        path("root/cimv2", "CIM_Sync", k("SystemElement", CimValue.ofReference(volume("root/cimv2", "v1"))),
                                k("SyncedElement", CimValue.ofReference(volume("root/cimv2", "v2")))),
                        path("root/CIMV2", "cim_sync", k("syncedelement", CimValue.ofReference(volume("ROOT/cimv2", "v2"))),
                                k("SYSTEMELEMENT", CimValue.ofReference(volume("root/cimv2", "v1"))))),
                Arguments.of("local nested reference takes the outer namespace",
                        path("root/cimv2", "CIM_Sync", k("SystemElement", CimValue.ofReference(volume(null, "v1")))),
                        path("root/cimv2", "CIM_Sync", k("SystemElement", CimValue.ofReference(volume("root/cimv2", "v1"))))),
                Arguments.of("class paths",
                        ObjectPath.forClass(NS, CimName.of("CIM_X")),
                        ObjectPath.forClass(CimNamespace.of("Root/CimV2"), CimName.of("cim_X"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalPaths")
    void equalPathsHaveEqualCanonicalForms(String why, ObjectPath a, ObjectPath b) {
        assertEquals(a.canonical(), b.canonical());
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
        Map<ObjectPath, String> map = new HashMap<>();
        map.put(a, why);
        assertEquals(why, map.get(b));
    }

    static Stream<Arguments> differentPaths() {
        return Stream.of(
                Arguments.of("string keys are case-sensitive",
                        path("root/cimv2", "CIM_X", k("Name", CimValue.ofString("abc"))),
                        path("root/cimv2", "CIM_X", k("Name", CimValue.ofString("ABC")))),
                Arguments.of("different numbers",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(2)))),
                Arguments.of("number vs string",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofString("1")))),
                Arguments.of("boolean vs string",
                        path("root/cimv2", "CIM_X", k("F", CimValue.ofBoolean(true))),
                        path("root/cimv2", "CIM_X", k("F", CimValue.ofString("true")))),
                Arguments.of("namespace",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/interop", "CIM_X", k("Id", CimValue.ofUint32(1)))),
                Arguments.of("no namespace vs namespace",
                        path(null, "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1)))),
                Arguments.of("class",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/cimv2", "CIM_Y", k("Id", CimValue.ofUint32(1)))),
                Arguments.of("key name",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/cimv2", "CIM_X", k("Id2", CimValue.ofUint32(1)))),
                Arguments.of("extra key",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1))),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1)), k("B", CimValue.ofUint32(1)))),
                Arguments.of("nested reference string case",
                        path("root/cimv2", "CIM_Sync", k("SystemElement", CimValue.ofReference(volume("root/cimv2", "v1")))),
                        path("root/cimv2", "CIM_Sync", k("SystemElement", CimValue.ofReference(volume("root/cimv2", "V1"))))),
                Arguments.of("nested reference namespace",
                        path("root/cimv2", "CIM_Sync", k("SystemElement", CimValue.ofReference(volume("root/interop", "v1")))),
                        path("root/cimv2", "CIM_Sync", k("SystemElement", CimValue.ofReference(volume("root/cimv2", "v1"))))),
                Arguments.of("quote injection",
                        path("root/cimv2", "CIM_X", k("A", CimValue.ofString("x\",b=\"y"))),
                        path("root/cimv2", "CIM_X", k("A", CimValue.ofString("x")), k("b", CimValue.ofString("y")))),
                Arguments.of("class path vs instance path",
                        ObjectPath.forClass(NS, CimName.of("CIM_X")),
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint32(1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentPaths")
    void differentPathsDiffer(String why, ObjectPath a, ObjectPath b) {
        assertNotEquals(a.canonical(), b.canonical());
        assertNotEquals(a, b);
    }

    @Test
    void accessorsAndDerivations() {
        ObjectPath p = ObjectPath.builder("CIM_X").namespace("root/cimv2").host("h:5989")
                .key("Name", "a\"b").key("Id", CimValue.ofUint16(7)).build();
        assertEquals("h:5989", p.host());
        assertEquals(NS, p.namespace());
        assertEquals(CimValue.ofUint16(7), p.key("ID"));
        assertEquals(CimValue.ofString("a\"b"), p.key(CimName.of("name")));
        assertNull(p.key("nope"));
        assertTrue(p.withoutHostAndNamespace().namespace() == null && p.withoutHostAndNamespace().host() == null);
        assertEquals("//h:5989/root/cimv2:CIM_X.Name=\"a\\\"b\",Id=7", p.toString());
        assertEquals("CIM_X", ObjectPath.forClass(null, CimName.of("CIM_X")).toString());
        assertTrue(ObjectPath.forClass(NS, CimName.of("CIM_X")).isClassPath());
        assertEquals(CimNamespace.of("root/interop"), p.withNamespace(CimNamespace.of("root/interop")).namespace());
    }

    @Test
    void rejectsBadKeys() {
        assertThrows(IllegalArgumentException.class,
                () -> path("root/cimv2", "CIM_X", k("A", CimValue.ofString("1")), k("a", CimValue.ofString("2"))));
        assertThrows(IllegalArgumentException.class, () -> k("A", CimValue.nullOf(CimType.STRING)));
        assertThrows(IllegalArgumentException.class, () -> k("A", CimValue.ofStrings(List.of("x"))));
        assertThrows(NullPointerException.class, () -> ObjectPath.forClass(NS, null));
    }

    static Stream<Arguments> parsedPaths() {
        return Stream.of(
                Arguments.of("root/cimv2:CIM_X.Name=\"a\"", path("root/cimv2", "CIM_X", k("Name", CimValue.ofString("a")))),
                Arguments.of("//h:5989/root/cimv2:CIM_X.Id=7,Flag=TRUE",
                        path("root/cimv2", "CIM_X", k("Id", CimValue.ofUint16(7)), k("Flag", CimValue.ofBoolean(true)))),
                Arguments.of("CIM_X.Name=\"a\\\"b,c\",Id=18446744073709551615",
                        path(null, "CIM_X", k("Name", CimValue.ofString("a\"b,c")),
                                k("Id", CimValue.ofUint64(new BigInteger("18446744073709551615"))))),
                Arguments.of("root/interop:CIM_RegisteredProfile", ObjectPath.forClass(CimNamespace.of("root/interop"), CimName.of("CIM_RegisteredProfile"))),
                Arguments.of("CIM_X.T=\"20261125114630.000000+000\",R=-1.5",
                        path(null, "CIM_X", k("T", CimValue.ofDateTime(CimDateTime.parse("20261125114630.000000+000"))),
                                k("R", CimValue.ofReal64(-1.5)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsedPaths")
    void parsesTheTextForm(String text, ObjectPath expected) {
        ObjectPath p = ObjectPath.parse(text);
        assertEquals(expected, p);
        assertEquals(p, ObjectPath.parse(p.toString()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "root/cimv2:", "CIM_X.", "CIM_X.A", "CIM_X.A=\"x", "CIM_X.A=abc",
        "1X", "//host", "CIM_X.A=1,", "CIM_X.A=1,A=2", "root//x:CIM_X"})
    void rejectsBadText(String text) {
        assertThrows(IllegalArgumentException.class, () -> ObjectPath.parse(text));
    }
}
