package org.iscsismis.indication;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The HTTP sender fails an attempt, with a reason, when the listener refuses the connection or never answers. */
class HttpExportSenderTest {

    @Test
    void aRefusedConnectionFailsTheAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HttpExportSender sender = new HttpExportSender(Duration.ofSeconds(5))) {
            var f = sender.send(URI.create("http://127.0.0.1:" + port + "/"), null, new byte[] {'x'});
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof java.net.ConnectException, e::toString);
        }
    }

    @Test
    void aListenerThatNeverAnswersFailsTheAttemptAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             HttpExportSender sender = new HttpExportSender(Duration.ofMillis(300))) {
            var f = sender.send(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), null, new byte[] {'x'});
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof java.net.http.HttpTimeoutException, e::toString);
        }
    }
}
