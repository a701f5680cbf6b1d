package org.iscsismis.cimxml;

import java.lang.ref.ReferenceQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimProperty;
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
 * <p><b>Compact.</b> What is kept per instance is its character content (the key and property values, escaped and
 * encoded); the markup around it, the same for every instance of a class, is a {@link Skeleton} shared by them. A
 * {@code Bench_Item} of 1.45 KB of CIM-XML keeps about 0.4 KB of its own.
 *
 * <p><b>Bounded.</b> At most {@code budgetBytes} bytes of entries and skeletons, each counted with its overhead; when
 * full, nothing more is kept and the writer encodes as before. An entry of a stored instance that is deleted or
 * modified is dropped at once ({@link #forget}), so that its replacement can be kept: a client that deletes and
 * re-creates its instances would otherwise find the budget full of entries nobody can hit until the next full
 * collection. An entry also holds its property list weakly: once an instance nobody told about is gone and collected,
 * the entry is dropped and its bytes are returned to the budget.
 * A property list is admitted on its second sighting only (marks in an int table), so instances a provider builds
 * anew for each request cost no copies. Lookups take no lock: a few table slots, compared by identity.
 */
public final class EncodedInstances {

    /** Distinct skeletons kept at most (one per class and shape of instance). */
    static final int MAX_SKELETONS = 4096;
    /** Slots per byte of budget: one per 256 to 512 bytes (an entry of a few properties costs more). */
    private static final int BYTES_PER_SLOT = 512;
    /** Marks of sightings per slot: with two marks per sighting, about 2 % of 10 000 lists keep missing each other's. */
    private static final int SEEN_PER_SLOT = 4;
    private static final int MAX_SLOTS = 1 << 20;
    /**
     * Slots an instance may take, from its home on: with four, about 0.5 % of 10 000 instances in the default budget
     * found every one taken and were encoded anew in every answer; with eight, a few.
     */
    private static final int PROBES = 8;

    /** Keeps nothing. */
    public static final EncodedInstances NONE = new EncodedInstances(0);

    private final long budget;
    private final AtomicReferenceArray<EncodedInstance> slots;
    /** Identity hashes of property lists seen and not kept ({@link #SEEN_PER_SLOT} per slot): the second sighting is kept. */
    private final int[] seen;
    private final int mask;
    private final int seenMask;
    private final AtomicLong used = new AtomicLong();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Map<Skeleton, Skeleton> skeletons = new HashMap<>();

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
        used.set(budgetBytes == 0 ? 0 : tableBytes(n)); // the tables count against the budget too
    }

    /** A cache of at most {@code budgetBytes} bytes; 0 keeps nothing. */
    public static EncodedInstances withBudget(long budgetBytes) {
        return budgetBytes == 0 ? NONE : new EncodedInstances(budgetBytes);
    }

    private int home(List<CimProperty> properties) {
        int h = System.identityHashCode(properties);
        return (h ^ (h >>> 16)) & mask;
    }

    /** The bytes written before for instance {@code i} with path {@code p}, or null. */
    EncodedInstance find(CimInstance i, ObjectPath p) {
        if (budget == 0 || !i.qualifiers().isEmpty()) {
            return null;
        }
        int home = home(i.properties());
        for (int k = 0; k < PROBES; k++) {
            EncodedInstance e = slots.getAcquire((home + k) & mask);
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
        return used.get() + EncodedInstance.OVERHEAD < budget;
    }

    /**
     * Drops the entries written from {@code i}, which is gone from the repository (deleted, or replaced by its
     * modified self), and returns their bytes to the budget.
     */
    public void forget(CimInstance i) {
        if (budget == 0) {
            return;
        }
        int home = home(i.properties());
        for (int k = 0; k < PROBES; k++) {
            int at = (home + k) & mask;
            EncodedInstance e = slots.getAcquire(at);
            if (e != null && e.refersTo(i.properties()) && slots.compareAndSet(at, e, null)) {
                used.addAndGet(-e.cost());
            }
        }
    }

    /**
     * Keeps what {@code name} (INSTANCENAME) and {@code instance} (INSTANCE) captured of writing {@code i} with path
     * {@code p}, if there is room: its markup as a skeleton shared with the instances of the same shape, its content
     * as its own.
     */
    void keep(CimInstance i, ObjectPath p, Captured name, Captured instance) {
        int home = home(i.properties());
        for (int k = 0; k < PROBES; k++) {
            int at = (home + k) & mask;
            EncodedInstance old = slots.getAcquire(at);
            if (old != null && old.writtenFrom(i, p)) {
                return; // another thread kept it first
            }
            if (old == null || old.refersTo(null)) {
                Skeleton skeleton = skeleton(Skeleton.of(name, instance));
                if (skeleton == null) {
                    return;
                }
                EncodedInstance e = new EncodedInstance(i, p, skeleton, name, instance, at, collected);
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

    /**
     * The skeleton equal to {@code s} that entries share, {@code s} itself when it is new and there is room for it,
     * or null. Skeletons stay (there are few: one per class and shape); they count against the budget, and at most
     * {@link #MAX_SKELETONS} are kept.
     */
    private Skeleton skeleton(Skeleton s) {
        synchronized (skeletons) {
            Skeleton known = skeletons.get(s);
            if (known != null) {
                return known;
            }
            if (skeletons.size() >= MAX_SKELETONS || !reserve(s.cost())) {
                return null;
            }
            skeletons.put(s, s);
            return s;
        }
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
            EncodedInstance e = (EncodedInstance) r;
            if (slots.compareAndSet(e.slot, e, null)) {
                used.addAndGet(-e.cost());
            }
        }
    }

    /** Heap of the slot and mark tables of {@code slots} slots. */
    static long tableBytes(int slots) {
        return 32 + 4L * slots * (1 + SEEN_PER_SLOT);
    }

    /** Bytes kept, overhead and tables included (tests, diagnostics). */
    public long usedBytes() {
        reclaim();
        return used.get();
    }

    /** The budget this cache was made with. */
    public long budgetBytes() {
        return budget;
    }
}
