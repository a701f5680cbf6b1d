package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CimNameTest {

    static Stream<Arguments> sameNames() {
        return Stream.of(
                Arguments.of("CIM_StorageVolume", "cim_storagevolume"),
                Arguments.of("CIM_StorageVolume", "CIM_STORAGEVOLUME"),
                Arguments.of("Name", "nAME"),
                Arguments.of("_x1", "_X1"),
                Arguments.of("Größe", "GRÖSSE".replace("SS", "ß")),
                Arguments.of("ÉTAT", "état"));
    }

    @ParameterizedTest
    @MethodSource("sameNames")
    void caseVariantsAreEqualWithSameHashAndKeepSpelling(String a, String b) {
        CimName x = CimName.of(a);
        CimName y = CimName.of(b);
        assertEquals(x, y);
        assertEquals(y, x);
        assertEquals(x.hashCode(), y.hashCode());
        assertEquals(0, x.compareTo(y));
        assertTrue(x.matches(b));
        assertEquals(a, x.toString());
        assertEquals(b, y.toString());
        Map<CimName, String> map = new HashMap<>();
        map.put(x, "v");
        assertEquals("v", map.get(y));
    }

    static Stream<Arguments> differentNames() {
        return Stream.of(Arguments.of("Name", "Names"), Arguments.of("A_B", "AB"), Arguments.of("x1", "x2"));
    }

    @ParameterizedTest
    @MethodSource("differentNames")
    void differentNamesDiffer(String a, String b) {
        assertNotEquals(CimName.of(a), CimName.of(b));
        assertFalse(CimName.of(a).matches(b));
        assertFalse(CimName.of(a).matches(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "1abc", "a b", "a-b", "a.b", "CIM_Foo!", " Name", "Name ", "a/b", "é€"})
    void rejectsNonIdentifiers(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CimName.of(text));
        assertFalse(e.getMessage().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_", "A1", "CIM_ComputerSystem", "日本語", "x_9_y"})
    void acceptsIdentifiers(String text) {
        assertEquals(text, CimName.of(text).toString());
    }

    @org.junit.jupiter.api.Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> CimName.of(null));
    }

    static Stream<Arguments> sameNamespaces() {
        return Stream.of(
                Arguments.of("root/cimv2", "ROOT/CIMV2", "root/cimv2"),
                Arguments.of("/root/cimv2/", "root/CIMv2", "root/cimv2"),
                Arguments.of("root/cimv2/storage/iscsitarget", "Root/CIMv2/Storage/iScsiTarget", "root/cimv2/storage/iscsitarget"),
                Arguments.of("interop", "INTEROP", "interop"),
                Arguments.of("//root/interop//", "root/interop", "root/interop"));
    }

    @ParameterizedTest
    @MethodSource("sameNamespaces")
    void namespaceIdentityIsCaseInsensitive(String a, String b, String strippedA) {
        CimNamespace x = CimNamespace.of(a);
        CimNamespace y = CimNamespace.of(b);
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
        assertEquals(strippedA, x.toString());
        assertTrue(x.matches(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "root//cimv2", "root/ cimv2", "root\tx"})
    void namespaceRejectsEmptySegments(String text) {
        assertThrows(IllegalArgumentException.class, () -> CimNamespace.of(text));
    }

    @org.junit.jupiter.api.Test
    void namespaceSegments() {
        assertEquals(java.util.List.of("root", "cimv2"), CimNamespace.of("root/cimv2").segments());
        assertEquals(CimNamespace.of("root/cimv2"), CimNamespace.ofSegments(java.util.List.of("Root", "CIMV2")));
        assertNotEquals(CimNamespace.of("root/cimv2"), CimNamespace.of("root/cimv"));
    }
}
