package org.iscsismis.e2e;

import java.net.URI;
import java.util.Map;
import org.iscsismis.server.IscsiSmisServer;
import org.iscsismis.server.ServerConfig;

/** One in-process server on a free loopback port, for one test class. */
final class RunningServer implements AutoCloseable {

    private final IscsiSmisServer server;

    private RunningServer(IscsiSmisServer server) {
        this.server = server;
    }

    static RunningServer start() {
        return start(Map.of());
    }

    /** Starts with the embedded defaults, a free port, and the given configuration keys overridden. */
    static RunningServer start(Map<String, String> overrides) {
        ServerConfig config = ServerConfig.defaults().withHttpPort(0);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            config = config.with(e.getKey(), e.getValue());
        }
        return new RunningServer(IscsiSmisServer.start(config));
    }

    /** {@code http://127.0.0.1:PORT} */
    URI url() {
        return server.url();
    }

    int port() {
        return server.httpPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
