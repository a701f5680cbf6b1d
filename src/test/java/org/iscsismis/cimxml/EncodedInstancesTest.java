package org.iscsismis.cimxml;

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

    /** An INSTANCENAME and an INSTANCE as the writer captures them: markup with content runs between. */
    private static final Captured NAME = captured("<INSTANCENAME><KEYVALUE>", "k", "</KEYVALUE></INSTANCENAME>");
    private static final Captured BODY = captured("<INSTANCE><VALUE>", "x".repeat(300), "</VALUE><VALUE>", "y", "</VALUE></INSTANCE>");
    /** What NAME and BODY cost as an entry, their skeleton not counted. */
    private static final long COST = 1 + 300 + 1 + 4 * 3 + EncodedInstance.OVERHEAD;

    /** Markup and content alternating, starting and ending with markup. */
    private static Captured captured(String... parts) {
        StringBuilder all = new StringBuilder();
        int[] runs = new int[parts.length - 1];
        for (int k = 0; k < parts.length; k++) {
            if (k % 2 == 1) {
                runs[k - 1] = all.length();
                runs[k] = all.length() + parts[k].length();
            }
            all.append(parts[k]);
        }
        return new Captured(all.toString().getBytes(StandardCharsets.US_ASCII), runs);
    }

    /** What {@code e} writes: INSTANCENAME, then INSTANCE. */
    private static String written(EncodedInstance e) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Utf8XmlOut w = new Utf8XmlOut(out, 1024);
        e.writeName(w);
        e.writeInstance(w);
        w.flush();
        return out.toString(StandardCharsets.US_ASCII);
    }

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
    void findsTheBytesOnlyForTheObjectsTheyWereWrittenFrom() throws Exception {
        EncodedInstances cache = EncodedInstances.withBudget(1 << 20);
        CimInstance stored = instance("a");
        assertNull(cache.find(stored, stored.path()));
        assertTrue(keep(cache, stored));

        EncodedInstance e = cache.find(stored, stored.path());
        assertNotNull(e);
        assertEquals(new String(NAME.bytes(), StandardCharsets.US_ASCII) + new String(BODY.bytes(), StandardCharsets.US_ASCII),
                written(e), "markup and content put back together");
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

    /** The tables of a small cache (16 slots, the least there are). */
    private static final long TABLES = EncodedInstances.tableBytes(16);

    private static long skeletonCost() {
        EncodedInstances probe = EncodedInstances.withBudget(4096);
        long empty = probe.usedBytes();
        assertEquals(TABLES, empty, "an empty cache holds its tables");
        keep(probe, instance("probe"));
        return probe.usedBytes() - empty - COST;
    }

    @Test
    void keepsNothingBeyondItsBudgetAndNothingAtZero() {
        long skeleton = skeletonCost();
        EncodedInstances cache = EncodedInstances.withBudget(TABLES + skeleton + COST * 3);
        List<CimInstance> live = new ArrayList<>();
        int kept = 0;
        for (int n = 0; n < 10; n++) {
            CimInstance i = instance("i" + n);
            live.add(i);
            if (keep(cache, i) && cache.find(i, i.path()) != null) {
                kept++;
            }
        }
        assertEquals(3, kept, "three entries fit the budget, sharing one skeleton");
        assertEquals(TABLES + skeleton + COST * 3, cache.usedBytes());

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
        long skeleton = skeletonCost();
        EncodedInstances cache = EncodedInstances.withBudget(TABLES + skeleton + COST);
        CimInstance[] gone = {instance("gone")};
        assertTrue(keep(cache, gone[0]));
        assertEquals(TABLES + skeleton + COST, cache.usedBytes());
        gone[0] = null; // deleted from the store: nothing refers to its properties any more
        Conditions.await("the collected instance's bytes are released", () -> {
            System.gc();
            return cache.usedBytes() == TABLES + skeleton;
        });
        CimInstance next = instance("next");
        assertTrue(keep(cache, next), "the budget has room again");
        assertNotNull(cache.find(next, next.path()));
    }

    @Test
    void aForgottenInstanceGivesItsBytesBackAtOnce() {
        long skeleton = skeletonCost();
        EncodedInstances cache = EncodedInstances.withBudget(TABLES + skeleton + COST);
        CimInstance deleted = instance("deleted");
        assertTrue(keep(cache, deleted));
        CimInstance other = instance("other");
        assertFalse(keep(cache, other), "the budget is full while the deleted instance's entry stays");

        cache.forget(instance("deleted")); // an equal instance that is another object: not the one kept
        assertNotNull(cache.find(deleted, deleted.path()));
        cache.forget(deleted); // still referenced here, as by a response in flight: no collection needed
        assertNull(cache.find(deleted, deleted.path()));
        assertEquals(TABLES + skeleton, cache.usedBytes());
        assertTrue(cache.admits(other), "the budget has room again");
        cache.keep(other, other.path(), NAME, BODY);
        assertNotNull(cache.find(other, other.path()));
        cache.forget(deleted); // twice: nothing more to give back
        assertEquals(TABLES + skeleton + COST, cache.usedBytes());
    }

    /**
     * Ten thousand instances enumerated twice are nearly all kept within the default 8 MiB: the marks of the first
     * sighting and the slots' probes leave few out (4 here, where four probes instead of eight left about 50, re-encoded in
     * every answer).
     */
    @Test
    void tenThousandInstancesAreNearlyAllKept() {
        EncodedInstances cache = EncodedInstances.withBudget(8L << 20);
        List<CimInstance> all = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            all.add(instance("i" + n));
        }
        for (int round = 0; round < 3; round++) {
            for (CimInstance i : all) {
                if (cache.find(i, i.path()) == null && cache.admits(i)) {
                    cache.keep(i, i.path(), NAME, BODY);
                }
            }
        }
        long missing = all.stream().filter(i -> cache.find(i, i.path()) == null).count();
        assertTrue(missing <= 20, missing + " of 10 000 not kept");
    }
}
