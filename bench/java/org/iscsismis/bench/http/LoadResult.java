package org.iscsismis.bench.http;

/** Outcome of one {@link LoadRunner} run: counts of the measured window only. */
record LoadResult(int clients, long requests, double seconds, LatencyHistogram latency, long bodyBytes,
                  long errors, String firstError, int connections) {

    double requestsPerSecond() {
        return requests / seconds;
    }

    double bytesPerResponse() {
        return requests == 0 ? Double.NaN : (double) bodyBytes / requests;
    }
}
