package org.iscsismis.iscsi.target.session;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.iscsismis.iscsi.target.login.LoginAdmission;
import org.iscsismis.iscsi.target.login.LoginFailure;
import org.iscsismis.iscsi.target.login.LoginIdentity;
import org.iscsismis.iscsi.target.login.LoginNegotiator;
import org.iscsismis.iscsi.target.login.LoginStep;
import org.iscsismis.iscsi.target.login.SecurityNegotiation;
import org.iscsismis.iscsi.target.login.SessionParameters;
import org.iscsismis.iscsi.target.pdu.LoginRequest;
import org.iscsismis.iscsi.target.pdu.Opcode;
import org.iscsismis.iscsi.target.pdu.Pdu;
import org.iscsismis.iscsi.target.pdu.PduFormatException;
import org.iscsismis.iscsi.target.pdu.PduReader;
import org.iscsismis.iscsi.target.pdu.PduWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to the portal, served by its own thread with blocking I/O: the login phase, then the full
 * feature phase ({@link FullFeaturePhase}) until logout, end of stream or {@link #close}. Everything a connection
 * owns is released when its thread leaves {@link #run}.
 */
public final class Connection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** Login PDUs carry at most 8192 bytes of text (RFC 7143 §13.12 default, in force until the login ends). */
    private static final int LOGIN_SEGMENT_LIMIT = 8192;
    private static final int BUFFER = 64 * 1024;

    private final Socket socket;
    private final ConnectionContext context;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String closeReason;
    private PduReader reader;
    private PduSender sender;
    private Session session;

    public Connection(Socket socket, ConnectionContext context) {
        this.socket = socket;
        this.context = context;
    }

    @Override
    public void run() {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setTcpNoDelay(true);
            reader = new PduReader(new BufferedInputStream(socket.getInputStream(), BUFFER), LOGIN_SEGMENT_LIMIT);
            sender = new PduSender(new PduWriter(new BufferedOutputStream(socket.getOutputStream(), BUFFER)));
            if (login()) {
                LOG.info("Login of {} from {}: {}", session, peer, session.isDiscovery() ? "discovery" : session.identity().targetName());
                new FullFeaturePhase(this, session, context, reader, sender, portalAddress()).run();
            }
        } catch (EOFException | SocketException e) {
            LOG.debug("Connection from {} ended: {}", peer, closeReason != null ? closeReason : e.getMessage());
        } catch (SocketTimeoutException e) {
            LOG.info("Connection from {} dropped: the login did not finish within {}", peer, context.loginTimeout());
        } catch (PduFormatException e) {
            LOG.info("Connection from {} dropped: {}", peer, e.getMessage());
        } catch (IOException e) {
            LOG.debug("Connection from {} failed: {}", peer, e.toString());
        } catch (RuntimeException e) {
            LOG.error("Connection from {} failed", peer, e);
        } finally {
            // the session is forgotten before the initiator sees the connection close, so a new login or a look at
            // the sessions right after never finds it
            if (session != null) {
                context.sessions().remove(session);
            }
            close(closeReason != null ? closeReason : "connection ended");
            if (session != null) {
                LOG.info("Logout of {}{}", session, closeReason != null ? " (" + closeReason + ")" : "");
            }
        }
    }

    /** Runs the login phase; true if it reached the full feature phase with a session. */
    private boolean login() throws IOException, PduFormatException {
        socket.setSoTimeout((int) Math.max(1, context.loginTimeout().toMillis()));
        int[] initialCmdSn = new int[1];
        SecurityNegotiation security = context.security().apply(socket.getInetAddress().getHostAddress());
        LoginNegotiator negotiator = new LoginNegotiator(context.limits(), security, new LoginAdmission() {
            @Override
            public void checkTarget(String targetName) throws LoginFailure {
                context.sessions().checkTarget(targetName);
            }

            @Override
            public int admit(LoginIdentity identity, SessionParameters parameters) throws LoginFailure {
                session = context.sessions().open(identity, parameters, security.authentication(), initialCmdSn[0]);
                session.attach(Connection.this);
                return session.tsih();
            }
        });
        boolean first = true;
        while (true) {
            Pdu header = reader.nextHeader();
            if (header == null) {
                return false;
            }
            if (header.opcode() != Opcode.LOGIN_REQUEST) {
                LOG.info("Connection from {} dropped: {} before the login completed", socket.getRemoteSocketAddress(), header);
                return false;
            }
            LoginRequest request = LoginRequest.from(reader.readData(header));
            if (first) {
                sender.startLogin(request.expStatSn(), request.cmdSn());
                initialCmdSn[0] = request.cmdSn();
                first = false;
            }
            LoginStep step;
            try {
                step = negotiator.handle(request);
            } catch (LoginFailure failure) {
                LOG.info("Login from {} refused ({}): {}", socket.getRemoteSocketAddress(), failure.status(), failure.getMessage());
                sender.send(LoginNegotiator.failureResponse(request, failure), PduSender.StatSn.ADVANCE, true);
                return false;
            }
            if (step.fullFeature()) {
                sender.useWindow(session.window());
                sender.send(step.response(), PduSender.StatSn.ADVANCE, true);
                SessionParameters p = step.parameters();
                reader.useDigests(p.headerDigest(), p.dataDigest());
                sender.writer().useDigests(p.headerDigest(), p.dataDigest());
                reader.maxDataSegmentLength(p.targetRecvDataSegmentLength());
                socket.setSoTimeout(0);
                return true;
            }
            sender.send(step.response(), PduSender.StatSn.ADVANCE, true);
        }
    }

    /** {@code address:port,tag} of the portal this connection came in on, as SendTargets reports it. */
    private String portalAddress() {
        InetAddress local = socket.getLocalAddress();
        String host = local instanceof Inet6Address ? "[" + local.getHostAddress() + "]" : local.getHostAddress();
        return host + ":" + socket.getLocalPort() + "," + LoginNegotiator.PORTAL_GROUP_TAG;
    }

    /** Closes the connection (its thread then ends the session); later calls do nothing. */
    public void close(String why) {
        if (closed.compareAndSet(false, true)) {
            closeReason = why;
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", socket, e.toString());
            }
        }
    }

    boolean isClosed() {
        return closed.get();
    }
}
