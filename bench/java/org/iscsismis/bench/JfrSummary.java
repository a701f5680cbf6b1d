package org.iscsismis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples and allocations went, summarised by frame: the share of execution samples
 * whose top frame is a method ("self"), the share whose stack passes through it ("total", counted once per sample),
 * and the same for the weight of the allocation samples (bytes), with the allocated classes. Only threads whose
 * name contains {@code THREAD} count (default: all), so a recording of a benchmark can leave the harness out.
 *
 * <pre>java -cp target/test-classes org.iscsismis.bench.JfrSummary FILE.jfr [THREAD] [TOP]</pre>
 * Recording: {@code java -XX:StartFlightRecording=filename=FILE.jfr,settings=profile ...}.
 */
public final class JfrSummary {

    private final Map<String, Double> cpuSelf = new HashMap<>();
    private final Map<String, Double> cpuTotal = new HashMap<>();
    private final Map<String, Double> allocSelf = new HashMap<>();
    private final Map<String, Double> allocTotal = new HashMap<>();
    private final Map<String, Double> allocClass = new HashMap<>();
    private double samples;
    private double allocated;

    public static void main(String[] args) throws IOException {
        String thread = args.length > 1 ? args[1] : "";
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        JfrSummary s = new JfrSummary();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String name = e.getEventType().getName();
            if (!threadName(e).contains(thread)) {
                continue;
            }
            if (name.equals("jdk.ExecutionSample")) {
                s.samples++;
                add(e.getStackTrace(), 1, s.cpuSelf, s.cpuTotal);
            } else if (name.equals("jdk.ObjectAllocationSample")) {
                double w = e.getLong("weight");
                s.allocated += w;
                add(e.getStackTrace(), w, s.allocSelf, s.allocTotal);
                s.allocClass.merge(e.getClass("objectClass").getName(), w, Double::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%.0f execution samples, %.1f MB sampled allocation weight%n", s.samples, s.allocated / 1e6);
        print("CPU, self (top frame)", s.cpuSelf, s.samples, top);
        print("CPU, total (frame anywhere on the stack)", s.cpuTotal, s.samples, top);
        print("allocation, self", s.allocSelf, s.allocated, top);
        print("allocation, total", s.allocTotal, s.allocated, top);
        print("allocation by class", s.allocClass, s.allocated, top);
    }

    /** The sampled thread of an execution sample, else the thread of the event; "" when unknown. */
    private static String threadName(RecordedEvent e) {
        String field = e.hasField("sampledThread") ? "sampledThread" : "eventThread";
        jdk.jfr.consumer.RecordedThread t = e.hasField(field) ? e.getThread(field) : null;
        return t == null || t.getJavaName() == null ? "" : t.getJavaName();
    }

    private static void add(RecordedStackTrace stack, double weight, Map<String, Double> self, Map<String, Double> total) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(frame(frames.get(0)), weight, Double::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedFrame f : frames) {
            String m = frame(f);
            if (seen.add(m)) {
                total.merge(m, weight, Double::sum);
            }
        }
    }

    private static String frame(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Double> by, double all, int top) {
        System.out.println("\n" + title + ":");
        by.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100 * e.getValue() / all, e.getKey()));
    }
}
