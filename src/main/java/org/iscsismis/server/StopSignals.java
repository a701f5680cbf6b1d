package org.iscsismis.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the server gracefully and the process exits with status 0, as the documentation promises.
 * Left to the JVM, SIGTERM would run the shutdown hooks and end the process with status 143 (128 + 15); handling the
 * signals ourselves (through {@code sun.misc.Signal}, the supported way in module {@code jdk.unsupported}) lets the
 * stop run on a thread of its own while {@code main} waits in {@code join} and then returns normally. A shutdown hook
 * still stops the server when the JVM ends for another reason (SIGHUP, {@code System.exit}).
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    static void install(Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "iscsi-smis-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> new Thread(() -> {
                    LOG.info("SIG{} received: stopping", signal.getName());
                    stop.run();
                }, "iscsi-smis-stop").start());
            } catch (IllegalArgumentException e) {
                LOG.debug("Cannot handle SIG{} here ({}); the JVM's default applies", name, e.getMessage());
            }
        }
    }
}
