package org.iscsismis.iscsi.target.session;

import org.iscsismis.iscsi.target.login.Authentication;
import org.iscsismis.iscsi.target.login.LoginIdentity;
import org.iscsismis.iscsi.target.login.SessionParameters;
import org.iscsismis.iscsi.target.scsi.Nexus;

/**
 * One iSCSI session: who logged in, what was negotiated, its command window and — for a normal session — its I_T
 * nexus. This target allows one connection per session (MaxConnections=1), so a session ends with its connection.
 */
public final class Session {

    private final int tsih;
    private final LoginIdentity identity;
    private final SessionParameters parameters;
    private final Authentication authentication;
    private final CommandWindow window;
    private final Nexus nexus;
    private volatile Connection connection;

    Session(int tsih, LoginIdentity identity, SessionParameters parameters, Authentication authentication, CommandWindow window,
            Nexus nexus) {
        this.tsih = tsih;
        this.identity = identity;
        this.parameters = parameters;
        this.authentication = authentication;
        this.window = window;
        this.nexus = nexus;
    }

    public int tsih() {
        return tsih;
    }

    public LoginIdentity identity() {
        return identity;
    }

    public SessionParameters parameters() {
        return parameters;
    }

    /** How the session's login authenticated. */
    public Authentication authentication() {
        return authentication;
    }

    CommandWindow window() {
        return window;
    }

    /** The I_T nexus; null for a discovery session. */
    Nexus nexus() {
        return nexus;
    }

    public boolean isDiscovery() {
        return identity.sessionType() == LoginIdentity.SessionType.DISCOVERY;
    }

    void attach(Connection connection) {
        this.connection = connection;
    }

    /** Ends the session: its connection is closed (its reader thread then cleans up). */
    void close(String why) {
        Connection c = connection;
        if (c != null) {
            c.close(why);
        }
    }

    @Override
    public String toString() {
        return "session " + tsih + " of " + identity.initiatorName() + " (ISID " + identity.isid() + ")";
    }
}
