package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DSP0004's namespace names: IDENTIFIER *("/" IDENTIFIER). */
class CimNamespaceTest {

    @ParameterizedTest
    @ValueSource(strings = {"root/cimv2", "/root/interop/", "interop", "root/cimv2/storage/iscsitarget", "_private/x1",
        "root/PG_InterOp", "wurzel/\u00e4mter"})
    void identifiersSeparatedBySlashes(String name) {
        assertEquals(name.replaceAll("^/+|/+$", ""), CimNamespace.of(name).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "a:b/../c", "root/../etc", ".", "root/.hidden", "1root", "root/2nd", "root/a-b",
        "root/a b", "root//cimv2", "root\\cimv2", "a;b", "", "/", "root/c%2e"})
    void everythingElseIsRefusedNamingTheSegment(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CimNamespace.of(name));
        assertTrue(e.getMessage().contains("Namespace"), e::getMessage);
    }
}
