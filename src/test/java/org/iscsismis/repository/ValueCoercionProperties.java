package org.iscsismis.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

class ValueCoercionProperties {

    private static CimValue toUint16(CimValue v) {
        return ValueCoercion.coerce(v, CimType.UINT16, "p", CimStatus.TYPE_MISMATCH);
    }

    @Property
    void anyIntegerKindOrTextInRangeBecomesTheDeclaredType(@ForAll @IntRange(min = 0, max = 65_535) int n) {
        CimValue expected = CimValue.ofUint16(n);
        assertEquals(expected, toUint16(CimValue.ofUint64(BigInteger.valueOf(n))));
        assertEquals(expected, toUint16(CimValue.ofSint64(n)));
        assertEquals(expected, toUint16(CimValue.ofUint32(n)));
        assertEquals(expected, toUint16(CimValue.ofString(Integer.toString(n))));
        assertEquals(expected, toUint16(CimValue.ofReal64(n)));
    }

    @Property
    void outOfRangeIsTypeMismatch(@ForAll @LongRange(min = 65_536, max = Long.MAX_VALUE) long n) {
        CimException e = assertThrows(CimException.class, () -> toUint16(CimValue.ofSint64(n)));
        assertEquals(CimStatus.TYPE_MISMATCH, e.status());
        assertThrows(CimException.class, () -> toUint16(CimValue.ofSint64(-1 - (n % 1000))));
    }

    @Property
    void realsTakeIntegersAndStringsStayStrings(@ForAll int n, @ForAll String s) {
        assertEquals(CimValue.ofReal64(n), ValueCoercion.coerce(CimValue.ofSint32(n), CimType.REAL64, "p", CimStatus.TYPE_MISMATCH));
        assertEquals(CimValue.ofString(s), ValueCoercion.coerce(CimValue.ofString(s), CimType.STRING, "p", CimStatus.TYPE_MISMATCH));
        assertThrows(CimException.class, () -> ValueCoercion.coerce(CimValue.ofSint32(n), CimType.STRING, "p", CimStatus.TYPE_MISMATCH));
    }
}
