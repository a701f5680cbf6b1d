package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CimInstanceTest {

    private static final CimNamespace NS = CimNamespace.of("root/cimv2");

    static final CimClass VOLUME = CimClass.builder("CIM_StorageVolume")
            .key("SystemCreationClassName", CimType.STRING)
            .key("SystemName", CimType.STRING)
            .key("CreationClassName", CimType.STRING)
            .key("DeviceID", CimType.STRING)
            .property("BlockSize", CimType.UINT64)
            .build();

    private static CimInstance.Builder volume() {
        return CimInstance.builder("CIM_StorageVolume")
                .property("DeviceID", "vd1")
                .property("BlockSize", CimValue.ofUint64(512))
                .property("systemname", "array1")
                .property("CreationClassName", "CIM_StorageVolume")
                .property("SystemCreationClassName", "CIM_ComputerSystem");
    }

    /** Duplicate names (ignoring case) are refused whether the instance has few properties or many. */
    @ParameterizedTest
    @ValueSource(ints = {2, 16, 17, 40, 200})
    void duplicatePropertyNamesAreRefusedAtAnySize(int count) {
        List<CimProperty> distinct = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            distinct.add(CimProperty.of("P" + i, CimValue.ofUint32(i)));
        }
        assertEquals(count, new CimInstance(CimName.of("Test_Wide"), null, distinct, List.of()).properties().size());
        for (int at : new int[] {0, count / 2, count - 1}) {
            List<CimProperty> withDuplicate = new ArrayList<>(distinct);
            withDuplicate.add(CimProperty.of("p" + at, CimValue.ofUint32(0)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new CimInstance(CimName.of("Test_Wide"), null, withDuplicate, List.of()));
            assertEquals("Duplicate property p" + at + " in instance of Test_Wide", e.getMessage());
        }
    }

    @Test
    void pathFromUsesClassKeyOrderAndSpelling() {
        ObjectPath p = volume().build().pathFrom(VOLUME, NS);
        assertEquals("root/cimv2:CIM_StorageVolume.SystemCreationClassName=\"CIM_ComputerSystem\",SystemName=\"array1\","
                + "CreationClassName=\"CIM_StorageVolume\",DeviceID=\"vd1\"", p.toString());
        assertEquals(ObjectPath.builder("cim_storagevolume").namespace("ROOT/cimv2")
                .key("deviceid", "vd1").key("SYSTEMNAME", "array1").key("CreationClassName", "CIM_StorageVolume")
                .key("SystemCreationClassName", "CIM_ComputerSystem").build(), p);
        assertNull(volume().build().pathFrom(VOLUME, null).namespace());
    }

    static Stream<Arguments> brokenInstances() {
        return Stream.of(
                Arguments.of("missing key", CimInstance.builder("CIM_StorageVolume").property("DeviceID", "vd1").build()),
                Arguments.of("NULL key", volume().property(CimProperty.of("DeviceID", CimValue.nullOf(CimType.STRING))).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenInstances")
    void pathFromRejectsMissingOrNullKeys(String why, CimInstance instance) {
        CimException e = assertThrows(CimException.class, () -> instance.pathFrom(VOLUME, NS));
        assertEquals(CimStatus.INVALID_PARAMETER, e.status());
    }

    @Test
    void pathFromNeedsKeys() {
        CimClass keyless = CimClass.builder("X").property("A", CimType.STRING).build();
        assertEquals(CimStatus.INVALID_CLASS,
                assertThrows(CimException.class, () -> CimInstance.builder("X").build().pathFrom(keyless, NS)).status());
    }

    /** By name, ignoring case, whether the instance is scanned (up to 16 properties) or looked up in a map (more). */
    @ParameterizedTest
    @ValueSource(ints = {1, 12, 16, 17, 60})
    void lookupsByNameAtAnySize(int count) {
        List<CimProperty> props = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            props.add(CimProperty.of("Prop" + i, CimValue.ofUint32(i)));
        }
        CimInstance wide = new CimInstance(CimName.of("Test_Wide"), null, props, List.of());
        for (int at : new int[] {0, count / 2, count - 1}) {
            assertEquals(CimValue.ofUint32(at), wide.value("PROP" + at));
            assertEquals(CimValue.ofUint32(at), wide.value(CimName.of("prop" + at)));
            assertEquals("Prop" + at, wide.property("pRoP" + at).name().toString());
        }
        assertNull(wide.value("Prop" + count));
        assertNull(wide.property("not a name"));
    }

    @Test
    void lookupsAndDerivations() {
        CimInstance i = volume().qualifier(CimQualifier.ofTrue("Q")).build();
        assertEquals(CimValue.ofString("array1"), i.value("SYSTEMNAME"));
        assertEquals(CimValue.ofString("array1"), i.value(CimName.of("SystemName")));
        assertNull(i.value("Nope"));
        assertEquals("systemname", i.property("SystemName").name().toString());
        assertEquals(0, i.withoutQualifiers().qualifiers().size());
        ObjectPath p = i.pathFrom(VOLUME, NS);
        assertEquals(p, i.withPath(p).path());
        CimInstance j = i.withProperty(CimProperty.of("BLOCKSIZE", CimValue.ofUint64(4096)));
        assertEquals(5, j.properties().size());
        assertEquals(CimValue.ofUint64(4096), j.value("BlockSize"));
        assertEquals(i, volume().qualifier(CimQualifier.ofTrue("Q")).build());
        assertThrows(IllegalArgumentException.class, () -> new CimInstance(CimName.of("X"), null,
                List.of(CimProperty.of("A", CimValue.ofString("1")), CimProperty.of("a", CimValue.ofString("2"))), List.of()));
    }
}
