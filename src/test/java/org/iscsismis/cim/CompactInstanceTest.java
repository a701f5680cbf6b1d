package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instances laid out by a shared {@link PropertyLayout}: what they share, what they refuse, what they keep. */
class CompactInstanceTest {

    private static final CimName CLASS = CimName.of("Test_Item");
    private static final CimValue DEFAULT_STATUS = CimValue.ofUint16(2);
    /** Id (string), Status (uint16, default 2), Note (string, NULL default). */
    private static final List<CimProperty> DECLARED = List.of(
            CimProperty.declare("Id", CimType.STRING),
            CimProperty.declare("Status", CimType.UINT16).withValue(DEFAULT_STATUS),
            CimProperty.declare("Note", CimType.STRING));
    private static final PropertyLayout LAYOUT = PropertyLayout.of(DECLARED);

    private static CimInstance item(String id, CimValue status, CimValue note) {
        return CimInstance.compact(CLASS, LAYOUT, List.of(CimValue.ofString(id), status, note));
    }

    @Test
    void propertyNamesAreThePropertiesNamesForCompactAndOrdinaryInstances() {
        CimInstance compact = item("a", DEFAULT_STATUS, CimValue.ofString("n"));
        CimInstance ordinary = new CimInstance(CLASS, null, new java.util.ArrayList<>(compact.properties()), List.of());
        for (CimInstance i : List.of(compact, ordinary)) {
            for (int k = 0; k < i.properties().size(); k++) {
                assertEquals(i.properties().get(k).name().toString(), i.propertyName(k).toString());
            }
        }
    }

