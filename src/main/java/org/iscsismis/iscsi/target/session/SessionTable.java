package org.iscsismis.iscsi.target.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.iscsismis.iscsi.target.login.Authentication;
import org.iscsismis.iscsi.target.login.LoginFailure;
import org.iscsismis.iscsi.target.login.LoginIdentity;
import org.iscsismis.iscsi.target.login.LoginStatus;
import org.iscsismis.iscsi.target.login.SessionParameters;
import org.iscsismis.iscsi.target.scsi.ScsiTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of a portal's target nodes, by TSIH (a TSIH is unique across the portal), with the login rules that need them all: a TSIH is never 0 and not in use;
 * a new session of an initiator port (name and ISID) that already has one reinstates it (the old one is closed first,
 * RFC 7143 §6.3.5); a login that names an existing TSIH would add a second connection, which MaxConnections=1 refuses;
 * at most {@code maxSessions} sessions at once. Which node exists, who may log in to it and what its sessions see is
 * the masking model's ({@link TargetNodeAccess}); a login it does not admit fails with Authorization Failure (0202h).
 */
public final class SessionTable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTable.class);

    private final TargetNodeAccess nodes;
    private final ScsiTarget scsi;
    private final int maxSessions;
    private final int commandWindow;
    private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
    private int nextTsih = 1;

    public SessionTable(TargetNodeAccess nodes, ScsiTarget scsi, int maxSessions, int commandWindow) {
        this.nodes = nodes;
        this.scsi = scsi;
        this.maxSessions = maxSessions;
        this.commandWindow = commandWindow;
    }

    public TargetNodeAccess nodes() {
        return nodes;
    }

    ScsiTarget scsi() {
        return scsi;
    }

    public void checkTarget(String name) throws LoginFailure {
        if (!nodes.exists(name)) {
            throw new LoginFailure(LoginStatus.NOT_FOUND, "no target named " + name + " on this portal");
        }
    }

    /** Creates the session of a completed login, reinstating an older one of the same initiator port. */
    synchronized Session open(LoginIdentity identity, SessionParameters parameters, Authentication authentication, int initialCmdSn)
            throws LoginFailure {
        if (identity.tsih() != 0) {
            if (sessions.containsKey(identity.tsih())) {
                throw new LoginFailure(LoginStatus.TOO_MANY_CONNECTIONS, "session " + identity.tsih()
                        + " already has its one connection (MaxConnections=1)");
            }
            throw new LoginFailure(LoginStatus.SESSION_DOES_NOT_EXIST, "no session with TSIH " + identity.tsih());
        }
        for (Session old : List.copyOf(sessions.values())) {
            LoginIdentity o = old.identity();
            if (o.initiatorName().equals(identity.initiatorName()) && o.isid().equals(identity.isid())
                    && o.sessionType() == identity.sessionType()) {
                LOG.info("Reinstating {}: the initiator logged in again with the same ISID", old);
                old.close("reinstated by a new login");
                remove(old);
            }
        }
        boolean discovery = identity.sessionType() == LoginIdentity.SessionType.DISCOVERY;
        if (!discovery && !nodes.admits(identity.targetName(), identity.initiatorName())) {
            throw new LoginFailure(LoginStatus.AUTHORIZATION_FAILURE, identity.initiatorName() + " is not allowed to log in to "
                    + identity.targetName());
        }
        if (sessions.size() >= maxSessions) {
            throw new LoginFailure(LoginStatus.OUT_OF_RESOURCES, "already " + sessions.size() + " sessions (iscsi.maxSessions)");
        }
        int tsih = allocateTsih();
        Session session = new Session(tsih, identity, parameters, authentication, new CommandWindow(initialCmdSn, commandWindow),
                discovery ? null : scsi.connect(identity.initiatorPort(), nodes.view(identity.targetName(), identity.initiatorName())));
        sessions.put(tsih, session);
        return session;
    }

    private int allocateTsih() {
        while (nextTsih == 0 || sessions.containsKey(nextTsih)) {
            nextTsih = (nextTsih + 1) & 0xffff;
        }
        int tsih = nextTsih;
        nextTsih = (nextTsih + 1) & 0xffff;
        return tsih;
    }

    /** The session has ended: forget it and its nexus. */
    synchronized void remove(Session session) {
        if (sessions.remove(session.tsih(), session) && session.nexus() != null) {
            scsi.disconnect(session.nexus());
        }
    }

    public List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    /** Closes every session (the portal is stopping). */
    public void closeAll(String why) {
        for (Session s : sessions()) {
            s.close(why);
        }
    }
}
