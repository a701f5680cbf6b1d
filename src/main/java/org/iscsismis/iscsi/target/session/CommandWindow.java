package org.iscsismis.iscsi.target.session;

/**
 * The session's command window (RFC 7143 §3.2.2.1, §4.2.2.1): ExpCmdSN is the next CmdSN expected, MaxCmdSN the last
 * one the initiator may send. A non-immediate command is {@link Admission#ACCEPT}ed when its CmdSN is ExpCmdSN,
 * {@link Admission#EARLY} when it is within the window but ahead (it waits for the gap to fill), and
 * {@link Admission#DROP}ped — silently — when it is outside the window or a duplicate. MaxCmdSN only grows: it is
 * ExpCmdSN - 1 plus the window, less the accepted commands that have not completed yet.
 */
final class CommandWindow {

    /** What to do with a command's CmdSN. */
    enum Admission { ACCEPT, EARLY, DROP }

    private final int window;
    private int expCmdSn;
    private int outstanding;
    private int maxCmdSn;

    /** @param initialCmdSn the CmdSN of the leading Login Request (the first command's CmdSN) */
    CommandWindow(int initialCmdSn, int window) {
        this.window = window;
        this.expCmdSn = initialCmdSn;
        this.maxCmdSn = initialCmdSn + window - 1;
    }

    synchronized Admission admit(int cmdSn) {
        if (SerialNumbers.lessThan(cmdSn, expCmdSn) || SerialNumbers.lessThan(maxCmdSn, cmdSn)) {
            return Admission.DROP;
        }
        if (cmdSn != expCmdSn) {
            return Admission.EARLY;
        }
        expCmdSn++;
        outstanding++;
        return Admission.ACCEPT;
    }

    /** An accepted command has completed (or was aborted): its slot in the window is free again. */
    synchronized void completed() {
        if (outstanding > 0) {
            outstanding--;
        }
        int candidate = expCmdSn - 1 + window - outstanding;
        if (SerialNumbers.lessThan(maxCmdSn, candidate)) {
            maxCmdSn = candidate;
        }
    }

    synchronized int expCmdSn() {
        return expCmdSn;
    }

    synchronized int maxCmdSn() {
        return maxCmdSn;
    }
}
