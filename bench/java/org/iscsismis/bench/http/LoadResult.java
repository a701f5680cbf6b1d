package org.iscsismis.bench.http;

/** Outcome of one {@link LoadRunner} run: counts of the measured window only; the server's CPU time in it (-1: unknown). */
record LoadResult(int clients, long requests, double seconds, LatencyHistogram latency, long bodyBytes,
                  long errors, String firstError, int connections, long serverCpuNanos) {

    /** The server's CPU time per successful request in the measured window, in ms (NaN when not sampled). */
    double serverCpuMillisPerRequest() {
        return serverCpuNanos < 0 || requests == 0 ? Double.NaN : serverCpuNanos / 1e6 / requests;
    }

    /** This result and {@code other} (the same row measured in two slices) as one. */
    LoadResult plus(LoadResult other) {
        LatencyHistogram both = new LatencyHistogram();
        both.add(latency);
        both.add(other.latency);
        long cpu = serverCpuNanos < 0 || other.serverCpuNanos < 0 ? -1 : serverCpuNanos + other.serverCpuNanos;
        return new LoadResult(clients, requests + other.requests, seconds + other.seconds, both, bodyBytes + other.bodyBytes,
                errors + other.errors, firstError != null ? firstError : other.firstError, connections + other.connections, cpu);
    }

    double requestsPerSecond() {
        return requests / seconds;
    }

    double bytesPerResponse() {
        return requests == 0 ? Double.NaN : (double) bodyBytes / requests;
    }
}
