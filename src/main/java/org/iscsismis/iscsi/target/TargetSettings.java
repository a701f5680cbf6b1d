package org.iscsismis.iscsi.target;

import java.time.Duration;

import org.iscsismis.iscsi.target.login.NegotiationLimits;
import org.iscsismis.iscsi.target.scsi.InquiryData;

/**
 * How the iSCSI target behaves: its name, what its logical units report, and the limits that keep memory and
 * threads bounded.
 *
 * @param targetName    the iSCSI name of the one target node
 * @param thin          report the LUNs as thin provisioned (LBPME, UNMAP, WRITE SAME with UNMAP), as the disks are;
 *                      false reports them fully provisioned
 * @param maxSessions   sessions at once (each holds one connection and its thread)
 * @param commandWindow commands one session may have queued (MaxCmdSN - ExpCmdSN + 1)
 * @param loginTimeout  a connection that has not finished its login by then is dropped
 * @param nopInterval   an idle connection is pinged this often and dropped if the ping is not answered within the same
 *                      time; zero turns pinging off
 * @param writeBudget   bytes of write data one connection may buffer at once
 */
public record TargetSettings(String targetName, boolean thin, int maxSessions, int commandWindow, Duration loginTimeout,
                             Duration nopInterval, long writeBudget, NegotiationLimits limits, InquiryData inquiry) {

    public static final int DEFAULT_MAX_SESSIONS = 64;
    public static final int DEFAULT_COMMAND_WINDOW = 64;
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_NOP_INTERVAL = Duration.ofSeconds(30);
    public static final long DEFAULT_WRITE_BUDGET = 16L << 20;

    public TargetSettings {
        TargetNames.check(targetName);
        if (maxSessions < 1 || commandWindow < 1) {
            throw new IllegalArgumentException("maxSessions and commandWindow must be positive");
        }
    }

    /** The defaults for a target of this name. */
    public static TargetSettings defaults(String targetName, String revision) {
        return new TargetSettings(targetName, true, DEFAULT_MAX_SESSIONS, DEFAULT_COMMAND_WINDOW, DEFAULT_LOGIN_TIMEOUT,
                DEFAULT_NOP_INTERVAL, DEFAULT_WRITE_BUDGET, NegotiationLimits.DEFAULT,
                new InquiryData("ISCSISMI", "iscsi-smis disk", revision));
    }

    public TargetSettings withThin(boolean value) {
        return new TargetSettings(targetName, value, maxSessions, commandWindow, loginTimeout, nopInterval, writeBudget, limits, inquiry);
    }

    public TargetSettings withMaxSessions(int value) {
        return new TargetSettings(targetName, thin, value, commandWindow, loginTimeout, nopInterval, writeBudget, limits, inquiry);
    }

    public TargetSettings withLoginTimeout(Duration value) {
        return new TargetSettings(targetName, thin, maxSessions, commandWindow, value, nopInterval, writeBudget, limits, inquiry);
    }

    public TargetSettings withNopInterval(Duration value) {
        return new TargetSettings(targetName, thin, maxSessions, commandWindow, loginTimeout, value, writeBudget, limits, inquiry);
    }
}
