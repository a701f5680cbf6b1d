package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/** The Jetty wiring: port 0, URL, idle timeout, bind failures, stop. */
class HttpEndpointTest {

    /** A fresh handler answering "ok" (a handler belongs to one server). */
    private static Handler ok() {
        return new Handler.Abstract(Handler.Abstract.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                Content.Sink.write(response, true, "ok", callback);
                return true;
            }
        };
    }

    @Test
    void servesOnAFreePortAndStops() throws Exception {
        HttpEndpoint endpoint = HttpEndpoint.start(ServerConfig.defaults().withHttpPort(0), ok(), null);
        int port = endpoint.port();
        try {
            assertTrue(port > 0);
            assertEquals(URI.create("http://127.0.0.1:" + port), endpoint.url());
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.url().resolve("/x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", r.body());
            assertTrue(r.headers().firstValue("Server").isEmpty(), "no server version");
        } finally {
            endpoint.close();
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (HttpEndpoint endpoint = HttpEndpoint.start(ServerConfig.defaults().withHttpPort(0)
                .with(ServerConfig.HTTP_IDLE_TIMEOUT_MS, "200"), ok(), null);
             Socket socket = new Socket("127.0.0.1", endpoint.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
        }
    }

    @Test
    void portInUseIsAStartFailureNamingTheAddress() {
        try (HttpEndpoint first = HttpEndpoint.start(ServerConfig.defaults().withHttpPort(0), ok(), null)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> HttpEndpoint.start(ServerConfig.defaults().withHttpPort(first.port()), ok(), null));
            assertTrue(e.getMessage().contains("127.0.0.1:" + first.port()), e.getMessage());
        }
    }

    @Test
    void closeLetsARequestInProgressFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Handler slow = new Handler.Abstract(Handler.Abstract.InvocationType.BLOCKING) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                started.countDown();
                Thread.sleep(300);
                response.setStatus(200);
                Content.Sink.write(response, true, "done", callback);
                return true;
            }
        };
        HttpEndpoint endpoint = HttpEndpoint.start(ServerConfig.defaults().withHttpPort(0), slow, null);
        CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(endpoint.url().resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(started.await(5, TimeUnit.SECONDS));
        endpoint.close();
        assertEquals("done", response.get(5, TimeUnit.SECONDS).body());
    }
}
