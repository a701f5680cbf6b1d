package org.iscsismis.iscsi.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Disk data lives on the heap: a registry-wide limit refuses writes past it like a full pool, and all or nothing. */
class HeapStorageTest {

    private static final int CHUNK = 4096;

    @Test
    void writesBeyondTheLimitAreRefusedAcrossPoolsAndChangeNothing() {
        DiskRegistry registry = new DiskRegistry(CHUNK, d -> { }, 3L * CHUNK);
        DiskPool a = registry.createPool("a", 1L << 30);
        DiskPool b = registry.createPool("b", 1L << 30);
        VirtualDisk one = registry.createDisk(a.id(), "one", 16L * CHUNK, 512);
        VirtualDisk two = registry.createDisk(b.id(), "two", 16L * CHUNK, 512);
        one.write(0, new byte[2 * CHUNK]);
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, () -> two.write(0, new byte[2 * CHUNK]));
        assertTrue(e.getMessage().contains("in-heap disk data limit of 12288 bytes reached"), e.getMessage());
        assertEquals(0, two.allocatedBytes(), "the refused write took nothing");
        assertEquals(0, b.allocatedBytes(), "nor any pool space");
        two.write(0, new byte[CHUNK]);
        assertEquals(0, a.storageFreeBytes());
        registry.deleteDisk(one.id());
        assertEquals(2L * CHUNK, b.storageFreeBytes(), "deleting a disk gives its data back");
        two.write(CHUNK, new byte[2 * CHUNK]);
    }
}
