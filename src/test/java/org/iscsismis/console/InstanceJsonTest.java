package org.iscsismis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimDateTime;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.junit.jupiter.api.Test;

/** The JSON the page reads for one instance: values by type, value-map names, paths and references. */
class InstanceJsonTest {

    static final CimNamespace NS = CimNamespace.of("root/cimv2/storage/iscsitarget");

    static CimQualifier strings(String name, String... values) {
        return CimQualifier.of(name, CimValue.ofStrings(List.of(values)));
    }

    /** A class in the shape of CIM_StorageSynchronized's value-mapped properties. */
    static final CimClass PAIR = CimClass.builder("Test_Pair")
            .key("Id", CimType.STRING)
            .property("CopyState", CimType.UINT16, strings("ValueMap", "2", "3", "4", "..", "0x8000.."),
                    strings("Values", "Initialized", "Unsynchronized", "Synchronized", "DMTF Reserved", "Vendor Specific"))
            .property("OperationalStatus", CimType.arrayOf(CimType.Kind.UINT16), strings("ValueMap", "2", "6"),
                    strings("Values", "OK", "Error"))
            .property("PercentSynced", CimType.UINT16)
            .build();

    static String json(CimInstance instance, CimClass declaration, String via) {
        StringBuilder out = new StringBuilder();
        InstanceJson.write(new JsonWriter(out), instance, declaration, NS, via);
        return out.toString();
    }

    @Test
    void writesPathValuesAndTheValueMapsNames() {
        CimInstance pair = CimInstance.builder("Test_Pair")
                .path(ObjectPath.builder("Test_Pair").key("Id", "p1").build())
                .property("Id", "p1")
                .property("CopyState", CimValue.ofUint16(4))
                .property("OperationalStatus", CimValue.of(CimType.arrayOf(CimType.Kind.UINT16), List.of(2, 6, 7)))
                .property("PercentSynced", CimValue.ofUint16(42))
                .build();
        assertEquals("{\"id\":\"root/cimv2/storage/iscsitarget:test_pair.id=\\\"p1\\\"\","
                + "\"path\":\"root/cimv2/storage/iscsitarget:Test_Pair.Id=\\\"p1\\\"\",\"class\":\"Test_Pair\","
                + "\"p\":{\"Id\":\"p1\",\"CopyState\":4,\"OperationalStatus\":[2,6,7],\"PercentSynced\":42},"
                + "\"t\":{\"CopyState\":\"Synchronized\",\"OperationalStatus\":[\"OK\",\"Error\",null]}}",
                json(pair, PAIR, null));
    }

    @Test
    void namesRangesAndTheRestOfTheValueMap() {
        CimInstance vendor = CimInstance.builder("Test_Pair").property("CopyState", CimValue.ofUint16(0x8001)).build();
        CimInstance reserved = CimInstance.builder("Test_Pair").property("CopyState", CimValue.ofUint16(77)).build();
        assertEquals("{\"class\":\"Test_Pair\",\"p\":{\"CopyState\":32769},\"t\":{\"CopyState\":\"Vendor Specific\"}}",
                json(vendor, PAIR, null));
        assertEquals("{\"class\":\"Test_Pair\",\"p\":{\"CopyState\":77},\"t\":{\"CopyState\":\"DMTF Reserved\"}}",
                json(reserved, PAIR, null));
    }

    @Test
    void referencesCarryTheIdOfTheInstanceTheyNameAndAShortLabel() {
        ObjectPath volume = ObjectPath.builder("Test_Volume").key("SystemName", "s").key("DeviceID", "disk-1").build();
        CimInstance i = CimInstance.builder("Test_Link")
                .property("Element", CimValue.ofReference(volume.withHost("example.org")))
                .build();
        String id = InstanceJson.normalized(volume, NS).canonical();
        assertEquals("{\"via\":\"src\",\"class\":\"Test_Link\",\"p\":{\"Element\":{\"id\":\"" + id.replace("\"", "\\\"")
                + "\",\"path\":\"root/cimv2/storage/iscsitarget:Test_Volume.SystemName=\\\"s\\\",DeviceID=\\\"disk-1\\\"\","
                + "\"label\":\"disk-1\"}},\"t\":{}}", json(i, null, "src"));
    }

    @Test
    void writesEveryTypeSoThatJavaScriptReadsItExactly() {
        CimInstance i = CimInstance.builder("Test_Types")
                .property("Flag", CimValue.ofBoolean(true))
                .property("Big", CimValue.ofUint64(new BigInteger("18446744073709551615")))
                .property("Safe", CimValue.ofUint64(9007199254740991L))
                .property("Real", CimValue.ofReal64(0.5))
                .property("NotANumber", CimValue.ofReal32(Float.NaN))
                .property("When", CimValue.ofDateTime(CimDateTime.parse("20261101044800.000000+000")))
                .property("Nothing", CimValue.nullOf(CimType.STRING))
                .property("Names", CimValue.ofStrings(List.of("a", "b")))
                .build();
        assertEquals("{\"class\":\"Test_Types\",\"p\":{\"Flag\":true,\"Big\":\"18446744073709551615\","
                + "\"Safe\":9007199254740991,\"Real\":0.5,\"NotANumber\":\"NaN\",\"When\":\"20261101044800.000000+000\","
                + "\"Nothing\":null,\"Names\":[\"a\",\"b\"]},\"t\":{}}", json(i, null, null));
    }

    @Test
    void escapesClientControlledTextSoItIsInertEvenInsideHtml() {
        CimInstance i = CimInstance.builder("Test_Volume")
                .property("ElementName", "</script><img src=x onerror=alert(1)>\"'&\u2028\u0001\\")
                .build();
        assertEquals("{\"class\":\"Test_Volume\",\"p\":{\"ElementName\":"
                + "\"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\\\"\\u0027\\u0026\\u2028\\u0001\\\\\"},"
                + "\"t\":{}}", json(i, null, null));
    }

    @Test
    void aPropertyTheClassDoesNotDeclareHasNoName() {
        CimInstance i = CimInstance.builder("Test_Pair").property("Extra", CimValue.ofUint16(4)).build();
        assertEquals("{\"class\":\"Test_Pair\",\"p\":{\"Extra\":4},\"t\":{}}", json(i, PAIR, null));
        assertEquals(CimName.of("Test_Pair"), i.className());
    }
}
