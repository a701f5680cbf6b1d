package org.iscsismis.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the server process, sampled after each measured row: VmRSS and VmHWM (peak RSS) from
 * /proc/PID/status, and heap used from {@code jcmd PID GC.heap_info} when jcmd is available.
 * All values in MiB; NaN when unknown.
 */
record ServerMemory(double rssMiB, double hwmMiB, double heapUsedMiB) {
    static final ServerMemory UNKNOWN = new ServerMemory(Double.NaN, Double.NaN, Double.NaN);

    private static final Pattern GENERATION_USED = Pattern.compile("total \\d+[KMG], used (\\d+)([KMG])");
    private static final Pattern ANY_USED = Pattern.compile("used (\\d+)([KMG])");

    static ServerMemory sample(long pid) {
        if (pid <= 0) return UNKNOWN;
        return new ServerMemory(statusKiB(pid, "VmRSS") / 1024.0, statusKiB(pid, "VmHWM") / 1024.0, heapUsedMiB(pid));
    }

    private static double statusKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Double.parseDouble(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux or process gone
        }
        return Double.NaN;
    }

    private static volatile boolean jcmdMissing;

    /** Sums "total …, used N" over the heap lines (G1: one line; Serial/Parallel: one per generation). */
    static double heapUsedMiB(long pid) {
        if (jcmdMissing) return Double.NaN;
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String exe = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        try {
            Process p = new ProcessBuilder(exe, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Double.NaN;
            }
            return parseHeapUsedMiB(out);
        } catch (IOException e) {
            jcmdMissing = true;
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    static double parseHeapUsedMiB(String heapInfo) {
        double sum = 0;
        boolean found = false;
        Matcher m = GENERATION_USED.matcher(heapInfo);
        while (m.find()) {
            sum += mib(m.group(1), m.group(2));
            found = true;
        }
        if (found) return sum;
        for (String line : heapInfo.split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) continue;
            Matcher any = ANY_USED.matcher(line);
            if (any.find()) return mib(any.group(1), any.group(2)); // e.g. ZGC "ZHeap used 8M, ..."
        }
        return Double.NaN;
    }

    private static double mib(String number, String unit) {
        double v = Double.parseDouble(number);
        return switch (unit) {
            case "K" -> v / 1024;
            case "M" -> v;
            default -> v * 1024;
        };
    }
}
