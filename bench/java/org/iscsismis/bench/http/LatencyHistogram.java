package org.iscsismis.bench.http;

/**
 * Log-linear latency histogram in microseconds (exact below 256 µs, then 128 sub-buckets per power of
 * two, i.e. under 0.8 % relative error), like a tiny HdrHistogram. Single writer; merge after the run.
 */
final class LatencyHistogram {
    private static final int LINEAR = 256;
    private static final int SUB_BITS = 7;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = LINEAR + 48 * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long maxMicros;
    private long sumMicros;

    void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1_000);
        counts[index(micros)]++;
        total++;
        sumMicros += micros;
        if (micros > maxMicros) maxMicros = micros;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) counts[i] += other.counts[i];
        total += other.total;
        sumMicros += other.sumMicros;
        maxMicros = Math.max(maxMicros, other.maxMicros);
    }

    long count() {
        return total;
    }

    double meanMillis() {
        return total == 0 ? Double.NaN : sumMicros / 1000.0 / total;
    }

    double maxMillis() {
        return total == 0 ? Double.NaN : maxMicros / 1000.0;
    }

    /** The value at quantile {@code q} (0..1) in milliseconds: the middle of the bucket holding it. */
    double percentileMillis(double q) {
        if (total == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) return Math.min(middle(i), maxMicros) / 1000.0;
        }
        return maxMicros / 1000.0;
    }

    static int index(long micros) {
        if (micros < LINEAR) return (int) micros;
        int msb = 63 - Long.numberOfLeadingZeros(micros);
        int shift = msb - SUB_BITS;
        int i = LINEAR + (shift - 1) * SUB + (int) ((micros >>> shift) - SUB);
        return Math.min(i, BUCKETS - 1);
    }

    private static double middle(int index) {
        if (index < LINEAR) return index;
        int shift = (index - LINEAR) / SUB + 1;
        long sub = (index - LINEAR) % SUB + SUB;
        long low = sub << shift;
        long high = ((sub + 1) << shift) - 1;
        return (low + high) / 2.0;
    }
}
