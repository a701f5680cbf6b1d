package org.iscsismis.http;

import static org.iscsismis.http.FakeCodec.body;
import static org.iscsismis.http.HandlerFixture.bytes;
import static org.iscsismis.http.HandlerFixture.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One debug line per request, with operation, namespace, target, CIM status, HTTP status and time. */
class CimOperationHandlerLogTest {

    @Test
    void oneDebugLinePerRequest() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(CimOperationHandler.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try (HandlerFixture fixture = new HandlerFixture()) {
            String ok = body("GetClass", "root/cimv2");
            fixture.exchange(post("GetClass", "root/cimv2", bytes(ok)), bytes(ok));
            fixture.exchange(post("GetClass", "root/interop", bytes(ok)), bytes(ok));
            // The line is written just after the response is sent: give the worker a moment.
            for (long deadline = System.nanoTime() + 5_000_000_000L; appender.list.size() < 2 && System.nanoTime() < deadline; ) {
                Thread.sleep(10);
            }
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        List<String> lines = appender.list.stream().filter(e -> e.getLevel() == Level.DEBUG)
                .map(ILoggingEvent::getFormattedMessage).toList();
        // The line is written after the response, so the two may arrive in either order.
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("POST GetClass ns=root/cimv2 target=CIM_Fake cim=CIM_ERR_SUCCESS http=200 \\d+ms")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("POST GetClass ns=root/cimv2 target=CIM_Fake cim=header-mismatch http=400 \\d+ms")),
                lines.toString());
    }
}
