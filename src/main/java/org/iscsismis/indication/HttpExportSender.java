package org.iscsismis.indication;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.iscsismis.cim.CimException;
import org.iscsismis.cimxml.CimXmlException;
import org.iscsismis.cimxml.CimXmlExportCodec;

/**
 * ExportIndication over HTTP(S) with the JDK's client: HTTP/1.1 (listeners do not speak HTTP/2), connections kept
 * alive per listener, asynchronous, so a listener that never answers holds no thread, only its connection until the
 * delivery timeout. HTTPS uses the JVM's default trust store.
 *
 * <p>The client is built on the first delivery: building it starts a selector thread and loads the JVM's TLS
 * machinery and default trust store (about 500 classes and 0.7 MB of heap), which a server no listener subscribes
 * to never needs.
 */
final class HttpExportSender implements ExportSender {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration timeout;
    private final ExecutorService executor;
    private volatile HttpClient client;
    private final CimXmlExportCodec codec = new CimXmlExportCodec();

    HttpExportSender(Duration timeout) {
        this.timeout = timeout;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "indication-http-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public CompletableFuture<Void> send(URI destination, String credentials, byte[] exportRequest) {
        HttpRequest.Builder b = HttpRequest.newBuilder(destination).timeout(timeout)
                .header("Content-Type", "application/xml; charset=utf-8")
                .header(CimXmlExportCodec.EXPORT_HEADER, CimXmlExportCodec.EXPORT_REQUEST)
                .header(CimXmlExportCodec.EXPORT_METHOD_HEADER, CimXmlExportCodec.EXPORT_INDICATION)
                .header("CIMProtocolVersion", "1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(exportRequest));
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return client().sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).thenAccept(this::check);
    }

    private void check(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new DeliveryFailure("the listener answered HTTP " + response.statusCode());
        }
        try {
            codec.readExportResponse(new ByteArrayInputStream(response.body()));
        } catch (CimException e) {
            throw new DeliveryFailure("the listener answered " + e.status().cimName() + ": " + e.description());
        } catch (CimXmlException e) {
            throw new DeliveryFailure("the listener's answer is not an export response: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Why one attempt failed, as logged. */
    static final class DeliveryFailure extends RuntimeException {
        DeliveryFailure(String message) {
            super(message, null, false, false);
        }
    }
}
