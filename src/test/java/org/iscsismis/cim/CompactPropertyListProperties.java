package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A compact instance is the same instance as one built from ordinary properties, whatever its values and types. */
class CompactPropertyListProperties {

    /** One property of a random class: its name, type and value (NULL in about one case of five). */
    record Slot(String name, CimValue value) {
        CimProperty stored() {
            return new CimProperty(CimName.of(name), value.type(), value, List.of(), null, false);
        }
    }

    @Provide
    Arbitrary<CimValue> values() {
        Arbitrary<CimValue> some = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(CimValue::ofString),
                Arbitraries.of(true, false).map(CimValue::ofBoolean),
                Arbitraries.integers().between(0, 65_535).map(CimValue::ofUint16),
                Arbitraries.longs().between(0, 4_294_967_295L).map(CimValue::ofUint32),
                Arbitraries.integers().map(CimValue::ofSint32),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(CimValue::ofUint64),
                Arbitraries.doubles().map(CimValue::ofReal64),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMaxSize(4).map(CimValue::ofStrings));
        Arbitrary<CimType> types = Arbitraries.of(CimType.STRING, CimType.BOOLEAN, CimType.UINT16, CimType.UINT32,
                CimType.SINT32, CimType.UINT64, CimType.REAL64, CimType.arrayOf(CimType.Kind.STRING));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, some), net.jqwik.api.Tuple.of(1, types.map(CimValue::nullOf)));
    }

    @Provide
    Arbitrary<List<Slot>> classes() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3).map(s -> "P" + s);
        return Combinators.combine(names, values()).as(Slot::new).list().ofMaxSize(40)
                .uniqueElements(s -> s.name().toLowerCase(Locale.ROOT));
    }

    private static CimInstance compact(List<Slot> slots, PropertyLayout layout) {
        return CimInstance.compact(CimName.of("Test_Random"), layout, slots.stream().map(Slot::value).toList());
    }

    /**
     * The layout of the slots' class: with NULL defaults (values are kept bare) or, if {@code defaultsAreTheValues},
     * the values as the class's defaults (values are kept as the default objects).
     */
    private static PropertyLayout layoutOf(List<Slot> slots, boolean defaultsAreTheValues) {
        return PropertyLayout.of(slots.stream().map(s -> defaultsAreTheValues ? s.stored()
                : new CimProperty(CimName.of(s.name()), s.value().type(), null, List.of(), null, false)).toList());
    }

    private static CimInstance ordinary(List<Slot> slots) {
        return new CimInstance(CimName.of("Test_Random"), null, slots.stream().map(Slot::stored).toList(), List.of());
    }

    @Property(tries = 300)
    void equalsAnOrdinaryListOfTheSameProperties(@ForAll("classes") List<Slot> slots, @ForAll boolean defaults) {
        CimInstance compact = compact(slots, layoutOf(slots, defaults));
        CimInstance ordinary = ordinary(slots);
        List<CimProperty> plain = new ArrayList<>(ordinary.properties());
        assertTrue(compact.isCompact());
        assertEquals(plain, compact.properties());
        assertEquals(compact.properties(), plain);
        assertEquals(plain.hashCode(), compact.properties().hashCode());
        assertEquals(ordinary, compact);
        assertEquals(compact, ordinary);
        assertEquals(ordinary.hashCode(), compact.hashCode());
        assertEquals(ordinary.toString(), compact.toString());
    }

    @Property(tries = 300)
    void looksUpByNameInAnyCase(@ForAll("classes") List<Slot> slots, @ForAll boolean defaults, @ForAll boolean upper) {
        CimInstance compact = compact(slots, layoutOf(slots, defaults));
        for (Slot s : slots) {
            String asked = upper ? s.name().toUpperCase(Locale.ROOT) : s.name().toLowerCase(Locale.ROOT);
            assertEquals(s.stored(), compact.property(asked));
            assertEquals(s.value(), compact.value(asked));
            assertEquals(s.value(), compact.value(CimName.of(asked)));
        }
        assertNull(compact.property("Q_absent"));
        assertNull(compact.value("Q_absent"));
        assertNull(compact.value("not a name"));
    }

    @Property(tries = 200)
    void twoLayoutsOfTheSameClassGiveEqualInstances(@ForAll("classes") List<Slot> slots, @ForAll boolean defaults) {
        CimInstance a = compact(slots, layoutOf(slots, defaults));
        CimInstance b = compact(slots, layoutOf(slots, defaults));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Property(tries = 200)
    void replacingAValueGivesWhatAnOrdinaryInstanceGives(@ForAll("classes") List<Slot> slots, @ForAll boolean defaults, @ForAll int which,
                                                         @ForAll("values") CimValue replacement) {
        if (slots.isEmpty()) {
            return;
        }
        Slot target = slots.get(Math.floorMod(which, slots.size()));
        CimProperty changed = new CimProperty(CimName.of(target.name()), replacement.type(), replacement, List.of(), null, false);
        CimInstance compact = compact(slots, layoutOf(slots, defaults)).withProperty(changed);
        CimInstance ordinary = ordinary(slots).withProperty(changed);
        assertEquals(ordinary, compact);
        assertEquals(ordinary.properties(), compact.properties());
        // it stays compact only when the new property fits the layout (same type)
        assertEquals(replacement.type().equals(target.value().type()), compact.isCompact());
    }

    /**
     * Two instances of one layout compare by what they keep: that must agree with comparing their properties, for
     * values kept bare, as defaults and as shared NULLs, given as the same objects or as equal copies.
     */
    @Property(tries = 300)
    void instancesOfOneLayoutCompareAsTheirProperties(@ForAll("classes") List<Slot> slots, @ForAll boolean defaults,
                                                      @ForAll("changes") List<Integer> changes) {
        PropertyLayout layout = layoutOf(slots, defaults);
        List<CimValue> other = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            CimValue v = slots.get(i).value();
            int change = changes.isEmpty() ? 0 : changes.get(i % changes.size());
            other.add(switch (change) {
                case 1 -> CimValue.of(v.type(), v.value()); // an equal copy
                case 2 -> CimValue.nullOf(v.type());
                default -> v;
            });
        }
        CimInstance a = compact(slots, layout);
        CimInstance b = CimInstance.compact(CimName.of("Test_Random"), layout, other);
        List<CimProperty> plainA = new ArrayList<>(a.properties());
        List<CimProperty> plainB = new ArrayList<>(b.properties());
        assertEquals(plainA.equals(plainB), a.properties().equals(b.properties()));
        assertEquals(plainA.equals(plainB), a.equals(b));
        if (a.equals(b)) {
            assertEquals(a.hashCode(), b.hashCode());
        }
    }

    @Provide
    Arbitrary<List<Integer>> changes() {
        return Arbitraries.integers().between(0, 2).list().ofMaxSize(10);
    }
}
