package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets: the datetime parser (any text parses and round-trips through its 25-character form, or is
 * refused with an {@link IllegalArgumentException}) and the scalar value parser behind every VALUE and
 * KEYVALUE (the first byte picks the CIM type, the rest is the text).
 */
class CimDateTimeFuzzTest {

    private static final CimType[] SCALARS = {CimType.BOOLEAN, CimType.CHAR16, CimType.UINT8, CimType.SINT8,
        CimType.UINT16, CimType.SINT16, CimType.UINT32, CimType.SINT32, CimType.UINT64, CimType.SINT64,
        CimType.REAL32, CimType.REAL64, CimType.DATETIME, CimType.STRING};

    @FuzzTest(maxDuration = "10m")
    void parsesAnyDatetimeText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        CimDateTime parsed;
        try {
            parsed = CimDateTime.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(parsed, CimDateTime.parse(parsed.toString()));
    }

    @FuzzTest(maxDuration = "10m")
    void parsesAnyScalarText(byte[] input) {
        if (input.length == 0) {
            return;
        }
        CimType type = SCALARS[(input[0] & 0xFF) % SCALARS.length];
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        CimValue value;
        try {
            value = CimValue.parse(type, text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(type, value.type());
        try {
            CimValue.parseNumeric(text);
        } catch (IllegalArgumentException notANumber) {
            // only numbers parse here
        }
    }
}
