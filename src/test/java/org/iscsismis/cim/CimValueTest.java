package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CimValueTest {

    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    /** type, minimum, maximum, below minimum, above maximum, expected Java class. */
    static Stream<Arguments> integerRanges() {
        return Stream.of(
                Arguments.of(CimType.UINT8, 0L, 255L, -1L, 256L, Short.class),
                Arguments.of(CimType.SINT8, -128L, 127L, -129L, 128L, Byte.class),
                Arguments.of(CimType.UINT16, 0L, 65535L, -1L, 65536L, Integer.class),
                Arguments.of(CimType.SINT16, -32768L, 32767L, -32769L, 32768L, Short.class),
                Arguments.of(CimType.UINT32, 0L, 4294967295L, -1L, 4294967296L, Long.class),
                Arguments.of(CimType.SINT32, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE,
                        Integer.MIN_VALUE - 1L, Integer.MAX_VALUE + 1L, Integer.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integerRanges")
    void integerRangesAreEnforced(CimType type, long min, long max, long below, long above, Class<?> javaClass) {
        CimValue lo = CimValue.of(type, min);
        CimValue hi = CimValue.of(type, max);
        assertEquals(javaClass, lo.value().getClass());
        assertEquals(min, ((Number) lo.value()).longValue());
        assertEquals(max, ((Number) hi.value()).longValue());
        assertEquals(Long.toString(min), lo.toText());
        assertEquals(Long.toString(max), hi.toText());
        assertThrows(IllegalArgumentException.class, () -> CimValue.of(type, below));
        assertThrows(IllegalArgumentException.class, () -> CimValue.of(type, above));
        assertThrows(IllegalArgumentException.class, () -> CimValue.parse(type, Long.toString(below)));
        assertThrows(IllegalArgumentException.class, () -> CimValue.parse(type, Long.toString(above)));
        assertEquals(lo, CimValue.parse(type, Long.toString(min)));
        assertEquals(hi, CimValue.parse(type, Long.toString(max)));
    }

    static Stream<Arguments> wideIntegerRanges() {
        BigInteger lmin = BigInteger.valueOf(Long.MIN_VALUE);
        BigInteger lmax = BigInteger.valueOf(Long.MAX_VALUE);
        return Stream.of(
                Arguments.of(CimType.UINT64, BigInteger.ZERO, U64_MAX, BigInteger.ONE.negate(), U64_MAX.add(BigInteger.ONE), BigInteger.class),
                Arguments.of(CimType.SINT64, lmin, lmax, lmin.subtract(BigInteger.ONE), lmax.add(BigInteger.ONE), Long.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wideIntegerRanges")
    void sixtyFourBitRangesAreEnforced(CimType type, BigInteger min, BigInteger max, BigInteger below, BigInteger above, Class<?> javaClass) {
        assertEquals(javaClass, CimValue.of(type, min).value().getClass());
        assertEquals(max.toString(), CimValue.of(type, max).toText());
        assertEquals(min.toString(), CimValue.of(type, min).toText());
        assertThrows(IllegalArgumentException.class, () -> CimValue.of(type, below));
        assertThrows(IllegalArgumentException.class, () -> CimValue.of(type, above));
        assertThrows(IllegalArgumentException.class, () -> CimValue.parse(type, below.toString()));
        assertThrows(IllegalArgumentException.class, () -> CimValue.parse(type, above.toString()));
        assertEquals(CimValue.of(type, max), CimValue.parse(type, max.toString()));
    }

    static Stream<Arguments> wrongJavaTypes() {
        return Stream.of(
                Arguments.of(CimType.UINT8, "1"),
                Arguments.of(CimType.UINT32, 1.0),
                Arguments.of(CimType.BOOLEAN, "true"),
                Arguments.of(CimType.STRING, 5),
                Arguments.of(CimType.CHAR16, "ab"),
                Arguments.of(CimType.REAL32, 0.1),
                Arguments.of(CimType.REAL64, 1),
                Arguments.of(CimType.DATETIME, 5L),
                Arguments.of(CimType.REFERENCE, "root/cimv2:X.k=1"),
                Arguments.of(CimType.INSTANCE, 3),
                Arguments.of(CimType.arrayOf(CimType.Kind.UINT8), 1));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("wrongJavaTypes")
    void wrongJavaTypesAreRejected(CimType type, Object value) {
        assertThrows(IllegalArgumentException.class, () -> CimValue.of(type, value));
    }

    /** type, text, expected Java value. */
    static Stream<Arguments> goodTexts() {
        return Stream.of(
                Arguments.of(CimType.BOOLEAN, "TRUE", true),
                Arguments.of(CimType.BOOLEAN, "false", false),
                Arguments.of(CimType.BOOLEAN, " True ", true),
                Arguments.of(CimType.STRING, " a&b ", " a&b "),
                Arguments.of(CimType.STRING, "", ""),
                Arguments.of(CimType.CHAR16, "x", 'x'),
                Arguments.of(CimType.CHAR16, " ", ' '),
                Arguments.of(CimType.UINT8, "0x1F", (short) 31),
                Arguments.of(CimType.UINT8, "0XfF", (short) 255),
                Arguments.of(CimType.UINT8, "+7", (short) 7),
                Arguments.of(CimType.UINT8, "101b", (short) 5),
                Arguments.of(CimType.SINT8, "-0x80", (byte) -128),
                Arguments.of(CimType.UINT16, "65535", 65535),
                Arguments.of(CimType.SINT16, "-32768", (short) -32768),
                Arguments.of(CimType.UINT32, " 4096 ", 4096L),
                Arguments.of(CimType.SINT32, "-17", -17),
                Arguments.of(CimType.UINT64, "0xFFFFFFFFFFFFFFFF", U64_MAX),
                Arguments.of(CimType.SINT64, "-9223372036854775808", Long.MIN_VALUE),
                Arguments.of(CimType.REAL32, "1.5", 1.5f),
                Arguments.of(CimType.REAL32, "-2.5E-3", -2.5e-3f),
                Arguments.of(CimType.REAL64, "1.5E+10", 1.5e10),
                Arguments.of(CimType.REAL64, ".5", 0.5),
                Arguments.of(CimType.REAL64, "3", 3.0),
                Arguments.of(CimType.REAL64, "INF", Double.POSITIVE_INFINITY),
                Arguments.of(CimType.REAL64, "-INF", Double.NEGATIVE_INFINITY),
                Arguments.of(CimType.REAL64, "NaN", Double.NaN),
                Arguments.of(CimType.DATETIME, "20261125114630.000000+000", CimDateTime.parse("20261125114630.000000+000")),
                Arguments.of(CimType.DATETIME, "00000001020304.000000:000", CimDateTime.parse("00000001020304.000000:000")),
                Arguments.of(CimType.INSTANCE, "<INSTANCE CLASSNAME=\"X\"/>", "<INSTANCE CLASSNAME=\"X\"/>"));
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @MethodSource("goodTexts")
    void parsesEveryType(CimType type, String text, Object expected) {
        CimValue v = CimValue.parse(type, text);
        assertEquals(expected, v.value());
        assertEquals(type, v.type());
        assertEquals(v, CimValue.parse(type, v.toText()), "toText round trip");
    }

    static Stream<Arguments> badTexts() {
        return Stream.of(
                Arguments.of(CimType.BOOLEAN, "yes"),
                Arguments.of(CimType.BOOLEAN, "1"),
                Arguments.of(CimType.BOOLEAN, ""),
                Arguments.of(CimType.CHAR16, ""),
                Arguments.of(CimType.CHAR16, "ab"),
                Arguments.of(CimType.UINT8, ""),
                Arguments.of(CimType.UINT8, "12a"),
                Arguments.of(CimType.UINT8, "1.0"),
                Arguments.of(CimType.UINT8, "0x"),
                Arguments.of(CimType.UINT8, "0x100"),
                Arguments.of(CimType.UINT16, "-1"),
                Arguments.of(CimType.SINT32, "2147483648"),
                Arguments.of(CimType.UINT64, "-0x1"),
                Arguments.of(CimType.SINT64, "9223372036854775808"),
                Arguments.of(CimType.REAL32, "abc"),
                Arguments.of(CimType.REAL32, "1e39"),
                Arguments.of(CimType.REAL64, "1.5d"),
                Arguments.of(CimType.REAL64, "0x1p3"),
                Arguments.of(CimType.REAL64, "1e400"),
                Arguments.of(CimType.REAL64, ""),
                Arguments.of(CimType.DATETIME, "2026-11-25"),
                Arguments.of(CimType.REFERENCE, "root/cimv2:X.k=1"),
                Arguments.of(CimType.arrayOf(CimType.Kind.STRING), "a"));
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @MethodSource("badTexts")
    void rejectsBadText(CimType type, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CimValue.parse(type, text));
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    }

    @Test
    void arraysKeepNullElementsAndAreUnmodifiable() {
        CimValue v = CimValue.parseArray(CimType.arrayOf(CimType.Kind.UINT16), Arrays.asList("1", null, "0x10"));
        assertEquals(Arrays.asList(1, null, 16), v.value());
        assertEquals(Arrays.asList("1", null, "16"), v.toTexts());
        assertTrue(v.isArray());
        assertThrows(UnsupportedOperationException.class, () -> v.values().add(3));
        assertThrows(IllegalArgumentException.class,
                () -> CimValue.parseArray(CimType.arrayOf(CimType.Kind.UINT8), List.of("1", "300")));
        assertThrows(IllegalArgumentException.class, () -> CimValue.parseArray(CimType.UINT8, List.of("1")));
        assertEquals(v, CimValue.of(CimType.arrayOf(CimType.Kind.UINT16), Arrays.asList(1L, null, (short) 16)));
    }

    @Test
    void nullValues() {
        CimValue n = CimValue.nullOf(CimType.UINT32);
        assertTrue(n.isNull());
        assertNull(n.toText());
        assertEquals(n, CimValue.of(CimType.UINT32, null));
        assertNotEquals(n, CimValue.nullOf(CimType.UINT16));
        assertNotEquals(n, CimValue.nullOf(CimType.arrayOf(CimType.Kind.UINT32)));
    }

    @Test
    void equalityIsTypeAndValue() {
        assertEquals(CimValue.ofUint16(5), CimValue.of(CimType.UINT16, 5L));
        assertNotEquals(CimValue.ofUint16(5), CimValue.ofUint32(5));
        assertNotEquals(CimValue.ofString("a"), CimValue.ofString("A"));
        assertEquals(CimValue.ofUint16(5).hashCode(), CimValue.of(CimType.UINT16, (byte) 5).hashCode());
    }

    @Test
    void textForms() {
        assertEquals("TRUE", CimValue.ofBoolean(true).toText());
        assertEquals("FALSE", CimValue.ofBoolean(false).toText());
        assertEquals("INF", CimValue.ofReal32(Float.POSITIVE_INFINITY).toText());
        assertEquals("-INF", CimValue.ofReal64(Double.NEGATIVE_INFINITY).toText());
        assertEquals("NaN", CimValue.ofReal64(Double.NaN).toText());
        assertEquals("18446744073709551615", CimValue.ofUint64(U64_MAX).toText());
        assertThrows(IllegalStateException.class, () -> CimValue.ofStrings(List.of("a")).toText());
        assertThrows(IllegalStateException.class, () -> CimValue.ofString("a").toTexts());
    }

    /** A huge literal (parsing is quadratic in its digits) is refused by its length, with a short message. */
    @ParameterizedTest
    @MethodSource("numericTypes")
    void overlongNumericLiteralIsRefusedByLength(CimType type) {
        String digits = "1".repeat(1_000_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CimValue.parse(type, digits));
        assertTrue(e.getMessage().contains("literal of 1000000 characters exceeds the limit of 256 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "the message quotes only the start of the text");
        assertThrows(IllegalArgumentException.class, () -> CimValue.parseNumeric(digits));
    }

    @Test
    void literalAtTheLimitStillParses() {
        String zeros = "0".repeat(CimValue.MAX_NUMBER_LENGTH - 1) + "7";
        assertEquals(7L, CimValue.parse(CimType.SINT64, zeros).value());
        assertEquals(7.0, CimValue.parse(CimType.REAL64, " " + zeros + " ").value());
    }

    static Stream<CimType> numericTypes() {
        return Stream.of(CimType.UINT8, CimType.SINT64, CimType.UINT64, CimType.REAL32, CimType.REAL64);
    }
}
