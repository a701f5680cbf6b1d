package org.iscsismis.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the log level at start-up (logback is the only binding the server ships). */
final class LogLevels {

    private LogLevels() {
    }

    /** Applies {@code level} (trace…off) to the root and {@code org.iscsismis} loggers. */
    static void apply(String level) {
        Level parsed = Level.toLevel(level, Level.INFO);
        for (String name : new String[] {org.slf4j.Logger.ROOT_LOGGER_NAME, "org.iscsismis"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(parsed);
            }
        }
    }
}
