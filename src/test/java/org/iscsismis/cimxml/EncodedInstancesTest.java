package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.testing.Conditions;
import org.junit.jupiter.api.Test;

/** The bounded identity cache of encoded instances: what it finds, what it admits, its budget. */
class EncodedInstancesTest {

    private static final byte[] NAME = "<INSTANCENAME/>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = new byte[300];

    private static CimInstance instance(String id) {
        return CimInstance.builder("T_Item").path(ObjectPath.builder("T_Item").key("Id", id).build()).property("Id", id)
                .property("Name", "item " + id).build();
    }

    /** Keeps {@code i} as a writer would: seen once, admitted the second time, then kept. */
    private static boolean keep(EncodedInstances cache, CimInstance i) {
        assertFalse(cache.admits(i), "a first sighting is not kept");
        if (!cache.admits(i)) {
            return false;
        }
        cache.keep(i, i.path(), NAME, BODY);
        return true;
    }

    @Test
    void findsTheBytesOnlyForTheObjectsTheyWereWrittenFrom() {
        EncodedInstances cache = EncodedInstances.withBudget(1 << 20);
        CimInstance stored = instance("a");
        assertNull(cache.find(stored, stored.path()));
        assertTrue(keep(cache, stored));

        EncodedInstances.Entry e = cache.find(stored, stored.path());
        assertNotNull(e);
        assertEquals(NAME.length, e.nameLength);
        assertArrayEquals(NAME, java.util.Arrays.copyOf(e.bytes, NAME.length));
        CimInstance filtered = stored.withPath(stored.path().withoutHostAndNamespace()); // what an enumeration writes
        assertSame(e, cache.find(filtered, filtered.path()), "the same property list and keys: the same bytes");

        assertNull(cache.find(instance("a"), stored.path()), "an equal instance that is another object is not found");
        CimInstance otherPath = stored.withPath(ObjectPath.builder("T_Item").key("Id", "a").build());
        assertNull(cache.find(stored, otherPath.path()), "another key list is not found");
        CimInstance withQualifier = new CimInstance(stored.className(), stored.path(), stored.properties(),
                List.of(CimQualifier.ofTrue("Dummy")));
        assertNull(cache.find(withQualifier, stored.path()), "an instance with qualifiers writes other bytes");
        assertFalse(cache.admits(withQualifier));
        assertFalse(cache.admits(withQualifier));
    }

    @Test
    void keepsNothingBeyondItsBudgetAndNothingAtZero() {
        long cost = NAME.length + BODY.length + EncodedInstances.ENTRY_OVERHEAD;
        EncodedInstances cache = EncodedInstances.withBudget(cost * 3);
        List<CimInstance> live = new ArrayList<>();
        int kept = 0;
        for (int n = 0; n < 10; n++) {
            CimInstance i = instance("i" + n);
            live.add(i);
            if (keep(cache, i) && cache.find(i, i.path()) != null) {
                kept++;
            }
        }
        assertEquals(3, kept, "three entries fit the budget");
        assertEquals(cost * 3, cache.usedBytes());

        EncodedInstances none = EncodedInstances.withBudget(0);
        CimInstance i = instance("z");
        assertFalse(none.admits(i));
        assertFalse(none.admits(i));
        assertNull(none.find(i, i.path()));
        assertEquals(0, none.usedBytes());
        assertThrows(IllegalArgumentException.class, () -> EncodedInstances.withBudget(-1));
    }

    @Test
    void theBytesOfACollectedInstanceGoBackToTheBudget() {
        long cost = NAME.length + BODY.length + EncodedInstances.ENTRY_OVERHEAD;
        EncodedInstances cache = EncodedInstances.withBudget(cost);
        CimInstance[] gone = {instance("gone")};
        assertTrue(keep(cache, gone[0]));
        assertEquals(cost, cache.usedBytes());
        gone[0] = null; // deleted from the store: nothing refers to its properties any more
        Conditions.await("the collected instance's bytes are released", () -> {
            System.gc();
            return cache.usedBytes() == 0;
        });
        CimInstance next = instance("next");
        assertTrue(keep(cache, next), "the budget has room again");
        assertNotNull(cache.find(next, next.path()));
    }
}
