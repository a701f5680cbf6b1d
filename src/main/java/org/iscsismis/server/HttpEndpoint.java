package org.iscsismis.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.iscsismis.http.ConnectionGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty server around one handler: a thread pool of the configured size, an HTTP/1.1 connector and (when
 * enabled) an HTTPS one ({@link TlsConnectors}), both with TCP_NODELAY and the configured idle timeout, no server
 * version header, error pages without stack traces, and a graceful stop that lets requests in progress finish.
 *
 * <p>Plain HTTP listens on {@code http.bind}, except where it would carry passwords off loopback
 * ({@link ServerConfig#plainHttpOnBind()}): then it listens on the loopback address only, and remote clients use
 * HTTPS.
 */
final class HttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    /**
     * Jetty pads a few counters to cache lines; unless this property says how many references fit in one, it asks the
     * platform MBean server whether references are compressed, which starts JMX: about 0.1-0.2 s of a fresh JVM's
     * start-up. 16 is right for compressed references (heaps under 32 GB) and only pads more otherwise.
     */
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector tlsConnector;
    private final GracefulHandler graceful;
    private final long shutdownTimeoutMs;

    private HttpEndpoint(Server server, ServerConnector connector, ServerConnector tlsConnector, GracefulHandler graceful,
                         long shutdownTimeoutMs) {
        this.server = server;
        this.connector = connector;
        this.tlsConnector = tlsConnector;
        this.graceful = graceful;
        this.shutdownTimeoutMs = shutdownTimeoutMs;
    }

    /**
     * Starts listening.
     *
     * @throws UncheckedIOException if the address cannot be bound (e.g. the port is in use)
     */
    static HttpEndpoint start(ServerConfig config, Handler handler, TlsKeystore keystore) {
        QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), config.minThreads());
        threads.setName("iscsi-smis-http");
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        configure(connector, config.plainHttpOnBind() ? config.bind() : loopbackLike(config.bind()), config.httpPort(), config);
        server.addConnector(connector);
        ServerConnector tlsConnector = null;
        if (keystore != null) {
            tlsConnector = TlsConnectors.https(server, http, keystore);
            configure(tlsConnector, config.bind(), config.httpsPort(), config);
            server.addConnector(tlsConnector);
        }
        int maxConnections = connectionLimit(config.maxConnections());
        server.addBean(tlsConnector == null ? new NetworkConnectionLimit(maxConnections, connector)
                : new NetworkConnectionLimit(maxConnections, connector, tlsConnector));
        ConnectionGuard guard = new ConnectionGuard(config.maxConnectionsPerAddress(), config.headerTimeoutMs(),
                connector.getScheduler());
        connector.addEventListener(guard);
        if (tlsConnector != null) {
            tlsConnector.addEventListener(guard);
        }

        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        GracefulHandler graceful = new GracefulHandler(handler);
        server.setHandler(graceful);
        server.setStopTimeout(0);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            String ports = config.httpPort() + (keystore != null ? " and " + config.httpsPort() : "");
            throw new UncheckedIOException(new IOException("Cannot listen on " + config.bind() + " port " + ports
                    + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e));
        }
        return new HttpEndpoint(server, connector, tlsConnector, graceful, config.shutdownTimeoutMs());
    }

    private static void configure(ServerConnector connector, String host, int port, ServerConfig config) {
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(config.idleTimeoutMs());
        connector.setAcceptedTcpNoDelay(true);
        connector.setReuseAddress(true);
    }

    /** The loopback address of the bind address's family: where plain HTTP listens when it may not carry passwords. */
    private static String loopbackLike(String bind) {
        try {
            return InetAddress.getByName(bind) instanceof java.net.Inet6Address ? "::1" : "127.0.0.1";
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /** The bound HTTPS port, or -1 when HTTPS is off. */
    int httpsPort() {
        return tlsConnector == null ? -1 : tlsConnector.getLocalPort();
    }

    /** Connections open now (accepted and not yet closed). */
    int openConnections() {
        return connector.getConnectedEndPoints().size()
                + (tlsConnector == null ? 0 : tlsConnector.getConnectedEndPoints().size());
    }

    /**
     * The configured connection limit, lowered to what the process's file descriptors allow: every connection
     * is a descriptor, and the JVM needs some of its own (jars, logs, 128 are kept aside). Running out of
     * descriptors would lock everyone out, the limit only new connections.
     */
    static int connectionLimit(int configured) {
        long files = maxFileDescriptors();
        if (files <= 0 || configured <= files - FILES_KEPT_ASIDE) {
            return configured;
        }
        int lowered = (int) Math.max(1, files - FILES_KEPT_ASIDE);
        LOG.warn("http.maxConnections={} exceeds what the file limit ({}) allows; using {} (raise it with ulimit -n)",
                configured, files, lowered);
        return lowered;
    }

    private static final long FILES_KEPT_ASIDE = 128;

    private static long maxFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }

    /** {@code http://HOST:PORT}, the bound address, or loopback when listening on every address. */
    URI url() {
        return url("http", connector);
    }

    /** {@code https://HOST:PORT} like {@link #url()}, or null when HTTPS is off. */
    URI httpsUrl() {
        return tlsConnector == null ? null : url("https", tlsConnector);
    }

    private static URI url(String scheme, ServerConnector connector) {
        return URI.create(scheme + "://" + ServerUrls.hostForUrl(connector.getHost()) + ":" + connector.getLocalPort());
    }

    void join() throws InterruptedException {
        server.join();
    }

    boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Lets requests in progress finish (new ones get 503), up to the shutdown timeout, then stops,
     * closing every connection, idle keep-alive ones at once.
     */
    @Override
    public void close() {
        if (!server.isRunning()) {
            return;
        }
        try {
            graceful.shutdown().get(shutdownTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} request(s) still running after {} ms; stopping anyway", graceful.getCurrentRequestCount(),
                    shutdownTimeoutMs);
        } catch (ExecutionException e) {
            LOG.warn("Waiting for requests in progress: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the HTTP server: {}", e.toString());
        }
    }
}
