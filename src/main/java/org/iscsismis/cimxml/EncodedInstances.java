package org.iscsismis.cimxml;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimProperty;
import org.iscsismis.cim.KeyBinding;
import org.iscsismis.cim.ObjectPath;

/**
 * The INSTANCENAME and INSTANCE elements of instances written before, as encoded bytes, kept by the identity of the
 * immutable objects they were written from, within a byte budget; shared by every response of a server.
 *
 * <p><b>Why the bytes cannot be stale.</b> The writer's INSTANCE element depends on nothing but the instance's class
 * name, its qualifiers and its properties (list, elements and values all immutable); its INSTANCENAME on nothing but the
 * path's class name and key bindings (the default host is not used inside it). An entry is found only when the instance
 * in hand has the very same property list, class name object, path class name object and key list as the one it was
 * written from, and no qualifiers; any filter that changes an instance (PropertyList, IncludeQualifiers,
 * IncludeClassOrigin, DeepInheritance cutting a subclass's properties) makes a new list, and a modified stored
 * instance is a new object. So a hit copies exactly the bytes the writer would produce now.
 *
 * <p><b>Bounded.</b> At most {@code budgetBytes} bytes of entries (each counted with {@link #ENTRY_OVERHEAD}); when
 * full, nothing more is kept and the writer encodes as before. An entry holds its property list weakly: once the
 * instance is gone (deleted, modified) and collected, the entry is dropped and its bytes are returned to the budget.
 * A property list is admitted on its second sighting only (a one-int mark per slot), so instances a provider builds
 * anew for each request cost no copies. Lookups take no lock: one table slot, compared by identity.
 */
public final class EncodedInstances {

    /** What an entry costs beside its bytes: the entry (a weak reference with five fields), the array header, a slot. */
    static final int ENTRY_OVERHEAD = 96;
    /** Slots per byte of budget: one per 512 to 1 024 bytes (an instance of a few properties encodes to more). */
    private static final int BYTES_PER_SLOT = 1024;
    /** Marks of sightings per slot: with two marks per sighting, about 2 % of 10 000 lists keep missing each other's. */
    private static final int SEEN_PER_SLOT = 4;
    private static final int MAX_SLOTS = 1 << 20;
    private static final int PROBES = 4;

    /** Keeps nothing. */
    public static final EncodedInstances NONE = new EncodedInstances(0);

