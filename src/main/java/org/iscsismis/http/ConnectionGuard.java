package org.iscsismis.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-connection admission, as a Jetty connection listener: at most {@code maxPerAddress} open
 * connections from one client address (a further one is closed as soon as it opens), and a connection
 * must deliver the headers of its first request within {@code headerTimeoutMs} (else it is closed).
 * With the server-wide connection limit this keeps a client that opens connections and trickles their
 * headers from taking every file descriptor or locking other clients out. Thread-safe.
 */
public final class ConnectionGuard implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final int maxPerAddress;
    private final long headerTimeoutMs;
    private final Scheduler scheduler;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    // the address each open connection was counted under: once closed, an end point no longer knows its peer
    private final Map<Connection, InetAddress> countedUnder = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    /**
     * @param maxPerAddress   most connections open at once from one address
     * @param headerTimeoutMs a new connection's first request headers must be complete within this time
     * @param scheduler       runs the header deadlines
     */
    public ConnectionGuard(int maxPerAddress, long headerTimeoutMs, Scheduler scheduler) {
        if (maxPerAddress < 1 || headerTimeoutMs < 1) {
            throw new IllegalArgumentException("maxPerAddress and headerTimeoutMs must be positive");
        }
        this.maxPerAddress = maxPerAddress;
        this.headerTimeoutMs = headerTimeoutMs;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof SslConnection) {
            return; // an HTTPS connection is counted once, by the HTTP connection on top of its TLS layer
        }
        EndPoint endPoint = connection.getEndPoint();
        InetAddress address = addressOf(endPoint.getRemoteSocketAddress());
        if (address == null) {
            return;
        }
        countedUnder.put(connection, address);
        int count = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (count > maxPerAddress) {
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.warn("Closing a connection from {}: it already has {} open (http.maxConnectionsPerAddress)", address,
                        maxPerAddress);
            }
            endPoint.close();
            return;
        }
        scheduler.schedule(() -> closeIfNoRequest(connection), headerTimeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof SslConnection) {
            return;
        }
        InetAddress address = countedUnder.remove(connection);
        if (address == null) {
            return;
        }
        open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Connections now open from {@code address} (tests watch it return to zero). */
    public int openFrom(InetAddress address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }

    /** Connections refused so far because their address had too many open. */
    public int refusedConnections() {
        return refused.get();
    }

    private void closeIfNoRequest(Connection connection) {
        EndPoint endPoint = connection.getEndPoint();
        if (endPoint.isOpen() && connection.getMessagesIn() == 0) {
            LOG.debug("Closing a connection from {}: no complete request headers within {} ms",
                    endPoint.getRemoteSocketAddress(), headerTimeoutMs);
            endPoint.close();
        }
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