    @Test
    void nullValuesOfInstancesAreOneSharedObject() {
        CimInstance a = item("a", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING));
        CimInstance b = item("b", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING));
        assertSame(a.value("Note"), b.value("Note"));
        assertSame(DECLARED.get(2).value(), a.value("Note"), "the class's own NULL default is the shared one");
        assertTrue(a.value("note").isNull());
    }

    @Test
    void aClassDefaultIsKeptAsTheClassObject() {
        CimInstance a = item("a", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING));
        assertSame(DEFAULT_STATUS, a.value("Status"));
        assertSame(DEFAULT_STATUS, a.property("STATUS").value());
    }

    @Test
    void aValueEqualToTheDefaultIsKeptAsTheDefault() {
        CimInstance a = item("a", CimValue.ofUint16(2), CimValue.nullOf(CimType.STRING));
        assertSame(DEFAULT_STATUS, a.value("Status"));
        assertEquals(item("a", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING)).properties(), a.properties());
    }

    @Test
    void referencesKeepTheClassTheyName() {
        CimType declared = CimType.reference(CimName.of("CIM_ManagedElement"));
        PropertyLayout layout = PropertyLayout.of(List.of(CimProperty.declare("Id", CimType.STRING),
                new CimProperty(CimName.of("Element"), declared, null, List.of(), null, false)));
        ObjectPath target = ObjectPath.of(null, CimName.of("CIM_StorageVolume"), List.of(KeyBinding.of("DeviceID", "vd1")));
        CimInstance a = CimInstance.compact(CLASS, layout, List.of(CimValue.ofString("a"), CimValue.ofReference(target)));
        assertEquals(declared, a.property("Element").type());
        assertEquals(CimType.reference(CimName.of("CIM_StorageVolume")), a.value("Element").type());
        assertEquals(target, a.value("Element").value());
        assertTrue(CimInstance.compact(CLASS, layout, List.of(CimValue.ofString("a"), CimValue.nullOf(declared)))
                .value("Element").isNull());
    }

    @Test
    void valuesOfAStringLikeKindOtherThanTheDeclaredOneKeepTheirType() {
        PropertyLayout layout = PropertyLayout.of(List.of(CimProperty.declare("Embedded", CimType.INSTANCE)));
        String text = "<INSTANCE CLASSNAME=\"CIM_Foo\"/>";
        CimInstance a = CimInstance.compact(CLASS, layout, List.of(CimValue.ofString(text)));
        assertEquals(CimValue.ofString(text), a.value("Embedded"));
        assertEquals(CimType.STRING, a.value("Embedded").type());
        CimInstance b = CimInstance.compact(CLASS, layout, List.of(CimValue.of(CimType.INSTANCE, text)));
        assertEquals(CimType.INSTANCE, b.value("Embedded").type());
        assertFalse(a.equals(b), "a string is not an embedded instance of the same text");
        assertFalse(a.properties().equals(b.properties()));
        assertEquals(new java.util.ArrayList<>(a.properties()), a.properties());
    }

    @Test
    void propertiesAreMadePlainFromTheLayout() {
        CimInstance a = item("a", CimValue.ofUint16(5), CimValue.ofString("n"));
        CimProperty status = a.property("status");
        assertEquals(CimName.of("Status"), status.name());
        assertEquals("Status", status.name().toString(), "the layout's spelling, whatever the spelling asked");
        assertEquals(CimType.UINT16, status.type());
        assertTrue(status.qualifiers().isEmpty());
        assertEquals(null, status.classOrigin());
        assertFalse(status.propagated());
        assertEquals(List.of("Id", "Status", "Note"), a.properties().stream().map(p -> p.name().toString()).toList());
    }

    @Test
    void copiesWithAnotherPathShareTheOneList() {
        CimInstance a = item("a", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING));
        ObjectPath path = ObjectPath.of(CimNamespace.of("root/cimv2"), CLASS, List.of(KeyBinding.of("Id", "a")));
        CimInstance withPath = a.withPath(path);
        assertSame(a.properties(), withPath.properties());
        assertSame(a.properties(), withPath.withPath(path.withoutHostAndNamespace()).properties());
        assertSame(a.properties(), new CimInstance(CLASS, path, a.properties(), List.of()).properties(),
                "an instance made from a compact list keeps that very list");
        assertTrue(withPath.isCompact());
    }

    @Test
    void settingAValueMakesANewListAndLeavesTheOldOne() {
        CimInstance a = item("a", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING));
        CimInstance b = a.withProperty(CimProperty.of("NOTE", CimValue.ofString("set")).withName(CimName.of("Note")));
        assertTrue(b.isCompact());
        assertNotSame(a.properties(), b.properties());
        assertEquals(CimValue.ofString("set"), b.value("Note"));
        assertTrue(a.value("Note").isNull());
        assertEquals(item("a", DEFAULT_STATUS, CimValue.ofString("set")), b);
    }

    @Test
    void aPropertyNotInStoredFormOrNotInTheLayoutMakesAnOrdinaryInstance() {
        CimInstance a = item("a", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING));
        CimProperty qualified = CimProperty.of("Note", CimValue.ofString("q"))
                .withQualifiers(List.of(CimQualifier.of("Description", CimValue.ofString("d"))));
        CimInstance withQualified = a.withProperty(qualified);
        assertFalse(withQualified.isCompact());
        assertEquals(qualified, withQualified.property("Note"));

        CimInstance extra = a.withProperty(CimProperty.of("Extra", CimValue.ofBoolean(true)));
        assertFalse(extra.isCompact());
        assertEquals(4, extra.properties().size());
        assertEquals(CimValue.ofBoolean(true), extra.value("extra"));
    }

    @Test
    void refusesValuesThatDoNotFitAndWrongCounts() {
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> item("a", CimValue.ofString("two"), CimValue.nullOf(CimType.STRING)));
        assertTrue(type.getMessage().contains("Status"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CimInstance.compact(CLASS, LAYOUT, List.of(CimValue.ofString("a"))));
        assertThrows(NullPointerException.class,
                () -> CimInstance.compact(CLASS, LAYOUT, Arrays.asList(CimValue.ofString("a"), null, null)));
        assertThrows(IllegalArgumentException.class, () -> PropertyLayout.of(List.of(
                CimProperty.declare("Id", CimType.STRING), CimProperty.declare("ID", CimType.UINT8))));
    }

    @Test
    void theListCannotBeChanged() {
        List<CimProperty> props = item("a", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING)).properties();
        CimProperty any = props.get(0);
        assertThrows(UnsupportedOperationException.class, () -> props.add(any));
        assertThrows(UnsupportedOperationException.class, () -> props.set(0, any));
        assertThrows(UnsupportedOperationException.class, () -> props.remove(0));
        assertThrows(UnsupportedOperationException.class, () -> {
            var it = props.iterator();
            it.next();
            it.remove();
        });
    }

    @Test
    void layoutFindsNamesAndMatchesOnlyTheSameSpellingAndTypes() {
        assertEquals(1, LAYOUT.indexOf(CimName.of("STATUS")));
        assertEquals(-1, LAYOUT.indexOf(CimName.of("Other")));
        assertTrue(LAYOUT.matches(DECLARED));
        assertFalse(LAYOUT.matches(List.of(CimProperty.declare("id", CimType.STRING),
                CimProperty.declare("Status", CimType.UINT16), CimProperty.declare("Note", CimType.STRING))));
        assertFalse(LAYOUT.matches(List.of(CimProperty.declare("Id", CimType.STRING),
                CimProperty.declare("Status", CimType.UINT32), CimProperty.declare("Note", CimType.STRING))));
        assertFalse(LAYOUT.matches(DECLARED.subList(0, 2)));
        assertFalse(LAYOUT.matches(List.of(CimProperty.declare("Id", CimType.STRING),
                CimProperty.declare("Status", CimType.UINT16).withValue(CimValue.ofUint16(3)),
                CimProperty.declare("Note", CimType.STRING))), "another default");
        assertEquals(0, PropertyLayout.of(List.of()).size());
        assertEquals(-1, PropertyLayout.of(List.of()).indexOf(CimName.of("Id")));
    }

    @Test
    void keysAreReadFromTheValues() {
        CimClass cls = CimClass.builder("Test_Item").key("Id", CimType.STRING).property("Status", CimType.UINT16)
                .property("Note", CimType.STRING).build();
        CimInstance a = item("k1", DEFAULT_STATUS, CimValue.nullOf(CimType.STRING));
        ObjectPath p = a.pathFrom(cls, CimNamespace.of("root/cimv2"));
        assertSame(a.value("Id").value(), p.keys().get(0).value().value(), "the path holds the stored string itself");
        CimInstance noKey = CimInstance.compact(CLASS, LAYOUT, List.of(CimValue.nullOf(CimType.STRING), DEFAULT_STATUS,
                CimValue.nullOf(CimType.STRING)));
        CimException e = assertThrows(CimException.class, () -> noKey.pathFrom(cls, null));
        assertEquals(CimStatus.INVALID_PARAMETER, e.status());
        assertTrue(e.getMessage().contains("Id") && e.getMessage().contains("NULL"), e.getMessage());
    }
}
