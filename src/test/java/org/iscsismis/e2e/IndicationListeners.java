package org.iscsismis.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.client.WBEMClientConstants;
import org.metricshub.wbem.javax.wbem.listener.WBEMListener;
import org.metricshub.wbem.javax.wbem.listener.WBEMListenerFactory;

/** The SBLIM client's own indication listener (JSR 48 WBEMListener) on a free port, keeping what it receives. */
final class IndicationListeners implements AutoCloseable {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final WBEMListener api = WBEMListenerFactory.getListener(WBEMClientConstants.PROTOCOL_CIMXML);
    private final List<CIMInstance> received = Collections.synchronizedList(new ArrayList<>());
    private final int port;

    IndicationListeners() throws IOException {
        port = api.addListener((url, indication) -> received.add(indication), 0, "http");
    }

    /** Where the server should export to. */
    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    List<CIMInstance> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until {@code done} holds for what was received (in order), then answers it. */
    List<CIMInstance> await(Predicate<List<CIMInstance>> done, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            List<CIMInstance> now = received();
            if (done.test(now)) {
                return now;
            }
            assertTrue(System.nanoTime() < deadline, () -> "timed out waiting for " + what + "; received " + now.size() + ": " + now);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    void clear() {
        received.clear();
    }

    @Override
    public void close() {
        api.removeListener(port);
    }
}
