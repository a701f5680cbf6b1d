package org.iscsismis.cim;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A DSP0004 datetime: exactly 25 characters, either a timestamp
 * {@code yyyymmddhhmmss.mmmmmmsutc} (sign {@code +}/{@code -}, UTC offset in minutes) or an
 * interval {@code ddddddddhhmmss.mmmmmm:000}.
 *
 * <p>Asterisks may stand for unknown fields: a field (year, month, day, hours, minutes, seconds;
 * for intervals days, hours, minutes, seconds) is either all digits or all asterisks, and the
 * microseconds may end in asterisks ({@code 12****}). The UTC offset and the interval suffix
 * {@code :000} must be literal. A value with asterisks has no {@link #toInstant()} /
 * {@link #toDuration()}.
 *
 * <p>Identity is the canonical 25-character text; the only normalisation applied is that a zero
 * offset is written {@code +000}.
 */
public final class CimDateTime implements Comparable<CimDateTime> {

    /** Length of every DSP0004 datetime string. */
    public static final int LENGTH = 25;

    private final String text;
    private final boolean interval;
    private final boolean wildcards;

    private CimDateTime(String text, boolean interval, boolean wildcards) {
        this.text = text;
        this.interval = interval;
        this.wildcards = wildcards;
    }

    /**
     * Parses the 25-character form.
     *
     * @throws IllegalArgumentException naming the problem (length, field, range)
     */
    public static CimDateTime parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Datetime must not be null");
        }
        if (text.length() != LENGTH) {
            throw new IllegalArgumentException("Datetime must have 25 characters, got " + text.length() + ": " + CimValue.quoted(text));
        }
        if (text.charAt(14) != '.') {
            throw new IllegalArgumentException("Datetime needs '.' at position 15: \"" + text + "\"");
        }
        char sign = text.charAt(21);
        boolean interval = sign == ':';
        if (!interval && sign != '+' && sign != '-') {
            throw new IllegalArgumentException("Datetime needs '+', '-' (timestamp) or ':' (interval) at position 22: \"" + text + "\"");
        }
        boolean wild = false;
        if (interval) {
            if (!text.startsWith("000", 22)) {
                throw new IllegalArgumentException("Interval must end in \":000\": \"" + text + "\"");
            }
            wild |= field(text, 0, 8, "days", 0, 99_999_999);
            wild |= field(text, 8, 10, "hours", 0, 23);
            wild |= field(text, 10, 12, "minutes", 0, 59);
            wild |= field(text, 12, 14, "seconds", 0, 59);
        } else {
            for (int i = 22; i < 25; i++) {
                if (!isDigit(text.charAt(i))) {
                    throw new IllegalArgumentException("UTC offset must be three digits: \"" + text + "\"");
                }
            }
            boolean wy = field(text, 0, 4, "year", 0, 9999);
            boolean wm = field(text, 4, 6, "month", 1, 12);
            boolean wd = field(text, 6, 8, "day", 1, 31);
            wild |= wy | wm | wd;
            wild |= field(text, 8, 10, "hour", 0, 23);
            wild |= field(text, 10, 12, "minute", 0, 59);
            wild |= field(text, 12, 14, "second", 0, 59);
            if (!wy && !wm && !wd) {
                int y = Integer.parseInt(text, 0, 4, 10);
                int m = Integer.parseInt(text, 4, 6, 10);
                int d = Integer.parseInt(text, 6, 8, 10);
                if (d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
                    throw new IllegalArgumentException("Day " + d + " does not exist in " + y + "-" + m + ": \"" + text + "\"");
                }
            }
        }
        // microseconds: digits, optionally followed by asterisks only
        boolean star = false;
        for (int i = 15; i < 21; i++) {
            char c = text.charAt(i);
            if (c == '*') {
                star = true;
            } else if (!isDigit(c) || star) {
                throw new IllegalArgumentException("Bad microseconds field \"" + text.substring(15, 21) + "\" (digits, then only trailing '*'): \"" + text + "\"");
            }
        }
        wild |= star;
        String canonical = !interval && text.endsWith("-000") ? text.substring(0, 21) + "+000" : text;
        return new CimDateTime(canonical, interval, wild);
    }

    /** Returns true if the field is all asterisks; checks digits and range otherwise. */
    private static boolean field(String text, int from, int to, String name, int min, int max) {
        int stars = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '*') {
                stars++;
            } else if (!isDigit(c)) {
                throw new IllegalArgumentException("Bad " + name + " field \"" + text.substring(from, to) + "\": \"" + text + "\"");
            }
        }
        if (stars == to - from) {
            return true;
        }
        if (stars > 0) {
            throw new IllegalArgumentException("The " + name + " field must be all digits or all '*': \"" + text + "\"");
        }
        int v = Integer.parseInt(text, from, to, 10);
        if (v < min || v > max) {
            throw new IllegalArgumentException("The " + name + " " + v + " is out of range " + min + ".." + max + ": \"" + text + "\"");
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A timestamp for {@code instant} as seen at {@code utcOffsetMinutes} (-999..999), truncated to
     * microseconds.
     *
     * @throws IllegalArgumentException if the offset or the resulting year (0..9999) is out of range
     */
    public static CimDateTime ofInstant(Instant instant, int utcOffsetMinutes) {
        Objects.requireNonNull(instant, "instant must not be null");
        if (utcOffsetMinutes < -999 || utcOffsetMinutes > 999) {
            throw new IllegalArgumentException("UTC offset must be within -999..999 minutes, got " + utcOffsetMinutes);
        }
        LocalDateTime t;
        try {
            t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC)
                    .plusMinutes(utcOffsetMinutes);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Instant out of range for a CIM datetime: " + instant, e);
        }
        if (t.getYear() < 0 || t.getYear() > 9999) {
            throw new IllegalArgumentException("Year out of range 0..9999 for a CIM datetime: " + instant);
        }
        // Digits written by hand: String.format costs more than everything else in building a provider
        // instance that carries a few timestamps.
        char[] c = new char[LENGTH];
        digits(c, 0, 4, t.getYear());
        digits(c, 4, 2, t.getMonthValue());
        digits(c, 6, 2, t.getDayOfMonth());
        digits(c, 8, 2, t.getHour());
        digits(c, 10, 2, t.getMinute());
        digits(c, 12, 2, t.getSecond());
        c[14] = '.';
        digits(c, 15, 6, t.getNano() / 1000);
        c[21] = utcOffsetMinutes < 0 ? '-' : '+';
        digits(c, 22, 3, Math.abs(utcOffsetMinutes));
        return new CimDateTime(new String(c), false, false);
    }

    /** The current time in UTC. */
    public static CimDateTime now() {
        return ofInstant(Instant.now(), 0);
    }

    /**
     * An interval of {@code duration} (non-negative, below 100 000 000 days), truncated to microseconds.
     *
     * @throws IllegalArgumentException if the duration is negative or too long
     */
    public static CimDateTime ofInterval(Duration duration) {
        Objects.requireNonNull(duration, "duration must not be null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Interval must not be negative: " + duration);
        }
        long days = duration.toDays();
        if (days > 99_999_999L) {
            throw new IllegalArgumentException("Interval too long (max 99999999 days): " + duration);
        }
        Duration rest = duration.minusDays(days);
        long secs = rest.getSeconds();
        char[] c = new char[LENGTH];
        digits(c, 0, 8, days);
        digits(c, 8, 2, secs / 3600);
        digits(c, 10, 2, (secs / 60) % 60);
        digits(c, 12, 2, secs % 60);
        c[14] = '.';
        digits(c, 15, 6, rest.getNano() / 1000);
        c[21] = ':';
        c[22] = '0';
        c[23] = '0';
        c[24] = '0';
        return new CimDateTime(new String(c), true, false);
    }

    /** {@code value} (non-negative, fewer than {@code width} + 1 digits) as {@code width} zero-padded ASCII digits at {@code at}. */
    private static void digits(char[] c, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** True for an interval, false for a timestamp. */
    public boolean isInterval() {
        return interval;
    }

    /** True if some field is written with asterisks. */
    public boolean hasWildcards() {
        return wildcards;
    }

    /** For timestamps: the UTC offset in minutes. */
    public int utcOffsetMinutes() {
        requireTimestamp();
        int v = Integer.parseInt(text, 22, 25, 10);
        return text.charAt(21) == '-' ? -v : v;
    }

    /**
     * The instant of a timestamp.
     *
     * @throws IllegalStateException for an interval or a value with asterisks
     */
    public Instant toInstant() {
        requireTimestamp();
        requireComplete();
        LocalDateTime t = LocalDateTime.of(num(0, 4), num(4, 6), num(6, 8), num(8, 10), num(10, 12), num(12, 14),
                num(15, 21) * 1000);
        return t.toInstant(ZoneOffset.UTC).minus(utcOffsetMinutes(), ChronoUnit.MINUTES);
    }

    /**
     * The duration of an interval.
     *
     * @throws IllegalStateException for a timestamp or a value with asterisks
     */
    public Duration toDuration() {
        if (!interval) {
            throw new IllegalStateException("Not an interval: " + text);
        }
        requireComplete();
        return Duration.ofDays(num(0, 8)).plusHours(num(8, 10)).plusMinutes(num(10, 12))
                .plusSeconds(num(12, 14)).plusNanos(num(15, 21) * 1000L);
    }

    private int num(int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    private void requireTimestamp() {
        if (interval) {
            throw new IllegalStateException("Not a timestamp: " + text);
        }
    }

    private void requireComplete() {
        if (wildcards) {
            throw new IllegalStateException("Datetime has unspecified ('*') fields: " + text);
        }
    }

    /** Orders by canonical text (meaningful among intervals, and among timestamps with equal offsets). */
    @Override
    public int compareTo(CimDateTime o) {
        return text.compareTo(o.text);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof CimDateTime d && text.equals(d.text));
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The canonical 25-character form. */
    @Override
    public String toString() {
        return text;
    }
}
