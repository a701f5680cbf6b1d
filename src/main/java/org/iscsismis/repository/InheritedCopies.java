package org.iscsismis.repository;

import java.util.function.UnaryOperator;

/**
 * The propagated copies of superclass elements made lately, so that sibling classes hold one copy instead of one
 * each: a subclass's copy of an inherited property, method or qualifier depends on that element only, and the
 * complete schema gives CIM_ManagedElement, CIM_Dependency and others hundreds of direct subclasses. A fixed
 * table keyed by the element's identity, in sets of {@value #WAYS} slots (a newer element takes an older one's slot
 * only when its set is full, so the few elements of a small schema never push each other out): bounded, whatever
 * clients create, and it keeps no element alive beyond its slot. The resolver also keeps here a qualifier it had to respell
 * (DMTF writes {@code IN} for the declared {@code In}), checking on a hit that the copy still fits. Racy on purpose: an entry is immutable, and a lost
 * write only costs a copy.
 */
final class InheritedCopies {

    private static final int SLOTS = 4096;
    static final int WAYS = 8;

    private record Entry(Object source, Object copy) {
    }

    private final Entry[] entries = new Entry[SLOTS];

    /** The copy {@code make} gives of {@code source}, the one made before if it is still in its slot. */
    <T> T copyOf(T source, UnaryOperator<T> make) {
        T copy = get(source);
        if (copy == null) {
            copy = make.apply(source);
            put(source, copy);
        }
        return copy;
    }

    /** The copy last {@link #put} for {@code source} if it is still in its slot, else null. */
    @SuppressWarnings("unchecked")
    <T> T get(T source) {
        int first = firstSlot(source);
        for (int i = first; i < first + WAYS; i++) {
            Entry e = entries[i];
            if (e != null && e.source == source) {
                return (T) e.copy;
            }
        }
        return null;
    }

    <T> void put(T source, T copy) {
        int first = firstSlot(source);
        int target = first + (System.identityHashCode(copy) & (WAYS - 1)); // a full set loses an arbitrary entry
        for (int i = first; i < first + WAYS; i++) {
            Entry e = entries[i];
            if (e == null || e.source == source) {
                target = i;
                break;
            }
        }
        entries[target] = new Entry(source, copy);
    }

    private static int firstSlot(Object source) {
        int h = System.identityHashCode(source);
        return ((h ^ (h >>> 13)) & (SLOTS / WAYS - 1)) * WAYS;
    }
}
