package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A flavor has eight possible values: each is one object wherever it is made or held. */
class CimFlavorTest {

    static Stream<CimFlavor> everyFlavor() {
        return IntStream.range(0, 8).mapToObj(c -> new CimFlavor((c & 4) != 0, (c & 2) != 0, (c & 1) != 0));
    }

    @ParameterizedTest
    @MethodSource("everyFlavor")
    void equalFlavorsAreTheSameObject(CimFlavor made) {
        CimFlavor canonical = CimFlavor.of(made.overridable(), made.toSubclass(), made.translatable());
        assertEquals(made, canonical);
        assertSame(canonical, CimFlavor.canonical(made));
        assertSame(canonical, CimFlavor.of(made.overridable(), made.toSubclass(), made.translatable()));
        assertSame(canonical, CimFlavor.DEFAULT.withOverridable(made.overridable()).withToSubclass(made.toSubclass())
                .withTranslatable(made.translatable()));
    }

    @ParameterizedTest
    @MethodSource("everyFlavor")
    void aQualifierHoldsTheCanonicalFlavorOfAnyEqualOneItIsGiven(CimFlavor made) {
        CimQualifier q = new CimQualifier(CimName.of("Description"), CimValue.ofString("d"), made, false);
        assertEquals(made, q.flavor());
        assertSame(CimFlavor.canonical(made), q.flavor());
        assertSame(CimFlavor.canonical(made), q.withFlavor(new CimFlavor(made.overridable(), made.toSubclass(),
                made.translatable())).flavor());
    }

    @ParameterizedTest
    @MethodSource("everyFlavor")
    void theNamedFlavorsAreCanonical(CimFlavor made) {
        assertSame(CimFlavor.of(true, true, false), CimFlavor.DEFAULT);
        assertSame(CimFlavor.of(false, true, false), CimFlavor.DISABLE_OVERRIDE);
        assertSame(CimFlavor.of(true, false, false), CimFlavor.RESTRICTED);
        assertEquals(made.hashCode(), CimFlavor.canonical(made).hashCode());
    }
}
