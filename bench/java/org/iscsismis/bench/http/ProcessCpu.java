package org.iscsismis.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * User + system CPU time of a process from {@code /proc/PID/stat} (Linux; clock ticks of 10 ms), the
 * measure of the server's work per request that other load on the machine disturbs least.
 */
final class ProcessCpu {
    /** USER_HZ, 100 on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** The process's CPU time in ns, or -1 when unknown (no pid, not Linux, process gone). */
    static long nanos(long pid) {
        if (pid <= 0) return -1;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may contain spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
