package org.iscsismis.replication;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine's chunk bitmap agrees with java.util.BitSet on membership, count, wrapping search and set difference. */
class ChunkBitmapProperties {

    @Property(tries = 200)
    void behavesLikeABitSet(@ForAll @IntRange(min = 1, max = 300) int size,
                            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 299) Integer> toggles,
                            @ForAll @IntRange(min = 0, max = 299) int from) {
        ChunkBitmap bitmap = new ChunkBitmap(size);
        BitSet model = new BitSet(size);
        for (int t : toggles) {
            int i = t % size;
            if (model.get(i)) {
                assertEquals(true, bitmap.clear(i));
                model.clear(i);
            } else {
                assertEquals(true, bitmap.set(i));
                model.set(i);
            }
        }
        assertEquals(model.cardinality(), bitmap.count());
        int start = from % size;
        assertEquals(expectedNext(model, size, start, true), bitmap.nextSet(start));
        assertEquals(expectedNext(model, size, start, false), bitmap.nextClear(start));
        ChunkBitmap all = new ChunkBitmap(size);
        all.setAll();
        assertEquals(size - model.cardinality(), all.countWithout(bitmap));
        all.removeAll(bitmap);
        assertEquals(size - model.cardinality(), all.count());
        for (int i = 0; i < size; i++) {
            assertEquals(!model.get(i), all.get(i));
        }
    }

    private static long expectedNext(BitSet model, int size, int start, boolean set) {
        for (int k = 0; k < size; k++) {
            int i = (start + k) % size;
            if (model.get(i) == set) {
                return i;
            }
        }
        return -1;
    }
}
