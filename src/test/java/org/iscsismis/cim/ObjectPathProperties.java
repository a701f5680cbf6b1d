package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Paths survive toString → parse, and identity does not depend on key order or name case. */
class ObjectPathProperties {

    @Property(tries = 300)
    void textFormRoundTrips(@ForAll String s, @ForAll long n, @ForAll boolean b) {
        ObjectPath p = ObjectPath.builder("CIM_X").namespace("root/cimv2")
                .key("S", s).key("N", CimValue.ofSint64(n)).key("B", CimValue.ofBoolean(b)).build();
        assertEquals(p, ObjectPath.parse(p.toString()));
    }

    @Property(tries = 200)
    void identityIgnoresKeyOrderAndNameCase(@ForAll @IntRange(min = 1, max = 6) int count, @ForAll long seed) {
        List<KeyBinding> keys = new ArrayList<>();
        List<KeyBinding> shuffledUpper = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(KeyBinding.of("Key" + i, CimValue.ofUint32(i)));
            shuffledUpper.add(KeyBinding.of("KEY" + i, CimValue.ofSint64(i)));
        }
        Collections.shuffle(shuffledUpper, new java.util.Random(seed));
        ObjectPath a = ObjectPath.of(CimNamespace.of("root/cimv2"), CimName.of("CIM_X"), keys);
        ObjectPath b = ObjectPath.of(CimNamespace.of("ROOT/cimv2"), CimName.of("cim_x"), shuffledUpper);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }
}
