package org.iscsismis.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InheritedCopiesTest {

    @Test
    void aHundredElementsAreAllKept() {
        // A direct-mapped table of 4096 slots loses one of a hundred elements in most runs; sets of eight do not.
        InheritedCopies copies = new InheritedCopies();
        List<Object> sources = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Object source = new Object();
            sources.add(source);
            copies.put(source, "copy " + i);
        }
        for (int i = 0; i < sources.size(); i++) {
            assertEquals("copy " + i, copies.get(sources.get(i)), "element " + i);
        }
    }

    @Test
    void aCopyIsMadeOnceWhileItIsKept() {
        InheritedCopies copies = new InheritedCopies();
        String source = new String("element");
        String first = copies.copyOf(source, s -> new String(s));
        assertSame(first, copies.copyOf(source, s -> new String(s)));
    }

    @Test
    void aNewCopyOfTheSameElementReplacesTheOld() {
        InheritedCopies copies = new InheritedCopies();
        Object source = new Object();
        copies.put(source, "old");
        copies.put(source, "new");
        assertEquals("new", copies.get(source));
        assertNull(copies.get(new Object()));
    }
}
