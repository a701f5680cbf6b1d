package org.iscsismis.mof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.iscsismis.cim.CimFlavor;
import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * The values of one compilation, each kept once: equal string literals, qualifier values and qualifiers become the
 * same immutable object. A schema repeats a few thousand texts tens of thousands of times (the {@code ValueMap} and
 * {@code Values} entries "2", "DMTF Reserved", "Unknown", the same {@code Values} array restated by every
 * subclass that overrides a property), and a repository keeps every class it loads: made once, they take a
 * fraction of the heap. The maps live as long as the compilation (one session, or the sessions of the roots compiled
 * together), so nothing grows with what clients create later. The roots' sessions run in parallel, hence the lock;
 * plain maps under it, because {@code ConcurrentHashMap}'s code is cold in a compile and cost a cold
 * {@code mof check} of the complete schema about a tenth more CPU.
 */
final class MofShared {

    /** Shares nothing: for a compilation whose result is not kept (an offline check), where sharing would only cost. */
    static final MofShared NONE = new MofShared(false);

    private final boolean sharing;

    MofShared() {
        this(true);
    }

    private MofShared(boolean sharing) {
        this.sharing = sharing;
    }

    /** Text ──▶ its scalar string value, which holds the shared {@code String}: one lookup serves both. */
    private final HashMap<String, CimValue> strings = new HashMap<>(1 << 12);
    /** Every other value (arrays, numbers, booleans). */
    private final HashMap<CimValue, CimValue> values = new HashMap<>(1 << 10);
    private final HashMap<QualifierKey, CimQualifier> qualifiers = new HashMap<>(1 << 12);

    /**
     * A qualifier as written: its spelling, its value (already shared, so compared by identity) and flavor
     * (canonical). Not {@code CimQualifier} itself: its record {@code equals} ignores the spelling, and the first
     * call of a record's generated methods costs a cold start their bootstrap.
     */
    private static final class QualifierKey {
        private final String name;
        private final CimValue value;
        private final CimFlavor flavor;
        private final boolean propagated;

        QualifierKey(CimQualifier q) {
            this.name = q.name().toString();
            this.value = q.value();
            this.flavor = q.flavor();
            this.propagated = q.propagated();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof QualifierKey k && name.equals(k.name) && value == k.value && flavor == k.flavor
                    && propagated == k.propagated;
        }

        @Override
        public int hashCode() {
            return (name.hashCode() * 31 + System.identityHashCode(value)) * 31 + flavor.hashCode() * 2 + (propagated ? 1 : 0);
        }
    }

    /**
     * The first value equal to {@code v} (and of the same type) seen in this compilation; the strings of a new one
     * are shared element by element. References and embedded objects are not shared (their identity leaves out
     * the reference class, and they are rare).
     */
    synchronized CimValue value(CimValue v) {
        if (!sharing || v == null || v.isNull() || !shareable(v.type())) {
            return v;
        }
        if (v.type() == CimType.STRING) {
            CimValue first = strings.putIfAbsent((String) v.value(), v);
            return first == null ? v : first;
        }
        CimValue first = values.get(v);
        if (first != null && (first.type() == v.type() || first.type().equals(v.type()))) {
            return first;
        }
        CimValue own = v.type().kind() == CimType.Kind.STRING ? withSharedStrings(v) : v;
        if (first == null) {
            values.put(own, own);
        }
        return own;
    }

    /** The first qualifier spelled the same, with the same (shared) value and flavor, seen in this compilation. */
    synchronized CimQualifier qualifier(CimQualifier q) {
        if (!sharing) {
            return q;
        }
        CimQualifier first = qualifiers.putIfAbsent(new QualifierKey(q), q);
        return first == null ? q : first;
    }

    private static boolean shareable(CimType type) {
        CimType.Kind k = type.kind();
        return k != CimType.Kind.REFERENCE && k != CimType.Kind.INSTANCE && k != CimType.Kind.OBJECT;
    }

    private CimValue withSharedStrings(CimValue v) {
        if (!v.isArray()) {
            String s = (String) v.value();
            String shared = text(s);
            return shared == s ? v : CimValue.of(v.type(), shared);
        }
        List<Object> items = v.values();
        List<Object> shared = new ArrayList<>(items.size());
        boolean changed = false;
        for (Object item : items) {
            Object s = item == null ? null : text((String) item);
            changed |= s != item;
            shared.add(s);
        }
        return changed ? CimValue.of(v.type(), shared) : v;
    }

    /** The first string equal to {@code s} seen in this compilation. */
    private String text(String s) {
        return (String) strings.computeIfAbsent(s, CimValue::ofString).value();
    }
}
