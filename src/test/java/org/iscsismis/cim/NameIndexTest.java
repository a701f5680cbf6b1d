package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A class finds its properties and methods by name without a map: scanned when few, through a table of
 * positions when many (char slots, int slots past 65 534). Every size must look up case-insensitively and refuse
 * a name given twice, as the map did (the large sizes also make names meet in a slot and probe past each other).
 */
class NameIndexTest {

    private static List<CimProperty> properties(int n) {
        List<CimProperty> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(CimProperty.declare("Prop" + i, CimType.UINT32));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 8, 9, 17, 64, 65, 1000, 70_000})
    void everyPropertyIsFoundInAnyCase(int n) {
        CimClass c = CimClass.builder("T_Many").build().withProperties(properties(n));
        for (int i = 0; i < n; i++) {
            CimProperty p = c.properties().get(i);
            assertSame(p, c.property(p.name()));
            assertSame(p, c.property(("prop" + i).toUpperCase(Locale.ROOT)));
            assertSame(p, c.property(CimName.of("pROP" + i)));
        }
        assertNull(c.property("Prop" + n));
        assertNull(c.property("Other"));
        assertNull(c.property((CimName) null));
        assertNull(c.property("not a name"));
        assertEquals(n, c.properties().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 9, 17, 64, 65, 1000, 70_000})
    void aPropertyNameGivenTwiceInAnotherCaseIsRefused(int n) {
        List<CimProperty> props = properties(n);
        props.add(CimProperty.declare("PROP" + (n / 2), CimType.STRING));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CimClass.builder("T_Dup").build().withProperties(props));
        assertEquals("Duplicate property PROP" + (n / 2) + " in class T_Dup", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 9, 40})
    void methodsAreFoundAndDuplicatesRefused(int n) {
        List<CimMethod> methods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            methods.add(CimMethod.of("Do" + i, CimType.UINT32, List.of()));
        }
        CimClass c = CimClass.builder("T_Methods").build().withMethods(methods);
        for (int i = 0; i < n; i++) {
            assertSame(methods.get(i), c.method("DO" + i));
        }
        assertNull(c.method("Do" + n));
        methods.add(CimMethod.of("dO0", CimType.UINT32, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CimClass.builder("T_Methods").build().withMethods(methods));
        assertEquals("Duplicate method dO0 in class T_Methods", e.getMessage());
    }
}
