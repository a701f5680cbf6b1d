package org.iscsismis.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

class ConsoleLogConfiguratorTest {

    @Test
    void configuresTheConsoleLikeTheFormerLogbackXml() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, new ConsoleLogConfigurator(() -> false).configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty").getLevel());
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, root.getAppender("CONSOLE"));
        assertTrue(console.isStarted());
        assertEquals("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n",
                assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder()).getPattern());
        context.stop();
    }

    @Test
    void aConfigurationFileTakesPrecedence() {
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new ConsoleLogConfigurator(() -> true).configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertNull(root.getAppender("CONSOLE"));
        assertFalse(root.iteratorForAppenders().hasNext());
    }
}
