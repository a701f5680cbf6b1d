package org.iscsismis.server;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One status line ("loading 340/1450 (23 %): class CIM_StorageVolume") kept at the bottom of a
 * terminal while a long command runs, redrawn in place at most every {@link #REDRAW_NANOS}. Lines
 * the command prints go above it ({@link #println}). When the output is not a terminal (a pipe, a
 * file, a test), only the lines are written: a log must not fill with carriage returns.
 */
final class TerminalProgress {

    static final long REDRAW_NANOS = 100_000_000L;
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final String verb;
    private long total;
    private long done;
    private String item = "";
    private long lastDrawn = Long.MIN_VALUE;
    private boolean shown;

    TerminalProgress(PrintWriter out, boolean terminal, String verb, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.verb = verb;
        this.nanoClock = nanoClock;
    }

    /** On this process's terminal: shown only when standard input and output are one. */
    static TerminalProgress onConsole(PrintWriter out, String verb) {
        return new TerminalProgress(out, System.console() != null, verb, System::nanoTime);
    }

    void total(long steps) {
        this.total = steps;
    }

    /** One more step done; {@code what} names the step just finished. */
    void step(String what) {
        done++;
        item = what;
        long now = nanoClock.getAsLong();
        if (terminal && (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= REDRAW_NANOS || done == total)) {
            lastDrawn = now;
            draw();
        }
    }

    /** A line of the command's own output, written above the status line. */
    void println(String line) {
        if (shown) {
            out.print(CLEAR_LINE);
        }
        out.println(line);
        if (shown) {
            draw();
        }
    }

    /** Removes the status line (the command's summary follows). */
    void finish() {
        if (shown) {
            out.print(CLEAR_LINE);
            out.flush();
            shown = false;
        }
    }

    String statusLine() {
        String count = total > 0
                ? String.format(Locale.ROOT, "%d/%d (%d %%)", done, total, done * 100 / total)
                : Long.toString(done);
        return verb + " " + count + (item.isEmpty() ? "" : ": " + item);
    }

    private void draw() {
        out.print(CLEAR_LINE + statusLine());
        out.flush();
        shown = true;
    }
}
