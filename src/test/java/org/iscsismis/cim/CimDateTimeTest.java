package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CimDateTimeTest {

    /** text, instant, offset minutes. */
    static Stream<Arguments> timestamps() {
        return Stream.of(
                Arguments.of("20261125114630.000000+000", "2026-11-25T11:46:30Z", 0),
                Arguments.of("20261125064630.000000-300", "2026-11-25T11:46:30Z", -300),
                Arguments.of("20261125131630.123456+090", "2026-11-25T11:46:30.123456Z", 90),
                Arguments.of("19700101000000.000000+000", "1970-01-01T00:00:00Z", 0),
                Arguments.of("00010101000000.000000+000", "0001-01-01T00:00:00Z", 0),
                Arguments.of("99991231235959.999999+000", "9999-12-31T23:59:59.999999Z", 0),
                Arguments.of("20240229120000.000000-999", "2024-03-01T04:39:00Z", -999),
                Arguments.of("20240101000000.000001+999", "2023-12-31T07:21:00.000001Z", 999));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timestamps")
    void timestampRoundTrips(String text, String instant, int offset) {
        CimDateTime d = CimDateTime.parse(text);
        assertFalse(d.isInterval());
        assertEquals(text, d.toString());
        assertEquals(Instant.parse(instant), d.toInstant());
        assertEquals(offset, d.utcOffsetMinutes());
        assertEquals(d, CimDateTime.ofInstant(Instant.parse(instant), offset));
        assertEquals(text, CimDateTime.ofInstant(d.toInstant(), offset).toString());
    }

    /** The digits written by hand agree with a format string over many instants, offsets and intervals. */
    @Test
    void writtenFieldsAgreeWithFormatting() {
        Random random = new Random(20261125);
        long maxSecond = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long minSecond = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() + 999 * 60;
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(minSecond + (long) (random.nextDouble() * (maxSecond - 999 * 60 - minSecond)),
                    random.nextInt(1_000_000_000));
            int offset = random.nextInt(1999) - 999;
            LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC).plusMinutes(offset);
            assertEquals(String.format(Locale.ROOT, "%04d%02d%02d%02d%02d%02d.%06d%c%03d", t.getYear(), t.getMonthValue(),
                            t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000,
                            offset < 0 ? '-' : '+', Math.abs(offset)),
                    CimDateTime.ofInstant(instant, offset).toString());
            Duration d = Duration.ofSeconds((long) (random.nextDouble() * 99_999_999L * 86_400), random.nextInt(1_000_000_000));
            long secs = d.minusDays(d.toDays()).getSeconds();
            assertEquals(String.format(Locale.ROOT, "%08d%02d%02d%02d.%06d:000", d.toDays(), secs / 3600, (secs / 60) % 60,
                    secs % 60, d.getNano() / 1000), CimDateTime.ofInterval(d).toString());
        }
    }

    /** text, duration. */
    static Stream<Arguments> intervals() {
        return Stream.of(
                Arguments.of("00000001020304.000000:000", Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4)),
                Arguments.of("00000000000000.000000:000", Duration.ZERO),
                Arguments.of("00000000000000.000001:000", Duration.ofNanos(1000)),
                Arguments.of("99999999235959.999999:000", Duration.ofDays(99_999_999).plusSeconds(86_399).plusNanos(999_999_000)),
                Arguments.of("00000365000000.500000:000", Duration.ofDays(365).plusMillis(500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intervals")
    void intervalRoundTrips(String text, Duration duration) {
        CimDateTime d = CimDateTime.parse(text);
        assertTrue(d.isInterval());
        assertEquals(duration, d.toDuration());
        assertEquals(d, CimDateTime.ofInterval(duration));
        assertEquals(text, CimDateTime.ofInterval(duration).toString());
        assertThrows(IllegalStateException.class, d::toInstant);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026112511****.******+000", "20261125114630.123***+000", "**************.******+000",
        "********1203**.******:000", "00000001******.******:000"})
    void wildcardsAreAccepted(String text) {
        CimDateTime d = CimDateTime.parse(text);
        assertTrue(d.hasWildcards());
        assertEquals(text, d.toString());
        assertThrows(IllegalStateException.class, () -> {
            if (d.isInterval()) {
                d.toDuration();
            } else {
                d.toInstant();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "20261125114630.000000+00", "20261125114630.000000+0000", "2026112511463.000000+000 ",
        "20261125114630,000000+000", "20261125114630.000000*000", "20261125114630.000000+0*0",
        "20261325114630.000000+000", "20261100114630.000000+000", "20260230114630.000000+000",
        "20261125244630.000000+000", "20261125116030.000000+000", "20261125114660.000000+000",
        "2026112511463*.000000+000", "20261125114630.12*456+000", "2026x125114630.000000+000",
        "00000001240304.000000:000", "00000001026004.000000:000", "00000001020304.000000:001",
        "-0000001020304.000000:000", "20261125114630.-00000+000"})
    void badStringsAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CimDateTime.parse(text));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void zeroOffsetIsCanonicalPlus() {
        assertEquals(CimDateTime.parse("20261125114630.000000+000"), CimDateTime.parse("20261125114630.000000-000"));
        assertEquals("20261125114630.000000+000", CimDateTime.parse("20261125114630.000000-000").toString());
    }

    @Test
    void sameInstantDifferentOffsetIsADifferentValue() {
        assertNotEquals(CimDateTime.parse("20261125114630.000000+000"), CimDateTime.parse("20261125064630.000000-300"));
    }

    @Test
    void factoriesRejectOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> CimDateTime.ofInterval(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> CimDateTime.ofInterval(Duration.ofDays(100_000_000)));
        assertThrows(IllegalArgumentException.class, () -> CimDateTime.ofInstant(Instant.EPOCH, 1000));
        assertThrows(IllegalArgumentException.class, () -> CimDateTime.ofInstant(Instant.parse("+10000-01-01T00:00:00Z"), 0));
        assertEquals("19700101000000.000000+000", CimDateTime.ofInstant(Instant.ofEpochSecond(0, 999), 0).toString());
    }
}
