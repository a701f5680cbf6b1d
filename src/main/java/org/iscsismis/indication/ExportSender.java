package org.iscsismis.indication;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Posts one ExportIndication document to a listener; the answer arrives later, on another thread. */
interface ExportSender extends AutoCloseable {

    /**
     * @param credentials {@code user:password} for HTTP Basic, or null
     * @return completes normally when the listener accepted the indication, exceptionally (with a message saying why)
     *         on any failure: no connection, no answer in time, an HTTP status other than 200, a CIM ERROR answer
     */
    CompletableFuture<Void> send(URI destination, String credentials, byte[] exportRequest);

    @Override
    void close();
}
