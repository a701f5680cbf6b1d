package org.iscsismis.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.iscsismis.cim.CimNamespace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NamespaceGrantsTest {

    private final NamespaceGrants grants = NamespaceGrants.parse(
            "root/*=read, root/cimv2/storage/iscsitarget=write, root/cimv2/secret*=none, Other=write");

    @ParameterizedTest
    @CsvSource({
        "root/interop, READ", "ROOT/Interop, READ", "root/cimv2, READ",
        "root/cimv2/storage/iscsitarget, WRITE", "root/cimv2/secret, NONE", "root/cimv2/secrets/x, NONE",
        "other, WRITE", "other/below, NONE", "root, NONE", "elsewhere, NONE"})
    void exactBeatsPatternAndTheLongestPatternWins(String namespace, NamespaceAccess expected) {
        assertEquals(expected, grants.accessTo(CimNamespace.of(namespace)));
    }

    @Test
    void noEntryMeansNothing() {
        assertEquals(NamespaceAccess.NONE, NamespaceGrants.NOTHING.accessTo(CimNamespace.of("root/interop")));
        assertEquals(NamespaceAccess.WRITE, NamespaceGrants.EVERYTHING.accessTo(CimNamespace.of("any/thing")));
        assertEquals(NamespaceGrants.NOTHING, NamespaceGrants.parse("-"));
    }

    @Test
    void writtenFormRoundTrips() {
        assertEquals(grants, NamespaceGrants.parse(grants.toString()));
        assertEquals("root/*=read,x=write", NamespaceGrants.parse("root/*=read").with("x", NamespaceAccess.WRITE).toString());
        assertEquals("ROOT/*=none", NamespaceGrants.parse("root/*=read").with("ROOT/*", NamespaceAccess.NONE).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"root/interop", "root/interop=admin", "../etc=read", "a:b=read", "=read"})
    void malformedEntriesAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> NamespaceGrants.parse(text));
    }
}
