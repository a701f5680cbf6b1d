package org.iscsismis.mof;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.iscsismis.cim.CimQualifier;
import org.iscsismis.cim.CimType;
import org.iscsismis.cim.CimValue;

/**
 * The values of one compilation, each kept once: equal string literals, qualifier values and qualifiers become the
 * same immutable object. A schema repeats a few thousand texts tens of thousands of times (the {@code ValueMap} and
 * {@code Values} entries "2", "DMTF Reserved", "Unknown", the same {@code Values} array restated by every
 * subclass that overrides a property), and a repository keeps every class it loads: made once, they take a
 * fraction of the heap. The maps live as long as the compilation (one session, or the sessions of the roots compiled
 * together, which run in parallel: hence concurrent maps), so nothing grows with what clients create later.
 */
final class MofShared {

    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CimValue, CimValue> values = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CimQualifier, CimQualifier> qualifiers = new ConcurrentHashMap<>();

    /** The first string equal to {@code s} seen in this compilation. */
    String string(String s) {
        String first = strings.putIfAbsent(s, s);
        return first == null ? s : first;
    }

    /**
     * The first value equal to {@code v} (and of the same type) seen in this compilation; the strings of a new one
     * are shared element by element. References and embedded objects are not shared (their identity leaves out
     * the reference class, and they are rare).
     */
    CimValue value(CimValue v) {
        if (v == null || v.isNull() || !shareable(v.type())) {
            return v;
        }
        CimValue first = values.get(v);
        if (first != null && first.type().equals(v.type())) {
            return first;
        }
        CimValue own = v.type().kind() == CimType.Kind.STRING ? withSharedStrings(v) : v;
        if (first == null) {
            first = values.putIfAbsent(own, own);
            if (first != null && first.type().equals(own.type())) {
                return first;
            }
        }
        return own;
    }

    /** The first qualifier equal to {@code q} and spelled the same seen in this compilation. */
    CimQualifier qualifier(CimQualifier q) {
        CimQualifier first = qualifiers.putIfAbsent(q, q);
        if (first == null) {
            return q;
        }
        return first.name().toString().equals(q.name().toString()) && first.value().type().equals(q.value().type()) ? first : q;
    }

    private static boolean shareable(CimType type) {
        CimType.Kind k = type.kind();
        return k != CimType.Kind.REFERENCE && k != CimType.Kind.INSTANCE && k != CimType.Kind.OBJECT;
    }

    private CimValue withSharedStrings(CimValue v) {
        if (!v.isArray()) {
            String s = (String) v.value();
            String shared = string(s);
            return shared == s ? v : CimValue.of(v.type(), shared);
        }
        List<Object> items = v.values();
        List<Object> shared = new ArrayList<>(items.size());
        boolean changed = false;
        for (Object item : items) {
            Object s = item == null ? null : string((String) item);
            changed |= s != item;
            shared.add(s);
        }
        return changed ? CimValue.of(v.type(), shared) : v;
    }
}
