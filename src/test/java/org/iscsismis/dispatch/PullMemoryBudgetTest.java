package org.iscsismis.dispatch;

import static org.iscsismis.dispatch.StorageFixture.NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.operation.CloseEnumerationRequest;
import org.iscsismis.operation.OpenEnumerateInstancesRequest;
import org.iscsismis.testing.storage.StorageModel;
import org.junit.jupiter.api.Test;

/** Buffered pulled enumerations hold memory from the server's budget until they end, and are refused beyond it. */
class PullMemoryBudgetTest {

    private static OpenEnumerateInstancesRequest openDisks() {
        return OpenEnumerateInstancesRequest.builder(NS, StorageModel.DISK).maxObjectCount(0).build();
    }

    @Test
    void anOpenContextHoldsItsResultsUntilClosed() {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        StorageFixture f = new StorageFixture(budget);
        RecordingSink open = f.run(openDisks());
        assertFalse(open.endOfSequence);
        long held = budget.used();
        assertTrue(held > 0, "three buffered disks are charged to the budget");
        f.run(openDisks());
        assertEquals(2 * held, budget.used());
        f.run(new CloseEnumerationRequest(NS, open.all("pullResult", String.class).get(0)));
        assertEquals(held, budget.used(), "closing gives the context's share back");
    }

    @Test
    void anOpenBeyondTheBudgetIsServerLimitsExceededAndHoldsNothing() {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        StorageFixture probe = new StorageFixture(budget);
        probe.run(openDisks());
        long oneContext = budget.used();

        MemoryBudget small = new MemoryBudget(oneContext * 2 + oneContext / 2);
        StorageFixture f = new StorageFixture(small);
        f.run(openDisks());
        f.run(openDisks());
        CimException e = assertThrows(CimException.class, () -> f.run(openDisks()));
        assertEquals(CimStatus.SERVER_LIMITS_EXCEEDED, e.status());
        assertTrue(e.getMessage().contains("memory budget"), e.getMessage());
        assertEquals(2 * oneContext, small.used(), "the refused Open gave back what it had taken");
        assertEquals(2, f.dispatcher.openEnumerationContexts());
    }

    @Test
    void aContextPulledToTheEndGivesItsShareBack() {
        MemoryBudget budget = new MemoryBudget(1 << 20);
        StorageFixture f = new StorageFixture(budget);
        RecordingSink open = f.run(OpenEnumerateInstancesRequest.builder(NS, StorageModel.DISK).maxObjectCount(100).build());
        assertTrue(open.endOfSequence);
        assertEquals(0, budget.used());
    }
}
