package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectPathHeaderTest {

    @Test
    void classPath() {
        assertEquals(ObjectPath.forClass(CimNamespace.of("root/cimv2"), CimName.of("CIM_ReplicationService")),
                ObjectPathHeader.parse("root/cimv2:CIM_ReplicationService"));
    }

    @Test
    void instancePathWithEveryKeyKind() {
        ObjectPath p = ObjectPathHeader.parse("root/cimv2:CIM_Foo.Name=\"a \\\"q\\\" \\\\ b, c=d\",N=12,Neg=-3,R=1.5,Flag=TRUE,Off=false");
        assertEquals(CimNamespace.of("root/cimv2"), p.namespace());
        assertEquals(CimValue.ofString("a \"q\" \\ b, c=d"), p.key("Name"));
        assertEquals(CimValue.ofUint64(12), p.key("N"));
        assertEquals(CimValue.ofSint64(-3), p.key("Neg"));
        assertEquals(CimValue.ofReal64(1.5), p.key("R"));
        assertEquals(CimValue.ofBoolean(true), p.key("Flag"));
        assertEquals(CimValue.ofBoolean(false), p.key("Off"));
        // numeric keys match the body's typed keys through canonical()
        assertEquals(ObjectPath.builder("CIM_Foo").namespace("root/cimv2").key("N", CimValue.ofUint16(12)).build(),
                ObjectPathHeader.parse("root/cimv2:CIM_Foo.N=12"));
    }

    @Test
    void nestedReferenceKeys() {
        ObjectPath p = ObjectPathHeader.parse(
                "root/cimv2:CIM_Sync.SystemElement=\"root/cimv2:CIM_StorageVolume.DeviceID=\\\"v1\\\",SystemName=\\\"s\\\"\",SyncedElement=\"CIM_StorageVolume.DeviceID=\\\"v2\\\"\"");
        ObjectPath se = p.key("SystemElement").asReference();
        assertEquals(ObjectPath.builder("CIM_StorageVolume").namespace("root/cimv2").key("DeviceID", "v1").key("SystemName", "s").build(), se);
        assertEquals(CimType.Kind.REFERENCE, p.key("SyncedElement").type().kind());
        assertNull(p.key("SyncedElement").asReference().namespace());
    }

    @Test
    void hostPrefixIsAccepted() {
        assertEquals("h:5988", ObjectPathHeader.parse("//h:5988/root/cimv2:CIM_X.K=\"v\"").host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CIM_Foo", "root/cimv2:", "root/cimv2:CIM_Foo.", "root/cimv2:CIM_Foo.K", "root/cimv2:CIM_Foo.K=",
        "root/cimv2:CIM_Foo.K=\"unterminated", "root/cimv2:CIM_Foo.K=\"a\"x", "root/cimv2:CIM_Foo.K=abc", "root/cimv2:9Foo",
        "root/cimv2:CIM_Foo.K=1,K=2", "root/cimv2:CIM_Foo.K=1,", "root//x:CIM_Foo"})
    void malformedIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> ObjectPathHeader.parse(text));
    }
}
