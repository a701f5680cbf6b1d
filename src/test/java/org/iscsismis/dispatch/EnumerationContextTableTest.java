package org.iscsismis.dispatch;

import static org.iscsismis.repository.Fixtures.assertCimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.dispatch.EnumerationContext.Flavor;
import org.iscsismis.provider.job.MutableClock;
import org.junit.jupiter.api.Test;

class EnumerationContextTableTest {

    private static final CimNamespace NS = CimNamespace.of("root/test");
    private static final PullSource EMPTY = new LazyPullSource<Object>(Collections.emptyIterator(), (s, o) -> { }, () -> 0);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final EnumerationContextTable table = new EnumerationContextTable(clock,
            new PullLimits(2, Duration.ofSeconds(30), Duration.ofSeconds(90)));

    private EnumerationContext openIdle(Duration timeout) {
        EnumerationContext c = table.open(NS, "OpenEnumerateInstances", Flavor.INSTANCES_WITH_PATH, EMPTY, timeout);
        table.release(c);
        return c;
    }

    @Test
    void operationTimeoutNullIsTheDefaultZeroAndAboveTheMaximumAreRefused() {
        assertEquals(Duration.ofSeconds(30), table.timeout(null));
        assertEquals(Duration.ofSeconds(90), table.timeout(90L));
        assertEquals(Duration.ofSeconds(1), table.timeout(1L));
        assertCimError(CimStatus.INVALID_OPERATION_TIMEOUT, () -> table.timeout(0L), "0");
        assertCimError(CimStatus.INVALID_OPERATION_TIMEOUT, () -> table.timeout(91L), "91", "90");
    }

    @Test
    void anIdleContextExpiresAfterItsTimeoutAndNotBefore() {
        EnumerationContext c = openIdle(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        table.release(table.acquire(c.id(), NS, Flavor.INSTANCES_WITH_PATH)); // restarts the timer
        clock.advance(Duration.ofSeconds(9));
        assertEquals(1, table.size());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, table.size());
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> table.acquire(c.id(), NS, Flavor.INSTANCES_WITH_PATH), c.id());
    }

    @Test
    void aBusyContextDoesNotExpireWhileItsOperationRuns() {
        EnumerationContext c = openIdle(Duration.ofSeconds(10));
        table.acquire(c.id(), NS, Flavor.INSTANCES_WITH_PATH);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, table.size());
        table.release(c);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(0, table.size());
    }

    @Test
    void theTableIsBoundedAndExpiredContextsMakeRoom() {
        openIdle(Duration.ofSeconds(5));
        openIdle(Duration.ofSeconds(60));
        assertCimError(CimStatus.SERVER_LIMITS_EXCEEDED, () -> openIdle(Duration.ofSeconds(5)), "2");
        clock.advance(Duration.ofSeconds(5));
        openIdle(Duration.ofSeconds(5));
        assertEquals(2, table.size());
    }

    @Test
    void unknownContextWrongNamespaceAndWrongPullAreInvalidEnumerationContext() {
        EnumerationContext c = openIdle(Duration.ofSeconds(30));
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> table.acquire("nope", NS, null), "nope");
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> table.acquire(c.id(), CimNamespace.of("root/other"), null),
                "root/other");
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> table.acquire(c.id(), NS, Flavor.INSTANCE_PATHS),
                "OpenEnumerateInstances", "PullInstancesWithPath", "PullInstancePaths");
        assertSame(c, table.acquire(c.id(), NS, Flavor.INSTANCES_WITH_PATH)); // still usable after the refusals
    }

    @Test
    void aContextServesOneOperationAtATimeAndCannotBeClosedWhileBusy() {
        EnumerationContext c = openIdle(Duration.ofSeconds(30));
        table.acquire(c.id(), NS, Flavor.INSTANCES_WITH_PATH);
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> table.acquire(c.id(), NS, Flavor.INSTANCES_WITH_PATH), "in use");
        assertCimError(CimStatus.PULL_CANNOT_BE_ABANDONED, () -> table.close(c.id(), NS), c.id());
        table.release(c);
        table.close(c.id(), NS);
        assertEquals(0, table.size());
        assertCimError(CimStatus.INVALID_ENUMERATION_CONTEXT, () -> table.close(c.id(), NS), c.id());
    }

    @Test
    void contextIdsAreDistinctAndCarryNothingGuessable() {
        EnumerationContext a = openIdle(Duration.ofSeconds(30));
        EnumerationContext b = openIdle(Duration.ofSeconds(30));
        assertNotEquals(a.id(), b.id());
        assertEquals(32, a.id().length());
    }
}
