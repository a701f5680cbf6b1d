package org.iscsismis.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.BooleanSupplier;

/**
 * The server's logging, set up in code (Logback finds this class through {@code META-INF/services}): one line per
 * event on stdout, {@code HH:mm:ss.SSS LEVEL [thread] Logger - message}; root at INFO (then {@link LogLevels}
 * applies log.level); Jetty at WARN. In code rather than a {@code logback.xml} because reading the XML costs a
 * fresh JVM a few hundred milliseconds of every start-up (docs/decisions.md).
 *
 * <p>A configuration file named by the {@code logback.configurationFile} system property, or a
 * {@code logback-test.xml} on the class path (the tests), still takes precedence.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{0} - %msg%n";

    private final BooleanSupplier configurationFileGiven;

    /** The configurator Logback instantiates. */
    public ConsoleLogConfigurator() {
        this(() -> System.getProperty("logback.configurationFile") != null
                || ConsoleLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null);
    }

    ConsoleLogConfigurator(BooleanSupplier configurationFileGiven) {
        this.configurationFileGiven = configurationFileGiven;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFileGiven.getAsBoolean()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
