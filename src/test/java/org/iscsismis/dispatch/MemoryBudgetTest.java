package org.iscsismis.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void reservationsShareTheBudgetAndGiveItBack() {
        MemoryBudget budget = new MemoryBudget(1000);
        MemoryBudget.Reservation a = budget.reserve();
        MemoryBudget.Reservation b = budget.reserve();
        assertTrue(a.growTo(600));
        assertFalse(b.growTo(500), "only 400 left");
        assertEquals(0, b.bytes(), "a refused growth reserves nothing");
        assertTrue(b.growBy(400));
        assertEquals(1000, budget.used());
        a.close();
        assertEquals(400, budget.used());
        assertTrue(b.growTo(900));
        assertTrue(b.growTo(100), "shrinking is a no-op that succeeds");
        b.close();
        b.close();
        assertEquals(0, budget.used());
        assertFalse(b.growTo(1), "a closed reservation takes nothing");
    }

    @Test
    void unlimitedNeverRefuses() {
        MemoryBudget budget = MemoryBudget.unlimited();
        assertTrue(budget.reserve().growTo(Long.MAX_VALUE / 2));
        assertTrue(budget.reserve().growTo(Long.MAX_VALUE / 2));
    }
}
