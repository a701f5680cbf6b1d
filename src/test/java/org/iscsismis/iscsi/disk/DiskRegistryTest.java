package org.iscsismis.iscsi.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Lookups by id: any text a client sends is simply not found, and our ids keep their creation order. */
class DiskRegistryTest {

    private final DiskRegistry registry = new DiskRegistry();
    private final DiskPool pool = registry.createPool("p", 1L << 30);

    @ParameterizedTest
    @ValueSource(strings = {"acc-no-such-xyz", "", "-", "disk-", "disk", "disk-99999999999999999999999999999",
            "disk--1", "disk-1x", "disk-١", "диск-1", "disk-007", "pool-1\u0000", "\uD83D\uDCBE-1"})
    void foreignIdsAreNotFound(String id) {
        registry.createDisk(pool.id(), "d", 1 << 20, 512);
        assertTrue(registry.findDisk(id).isEmpty(), id);
        assertTrue(registry.findPool(id).isEmpty(), id);
        assertThrows(NoSuchElementException.class, () -> registry.disk(id));
        assertThrows(NoSuchElementException.class, () -> registry.pool(id));
    }

    @Test
    void disksListInCreationOrderPastTen() {
        List<String> made = IntStream.range(0, 12).mapToObj(i -> registry.createDisk(pool.id(), "d" + i, 1 << 20, 512).id()).toList();
        assertEquals(made, registry.disks().stream().map(VirtualDisk::id).toList());
        assertEquals("disk-12", made.get(11));
        assertEquals(made.get(9), registry.disk("disk-10").id());
    }
}