    private final long budget;
    private final AtomicReferenceArray<Entry> slots;
    /** Identity hashes of property lists seen and not kept ({@link #SEEN_PER_SLOT} per slot): the second sighting is kept. */
    private final int[] seen;
    private final int mask;
    private final int seenMask;
    private final AtomicLong used = new AtomicLong();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    private EncodedInstances(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes must not be negative, got " + budgetBytes);
        }
        this.budget = budgetBytes;
        int n = budgetBytes == 0 ? 1 : (int) Math.min(MAX_SLOTS, Math.max(16, Long.highestOneBit(budgetBytes / BYTES_PER_SLOT) * 2));
        this.slots = new AtomicReferenceArray<>(n);
        this.seen = new int[n * SEEN_PER_SLOT];
        this.mask = n - 1;
        this.seenMask = seen.length - 1;
    }

    /** A cache of at most {@code budgetBytes} bytes; 0 keeps nothing. */
    public static EncodedInstances withBudget(long budgetBytes) {
        return budgetBytes == 0 ? NONE : new EncodedInstances(budgetBytes);
    }

    /** One instance's bytes: INSTANCENAME ({@code nameLength} bytes), then INSTANCE. */
    static final class Entry extends WeakReference<Object> {
        private final CimName className;
        private final CimName pathClassName;
        private final List<KeyBinding> keys;
        final byte[] bytes;
        final int nameLength;
        private final int slot;

        private Entry(CimInstance i, ObjectPath p, byte[] bytes, int nameLength, int slot, ReferenceQueue<Object> queue) {
            super(i.properties(), queue);
            this.className = i.className();
            this.pathClassName = p.className();
            this.keys = p.keys();
            this.bytes = bytes;
            this.nameLength = nameLength;
            this.slot = slot;
        }

        private boolean writtenFrom(CimInstance i, ObjectPath p) {
            return refersTo(i.properties()) && className == i.className() && pathClassName == p.className() && keys == p.keys();
        }

        private long cost() {
            return bytes.length + ENTRY_OVERHEAD;
        }
    }

    private int home(List<CimProperty> properties) {
        int h = System.identityHashCode(properties);
        return (h ^ (h >>> 16)) & mask;
    }

    /** The bytes written before for instance {@code i} with path {@code p}, or null. */
    Entry find(CimInstance i, ObjectPath p) {
        if (budget == 0 || !i.qualifiers().isEmpty()) {
            return null;
        }
        int home = home(i.properties());
        for (int k = 0; k < PROBES; k++) {
            Entry e = slots.getAcquire((home + k) & mask);
            if (e != null && e.writtenFrom(i, p)) {
                return e;
            }
        }
        return null;
    }

    /**
     * After a {@link #find} miss: whether {@code i} should be encoded for keeping (its second sighting, room left). A
     * sighting is marked in two places of {@link #seen} and found in either: two lists whose marks overwrite each
     * other in one place (and would never be kept, each seen anew every time) rarely meet in both.
     */
    boolean admits(CimInstance i) {
        if (budget == 0 || !i.qualifiers().isEmpty()) {
            return false;
        }
        int h = System.identityHashCode(i.properties());
        int a = (h ^ (h >>> 16)) & seenMask;
        int b = (h * 0x9E3779B1 >>> 7) & seenMask;
        if (seen[a] != h && seen[b] != h) {
            seen[a] = h; // racy on purpose: a lost mark only delays keeping
            seen[b] = h;
            return false;
        }
        reclaim();
        return used.get() + ENTRY_OVERHEAD < budget;
    }

    /** Keeps the INSTANCENAME {@code name} and INSTANCE {@code instance} written for {@code i} with path {@code p}, if room. */
    void keep(CimInstance i, ObjectPath p, byte[] name, byte[] instance) {
        byte[] bytes = new byte[name.length + instance.length];
        System.arraycopy(name, 0, bytes, 0, name.length);
        System.arraycopy(instance, 0, bytes, name.length, instance.length);
        int home = home(i.properties());
        for (int k = 0; k < PROBES; k++) {
            int at = (home + k) & mask;
            Entry old = slots.getAcquire(at);
            if (old != null && old.writtenFrom(i, p)) {
                return; // another thread kept it first
            }
            if (old == null || old.refersTo(null)) {
                Entry e = new Entry(i, p, bytes, name.length, at, collected);
                if (!reserve(e.cost())) {
                    return;
                }
                // Whoever takes an entry out of the table gives its bytes back (here, or reclaim for a collected one).
                if (slots.compareAndSet(at, old, e)) {
                    if (old != null) {
                        used.addAndGet(-old.cost());
                    }
                } else {
                    used.addAndGet(-e.cost());
                }
                return;
            }
        }
        // Every probed slot holds a live entry: the newcomer replaces none (the table is as full as it was sized for).
    }

    private boolean reserve(long cost) {
        long now;
        do {
            now = used.get();
            if (now + cost > budget) {
                return false;
            }
        } while (!used.compareAndSet(now, now + cost));
        return true;
    }

    /** Drops the entries whose instances were collected, returning their bytes to the budget. */
    private void reclaim() {
        for (Object r; (r = collected.poll()) != null; ) {
            Entry e = (Entry) r;
            if (slots.compareAndSet(e.slot, e, null)) {
                used.addAndGet(-e.cost());
            }
        }
    }

    /** Bytes kept, overhead included (tests, diagnostics). */
    public long usedBytes() {
        reclaim();
        return used.get();
    }

    /** The budget this cache was made with. */
    public long budgetBytes() {
        return budget;
    }
}
