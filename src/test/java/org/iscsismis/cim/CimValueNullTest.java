package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The NULL value of a shared type constant is one object; of any other type, an equal one of that very type. */
class CimValueNullTest {

    @ParameterizedTest
    @EnumSource(CimType.Kind.class)
    void theNullOfATypeConstantIsOneObject(CimType.Kind kind) {
        for (CimType type : new CimType[] {CimType.scalar(kind), CimType.arrayOf(kind)}) {
            CimValue n = CimValue.nullOf(type);
            assertSame(n, CimValue.nullOf(type));
            assertTrue(n.isNull());
            assertSame(type, n.type());
            assertEquals(type.array(), n.isArray());
        }
    }

    @ParameterizedTest
    @EnumSource(CimType.Kind.class)
    void theNullOfAnEqualTypeKeepsThatType(CimType.Kind kind) {
        CimType own = new CimType(kind, false, kind == CimType.Kind.REFERENCE ? CimName.of("CIM_Foo") : null);
        CimValue n = CimValue.nullOf(own);
        assertSame(own, n.type());
        assertEquals(CimValue.nullOf(CimType.scalar(kind)), n);
        assertNotSame(CimValue.nullOf(CimType.scalar(kind)), n);
    }
}
