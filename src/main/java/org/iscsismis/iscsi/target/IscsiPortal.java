package org.iscsismis.iscsi.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.iscsismis.iscsi.target.login.ChapNegotiation;
import org.iscsismis.iscsi.target.login.ChapSecrets;
import org.iscsismis.iscsi.target.login.LoginGuard;
import org.iscsismis.iscsi.target.login.SecurityNegotiation;
import org.iscsismis.iscsi.target.scsi.ScsiTarget;
import org.iscsismis.iscsi.target.session.Connection;
import org.iscsismis.iscsi.target.session.ConnectionContext;
import org.iscsismis.iscsi.target.session.Session;
import org.iscsismis.iscsi.target.session.SessionTable;
import org.iscsismis.replication.ReplicationEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The iSCSI target of one server: a TCP portal serving the target nodes of a {@link MaskingModel} — at first one node,
 * {@code settings.targetName()}, presenting every volume of the engine's disk registry to every initiator
 * ({@link VolumeLuns}); the management side changes that through {@link MaskingControl}. One platform thread accepts; each connection gets its own thread
 * with blocking I/O (docs/decisions.md); a timer thread sends NOP-In pings. Connections beyond what
 * {@code maxSessions} sessions and their logins need are closed at once.
 *
 * <pre>{@code
 * try (IscsiPortal portal = IscsiPortal.start(InetAddress.getLoopbackAddress(), 0, settings, engine)) {
 *     int port = portal.port();
 * }
 * }</pre>
 */
public final class IscsiPortal implements MaskingControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IscsiPortal.class);
    /** Connections still logging in, beyond the sessions. */
    private static final int SPARE_CONNECTIONS = 8;

    private final ServerSocket listener;
    private final TargetSettings settings;
    private final VolumeLuns luns;
    private final TargetNodes nodes;
    private final ScsiTarget scsi;
    private final SessionTable sessions;
    private final ConnectionContext context;
    private final ScheduledExecutorService timer;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionSeq = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private IscsiPortal(ServerSocket listener, TargetSettings settings, ReplicationEngine engine, Supplier<ChapSecrets> secrets,
                        LoginGuard guard) {
        this.listener = listener;
        this.settings = settings;
        VolumeIdentity identity = new VolumeIdentity(settings.targetName());
        this.luns = new VolumeLuns(engine.disks(), identity, settings.thin(), new EngineWriteProtection(engine));
        this.scsi = ScsiTarget.blockTarget(luns, settings.inquiry(), settings.targetName() + ",t,0x1");
        this.nodes = new TargetNodes(luns, MaskingModel.defaultView(settings.targetName()));
        this.sessions = new SessionTable(nodes, scsi, settings.maxSessions(), settings.commandWindow());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "iscsi-timer"));
        this.context = new ConnectionContext(sessions, settings.limits(), security(secrets, guard), settings.loginTimeout(),
                settings.nopInterval(), settings.nopInterval(), timer, settings.writeBudget());
        this.acceptor = daemon(this::accept, "iscsi-portal");
    }

    /**
     * Listens on {@code address:port} (port 0 picks a free one), every login with AuthMethod=None.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static IscsiPortal start(InetAddress address, int port, TargetSettings settings, ReplicationEngine engine) {
        return start(address, port, settings, engine, ChapSecrets::none, LoginGuard.NONE);
    }

    /**
     * Listens on {@code address:port} (port 0 picks a free one); logins authenticate with CHAP as {@code secrets}
     * allow or require, failed ones counted per address by {@code guard}. Each login asks {@code secrets} for the
     * secrets in force then, so secrets changed while the target runs apply from the next login.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public static IscsiPortal start(InetAddress address, int port, TargetSettings settings, ReplicationEngine engine,
                                    Supplier<ChapSecrets> secrets, LoginGuard guard) {
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(address, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot listen for iSCSI on " + address.getHostAddress() + ":" + port
                    + ": " + e.getMessage(), e));
        }
        IscsiPortal portal = new IscsiPortal(listener, settings, engine, secrets, guard);
        portal.acceptor.start();
        LOG.info("iSCSI target {} listening on {}:{}", settings.targetName(), address.getHostAddress(), portal.port());
        return portal;
    }

    private static Function<String, SecurityNegotiation> security(
            Supplier<ChapSecrets> secrets, LoginGuard guard) {
        SecureRandom random = new SecureRandom();
        return address -> new ChapNegotiation(secrets.get(), guard, address, random);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String targetName() {
        return settings.targetName();
    }

    /** The logical units, by LUN: which volume is which LUN. */
    public VolumeLuns luns() {
        return luns;
    }

    @Override
    public void apply(MaskingModel model) {
        nodes.apply(model);
        LOG.info("iSCSI masking: {} target node(s) {}", model.nodes().size(), model.nodes().stream().map(MaskingModel.Node::name).toList());
    }

    /** The masking model the target presents now. */
    public MaskingModel masking() {
        return nodes.model();
    }

    @Override
    public String portalAddress() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    @Override
    public int defaultLun(String diskId) {
        return luns.lunOf(diskId);
    }

    @Override
    public List<Session> sessions() {
        return sessions.sessions();
    }

    public SessionTable sessionTable() {
        return sessions;
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                LOG.warn("iSCSI portal accept failed: {}", e.toString());
                continue;
            }
            if (connections.size() >= settings.maxSessions() + SPARE_CONNECTIONS) {
                LOG.warn("iSCSI connection from {} refused: {} connections open", socket.getRemoteSocketAddress(), connections.size());
                closeQuietly(socket);
                continue;
            }
            Connection connection = new Connection(socket, context);
            connections.add(connection);
            daemon(() -> {
                try {
                    connection.run();
                } finally {
                    connections.remove(connection);
                }
            }, "iscsi-conn-" + connectionSeq.incrementAndGet()).start();
        }
    }

    /** Stops listening and closes every connection; their threads end the sessions. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        sessions.closeAll("the target is stopping");
        connections.forEach(c -> c.close("the target is stopping"));
        timer.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", c, e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
