package org.iscsismis.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.iscsismis.cim.CimName;
import org.iscsismis.cimxml.ReaderLimits;
import org.iscsismis.dispatch.MemoryBudget;

/**
 * A real Jetty server on a free port running {@link CimOperationHandler} with the fake codec and a
 * swappable executor. Small limits: 8 KiB bodies, 4 KiB response buffer.
 */
final class HandlerFixture implements AutoCloseable {

    static final HttpLimits LIMITS = new HttpLimits(8 * 1024, ReaderLimits.DEFAULT, 4 * 1024);

    /** Emits {@code n} class names of about 100 bytes each. */
    static OperationExecutor results(int n) {
        return (request, caller, sink) -> {
            for (int i = 0; i < n; i++) {
                sink.className(CimName.of("CIM_Result" + i));
            }
        };
    }

    final AtomicReference<OperationExecutor> executor = new AtomicReference<>(results(2));
    private final Server server;
    private final ServerConnector connector;

    HandlerFixture() throws Exception {
        this(Authenticator.none());
    }

    HandlerFixture(Authenticator authenticator) throws Exception {
        this(AccessControl.of(authenticator));
    }

    HandlerFixture(AccessControl access) throws Exception {
        this(access, LIMITS, MemoryBudget.unlimited());
    }

    /** With the given limits and memory budget. */
    HandlerFixture(Authenticator authenticator, HttpLimits limits, MemoryBudget memory) throws Exception {
        this(AccessControl.of(authenticator), limits, memory);
    }

    /** With the given access control, limits and memory budget. */
    HandlerFixture(AccessControl access, HttpLimits limits, MemoryBudget memory) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setHandler(new CimOperationHandler(FakeCodec.DECODER, (r, who, s) -> executor.get().execute(r, who, s),
                FakeCodec.ENCODERS, limits, access, memory));
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    RawHttpConnection connect() throws Exception {
        return new RawHttpConnection(port());
    }

    /** A POST head for an intrinsic call with a fake body, plus the given extra header lines. */
    static String post(String method, String ns, byte[] body, String... headers) {
        StringBuilder sb = new StringBuilder("POST /cimom HTTP/1.1\nHost: localhost\n")
                .append("Content-Type: application/xml; charset=utf-8\n")
                .append("Content-Length: ").append(body.length).append('\n')
                .append("CIMOperation: MethodCall\n")
                .append("CIMMethod: ").append(method).append('\n')
                .append("CIMObject: ").append(ns).append('\n');
        for (String h : headers) {
            sb.append(h).append('\n');
        }
        return sb.toString();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One request on a fresh connection. */
    RawHttpConnection.RawResponse exchange(String head, byte[] body) throws Exception {
        try (RawHttpConnection c = connect()) {
            return c.send(head, body).read();
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the test server failed", e);
        }
    }
}
