package org.iscsismis.cim;

import java.util.List;
import java.util.function.Function;

/**
 * Finds an element of an immutable list by its {@link CimName} (case-insensitive) without a map per list. A few
 * elements are scanned (the name's hash is compared first); for more, an open-addressing table of positions is
 * built once: {@code char} slots (two bytes each, at most half full) where a {@code LinkedHashMap} took about 40
 * bytes an element plus its table. A model object keeps the table its constructor built and the list it indexes.
 */
final class NameIndex {

    /** Lists up to this size are scanned and get no table. */
    static final int SCANNED = 8;

    private NameIndex() {
    }

    /**
     * The table for {@code elements} (null when they are few enough to scan): a {@code char[]} or, past 65 534
     * elements, an {@code int[]} of positions plus one (0 is an empty slot).
     *
     * @param duplicate the exception to throw for a name that occurs twice
     */
    static <T> Object build(List<T> elements, Function<? super T, CimName> nameOf,
                            Function<CimName, ? extends RuntimeException> duplicate) {
        int n = elements.size();
        if (n <= SCANNED) {
            for (int i = 1; i < n; i++) {
                CimName name = nameOf.apply(elements.get(i));
                for (int j = 0; j < i; j++) {
                    if (nameOf.apply(elements.get(j)).equals(name)) {
                        throw duplicate.apply(name);
                    }
                }
            }
            return null;
        }
        int size = Integer.highestOneBit(n) << 2; // between 2n and 4n slots: at most half full
        char[] small = n < Character.MAX_VALUE ? new char[size] : null;
        int[] large = small == null ? new int[size] : null;
        int mask = size - 1;
        for (int i = 0; i < n; i++) {
            CimName name = nameOf.apply(elements.get(i));
            int slot = spread(name.hashCode()) & mask;
            for (int at = at(small, large, slot); at != 0; at = at(small, large, slot)) {
                if (nameOf.apply(elements.get(at - 1)).equals(name)) {
                    throw duplicate.apply(name);
                }
                slot = (slot + 1) & mask;
            }
            if (small != null) {
                small[slot] = (char) (i + 1);
            } else {
                large[slot] = i + 1;
            }
        }
        return small != null ? small : large;
    }

    /** The element named {@code name} of {@code elements}, indexed by {@code table} from {@link #build}, or null (also for a null name). */
    static <T> T find(Object table, List<T> elements, Function<? super T, CimName> nameOf, CimName name) {
        int at = indexOf(table, elements, nameOf, name);
        return at < 0 ? null : elements.get(at);
    }

    /** The position of the element named {@code name} in {@code elements}, indexed by {@code table}, or -1. */
    static <T> int indexOf(Object table, List<T> elements, Function<? super T, CimName> nameOf, CimName name) {
        if (name == null) {
            return -1;
        }
        if (table == null) {
            for (int i = 0, n = elements.size(); i < n; i++) {
                if (nameOf.apply(elements.get(i)).equals(name)) {
                    return i;
                }
            }
            return -1;
        }
        char[] small = table instanceof char[] c ? c : null;
        int[] large = small == null ? (int[]) table : null;
        int mask = (small != null ? small.length : large.length) - 1;
        int slot = spread(name.hashCode()) & mask;
        for (int at = at(small, large, slot); at != 0; at = at(small, large, slot)) {
            if (nameOf.apply(elements.get(at - 1)).equals(name)) {
                return at - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static int at(char[] small, int[] large, int slot) {
        return small != null ? small[slot] : large[slot];
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
