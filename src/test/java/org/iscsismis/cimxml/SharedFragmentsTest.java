package org.iscsismis.cimxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iscsismis.cim.CimName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The process-wide cache of encoded class-name lists: bounded, keyed by identity, and the bytes always right. */
class SharedFragmentsTest {

    private final SharedFragments cache = SharedFragments.instance();

    @AfterEach
    void forget() {
        cache.clear();
    }

    private static String classNames(List<CimName> names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CimXmlElementWriter w = CimXmlElementWriter.forStream(out);
        w.classNames(names);
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CimName> names(String prefix, int n) {
        List<CimName> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(CimName.of(prefix + i));
        }
        return List.copyOf(out);
    }

    @Test
    void aListIsEncodedOnceAndCopiedAfter() throws Exception {
        List<CimName> list = names("CIM_A", 3);
        String first = classNames(list);
        assertEquals("<CLASSNAME NAME=\"CIM_A0\"/><CLASSNAME NAME=\"CIM_A1\"/><CLASSNAME NAME=\"CIM_A2\"/>", first);
        byte[] kept = cache.get(list);
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), kept);
        assertEquals(first, classNames(list));
        assertTrue(cache.get(list) == kept, "the second response copied the kept bytes");
    }

    @Test
    void anEqualListWithOtherSpellingsIsNotTakenForTheKeptOne() throws Exception {
        List<CimName> upper = List.of(CimName.of("CIM_X"));
        List<CimName> lower = List.of(CimName.of("cim_x"));
        assertEquals(upper, lower, "CIM names compare without case");
        assertEquals("<CLASSNAME NAME=\"CIM_X\"/>", classNames(upper));
        assertEquals("<CLASSNAME NAME=\"cim_x\"/>", classNames(lower), "kept by identity, not by equality");
    }

    @Test
    void aListLongerThanTheWriterBufferIsKeptWhole() throws Exception {
        List<CimName> big = names("CIM_SomewhatLongClassName_", 3000); // ~120 KB, several buffer drains
        String first = classNames(big);
        assertEquals(3000, first.split("<CLASSNAME ").length - 1);
        assertEquals(first.length(), cache.get(big).length);
        assertEquals(first, classNames(big));
    }

    @Test
    void theOldestEntriesGoBeyondTheBounds() {
        List<List<CimName>> keys = new ArrayList<>();
        for (int i = 0; i < SharedFragments.MAX_ENTRIES + 3; i++) {
            List<CimName> key = names("C" + i + "_", 1);
            keys.add(key);
            cache.put(key, new byte[10]);
        }
        assertNull(cache.get(keys.get(0)));
        assertNull(cache.get(keys.get(2)));
        assertEquals(10, cache.get(keys.get(3)).length);
        assertEquals(10L * SharedFragments.MAX_ENTRIES, cache.size());

        Object huge = new Object();
        cache.put(huge, new byte[SharedFragments.MAX_FRAGMENT_BYTES + 1]);
        assertNull(cache.get(huge), "too large to keep");
        for (int i = 0; i < 5; i++) {
            cache.put(new Object(), new byte[SharedFragments.MAX_FRAGMENT_BYTES]);
        }
        assertTrue(cache.size() <= SharedFragments.MAX_BYTES);
    }
}
