package org.iscsismis.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(toText(v)) == v for random values of every scalar type. */
class CimValueProperties {

    private static void roundTrips(CimValue v) {
        assertEquals(v, CimValue.parse(v.type(), v.toText()), () -> "round trip of " + v);
    }

    @Property(tries = 200)
    void booleans(@ForAll boolean b) {
        roundTrips(CimValue.ofBoolean(b));
    }

    @Property(tries = 300)
    void strings(@ForAll String s) {
        roundTrips(CimValue.ofString(s));
    }

    @Property(tries = 200)
    void char16(@ForAll char c) {
        roundTrips(CimValue.ofChar16(c));
    }

    @Property(tries = 300)
    void integers(@ForAll("integerValues") CimValue v) {
        roundTrips(v);
    }

    @Provide
    Arbitrary<CimValue> integerValues() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(CimValue::ofUint8),
                Arbitraries.integers().between(-128, 127).map(CimValue::ofSint8),
                Arbitraries.integers().between(0, 65_535).map(CimValue::ofUint16),
                Arbitraries.integers().between(-32_768, 32_767).map(CimValue::ofSint16),
                Arbitraries.longs().between(0, 4_294_967_295L).map(CimValue::ofUint32),
                Arbitraries.integers().map(CimValue::ofSint32),
                Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
                        .map(CimValue::ofUint64),
                Arbitraries.longs().map(CimValue::ofSint64));
    }

    @Property(tries = 300)
    void real32(@ForAll float f) {
        roundTrips(CimValue.ofReal32(f));
    }

    @Property(tries = 300)
    void real64(@ForAll double d) {
        roundTrips(CimValue.ofReal64(d));
    }

    @Property(tries = 100)
    void real32Bits(@ForAll int bits) {
        roundTrips(CimValue.ofReal32(Float.intBitsToFloat(bits)));
    }

    @Property(tries = 100)
    void real64Bits(@ForAll long bits) {
        roundTrips(CimValue.ofReal64(Double.longBitsToDouble(bits)));
    }

    @Property(tries = 300)
    void timestamps(@ForAll("instants") Instant instant, @ForAll("offsets") int offset) {
        CimDateTime d = CimDateTime.ofInstant(instant, offset);
        roundTrips(CimValue.ofDateTime(d));
        assertEquals(instant.getEpochSecond(), d.toInstant().getEpochSecond());
        assertEquals(instant.getNano() / 1000, d.toInstant().getNano() / 1000);
    }

    @Property(tries = 200)
    void intervals(@ForAll("durations") Duration duration) {
        CimDateTime d = CimDateTime.ofInterval(duration);
        roundTrips(CimValue.ofDateTime(d));
        assertEquals(duration.getSeconds(), d.toDuration().getSeconds());
        assertEquals(duration.getNano() / 1000, d.toDuration().getNano() / 1000);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // years 0002..9997 so that any offset stays within 0000..9999
        long min = Instant.parse("0002-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9997-12-31T23:59:59Z").getEpochSecond();
        return Combinators.combine(Arbitraries.longs().between(min, max), Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(-999, 999);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Combinators.combine(Arbitraries.longs().between(0, 99_999_999L * 86_400 + 86_399), Arbitraries.integers().between(0, 999_999_999))
                .as(Duration::ofSeconds);
    }
}
