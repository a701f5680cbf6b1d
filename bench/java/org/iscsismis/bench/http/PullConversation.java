package org.iscsismis.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One full pulled enumeration of {@code Bench_Item}: OpenEnumerateInstances, then PullInstancesWithPath
 * with the context of each answer until EndOfSequence, every batch checked (MaxObjectCount items, or the
 * rest). The load driver counts one conversation as one request.
 */
final class PullConversation implements LoadRunner.Conversation {
    private static final Pattern CONTEXT = Pattern.compile("<PARAMVALUE NAME=\"EnumerationContext\"[^>]*>(?:<VALUE>([^<]*)</VALUE>)?");
    private static final Pattern END = Pattern.compile("<PARAMVALUE NAME=\"EndOfSequence\"[^>]*><VALUE>(TRUE|FALSE)</VALUE>");
    /** The out parameters come last; only this much of a body's end is decoded to find them. */
    private static final int TAIL = 1024;

    private final BenchWorkload workload;
    private final int instances;
    private final int maxObjectCount;
    private final byte[] open;

    /**
     * @param fqlFilter a DMTF:FQL FilterQuery selecting the first {@code n / 100} instances by Counter
     *                  ({@link BenchWorkload#fqlCounterBelow}), or null for all {@code n}
     */
    PullConversation(BenchWorkload workload, int n, int maxObjectCount, String fqlFilter) {
        this.workload = workload;
        this.instances = fqlFilter == null ? n : Math.min(n, Math.max(1, n / 100));
        this.maxObjectCount = maxObjectCount;
        this.open = workload.request(BenchWorkload.openEnumerateInstancesBody(maxObjectCount, fqlFilter));
    }

    @Override
    public LoadRunner.Outcome run(HttpConnection connection) throws IOException {
        int delivered = 0;
        long bytes = 0;
        byte[] request = open;
        while (true) {
            HttpResponse r = connection.exchange(request);
            int expected = Math.min(maxObjectCount, instances - delivered);
            String problem = new ResponseCheck("VALUE.INSTANCEWITHPATH", expected, null).validate(r);
            if (problem != null) return new LoadRunner.Outcome("batch after " + delivered + ": " + problem, bytes);
            bytes += r.bodyLength;
            delivered += expected;
            String tail = new String(r.body, Math.max(0, r.bodyLength - TAIL), Math.min(TAIL, r.bodyLength), StandardCharsets.UTF_8);
            Matcher end = END.matcher(tail);
            Matcher context = CONTEXT.matcher(tail);
            if (!end.find() || !context.find()) return new LoadRunner.Outcome("no EndOfSequence/EnumerationContext", bytes);
            if (end.group(1).equals("TRUE")) {
                return new LoadRunner.Outcome(delivered == instances ? null
                        : "EndOfSequence after " + delivered + " of " + instances, bytes);
            }
            if (delivered >= instances) return new LoadRunner.Outcome("no EndOfSequence after all " + instances, bytes);
            request = workload.request(BenchWorkload.pullInstancesWithPathBody(context.group(1), maxObjectCount));
        }
    }
}
