package org.iscsismis.bench.http;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The "upper limit" of TARGETS.md: a plain Jetty 12 handler that reads each request body and answers
 * with the response the real server gave to the identical request, pre-serialised: same status, same
 * header fields (Content-Type, CIMOperation, …), same body bytes, same framing (Content-Length, or
 * chunked when the real server chunked). No CIM work at all, so it bounds what any server on Jetty
 * can reach on this machine with these responses.
 */
final class UpperLimitServer implements AutoCloseable {
    /** Framing and per-connection fields that Jetty writes itself. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "date", "server", "trailer");

    private record Prepared(int status, HttpFields headers, boolean chunked, ByteBuffer body) {}

    private volatile Map<ByteBuffer, Prepared> replies = Map.of();
    private final Server server;

    UpperLimitServer() throws Exception {
        server = JettyServers.start(new ReplayHandler(), "upper-limit");
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + JettyServers.port(server) + "/cimom");
    }

    /** Replaces the replay table: request body bytes → the response captured from the real server. */
    void load(Map<byte[], CapturedResponse> captured) {
        Map<ByteBuffer, Prepared> table = new HashMap<>();
        for (Map.Entry<byte[], CapturedResponse> e : captured.entrySet()) {
            CapturedResponse r = e.getValue();
            HttpFields.Mutable fields = HttpFields.build();
            for (String[] h : r.headers()) {
                if (!FRAMING.contains(h[0].toLowerCase(Locale.ROOT))) fields.add(h[0], h[1]);
            }
            if (!r.chunked()) fields.add(HttpHeader.CONTENT_LENGTH, r.body().length);
            // direct: a large heap buffer would be copied whole into a temporary direct buffer by the JDK
            // on every partial write of the non-blocking socket (quadratic in the response size)
            ByteBuffer body = ByteBuffer.allocateDirect(r.body().length).put(r.body()).flip().asReadOnlyBuffer();
            table.put(ByteBuffer.wrap(e.getKey()), new Prepared(r.status(), fields.asImmutable(), r.chunked(), body));
        }
        replies = table;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class ReplayHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            ByteBuffer body = Content.Source.asByteBuffer(request);
            Prepared p = replies.get(body);
            if (p == null) {
                Response.writeError(request, response, callback, 404, "request not captured");
                return true;
            }
            response.setStatus(p.status());
            response.getHeaders().add(p.headers());
            if (p.chunked()) {
                // two writes and no Content-Length: Jetty frames the response as chunked, like the original
                response.write(false, p.body().slice(),
                        Callback.from(() -> response.write(true, BufferUtil.EMPTY_BUFFER, callback), callback::failed));
            } else {
                response.write(true, p.body().slice(), callback);
            }
            return true;
        }
    }
}
