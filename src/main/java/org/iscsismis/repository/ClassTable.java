package org.iscsismis.repository;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;

/**
 * An immutable snapshot of one namespace's classes: the resolved class, its direct subclasses and
 * its (mutable, concurrent) instance map per class, plus the root classes. Class changes build a
 * new snapshot (copy-on-write) and publish it with one volatile write, so readers always see a
 * whole state and never lock.
 */
final class ClassTable {

    /** One class: the resolved declaration, its direct subclasses and its static instances by {@link InstanceRules#storeKey}. */
    record Node(CimClass resolved, List<CimName> children, ConcurrentHashMap<String, CimInstance> instances) {
        Node withChildren(List<CimName> newChildren) {
            return new Node(resolved, List.copyOf(newChildren), instances);
        }
    }

    static final ClassTable EMPTY = new ClassTable(Map.of(), List.of());

    private final Map<CimName, Node> nodes;
    private final List<CimName> roots;
    /**
     * The deep subclass lists asked for so far (key: the class, or {@link #ROOTS}): the snapshot never changes, so a
     * list is computed once and then handed out as the same object, which lets the response writer reuse its
     * encoded form (EnumerateClassNames of a namespace with the whole DMTF schema is ~1 600 names).
     */
    private final ConcurrentHashMap<Object, List<CimName>> descendants = new ConcurrentHashMap<>();
    private static final Object ROOTS = new Object();

    private ClassTable(Map<CimName, Node> nodes, List<CimName> roots) {
        this.nodes = nodes;
        this.roots = roots;
    }

    /** The same classes (the same resolved objects), each with an empty instance map of its own. */
    ClassTable withoutInstances() {
        Map<CimName, Node> copy = new HashMap<>(nodes.size() * 4 / 3 + 1);
        nodes.forEach((name, n) -> copy.put(name, new Node(n.resolved(), n.children(), new ConcurrentHashMap<>())));
        return new ClassTable(copy, roots);
    }

    Node node(CimName name) {
        return name == null ? null : nodes.get(name);
    }

    boolean isEmpty() {
        return nodes.isEmpty();
    }

    int size() {
        return nodes.size();
    }

    Iterable<Node> nodes() {
        return nodes.values();
    }

    /** The direct subclasses of {@code from}, or the root classes when {@code from} is null. */
    List<CimName> children(CimName from) {
        if (from == null) {
            return roots;
        }
        Node n = nodes.get(from);
        return n == null ? List.of() : n.children();
    }

    /**
     * Direct children ({@code deep} false) or all descendants, pre-order (parents before children); unmodifiable,
     * and the same list object every time for the same arguments.
     */
    List<CimName> subclasses(CimName from, boolean deep) {
        if (!deep) {
            return children(from);
        }
        return descendants.computeIfAbsent(from == null ? ROOTS : from, k -> descendants(from));
    }

    private List<CimName> descendants(CimName from) {
        List<CimName> out = new ArrayList<>();
        Deque<CimName> stack = new ArrayDeque<>();
        List<CimName> start = children(from);
        for (int i = start.size() - 1; i >= 0; i--) {
            stack.push(start.get(i));
        }
        while (!stack.isEmpty()) {
            CimName c = stack.pop();
            out.add(c);
            List<CimName> kids = children(c);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return List.copyOf(out);
    }

    /** True if {@code sub} is {@code sup} or one of its descendants. */
    boolean isSubclass(CimName sub, CimName sup) {
        Node n = nodes.get(sub);
        while (n != null) {
            if (n.resolved().name().equals(sup)) {
                return true;
            }
            n = node(n.resolved().superClassName());
        }
        return false;
    }

    /** A snapshot with {@code resolved} added (or replacing the class of that name) under its superclass. */
    ClassTable with(CimClass resolved, ConcurrentHashMap<String, CimInstance> instances) {
        Map<CimName, Node> copy = new HashMap<>(nodes);
        List<CimName> newRoots = roots;
        Node previous = copy.get(resolved.name());
        List<CimName> kids = previous == null ? List.of() : previous.children();
        if (previous != null) {
            // detach from the old parent (ModifyClass may change the superclass)
            CimName oldSuper = previous.resolved().superClassName();
            if (oldSuper == null) {
                newRoots = without(newRoots, resolved.name());
            } else {
                Node p = copy.get(oldSuper);
                copy.put(oldSuper, p.withChildren(without(p.children(), resolved.name())));
            }
        }
        copy.put(resolved.name(), new Node(resolved, kids, instances));
        CimName sup = resolved.superClassName();
        if (sup == null) {
            newRoots = plus(newRoots, resolved.name());
        } else {
            Node p = copy.get(sup);
            copy.put(sup, p.withChildren(plus(p.children(), resolved.name())));
        }
        return new ClassTable(copy, newRoots);
    }

    /** A snapshot without class {@code name} (which must have no subclasses). */
    ClassTable without(CimName name) {
        Map<CimName, Node> copy = new HashMap<>(nodes);
        Node gone = copy.remove(name);
        List<CimName> newRoots = roots;
        CimName sup = gone.resolved().superClassName();
        if (sup == null) {
            newRoots = without(newRoots, name);
        } else {
            Node p = copy.get(sup);
            copy.put(sup, p.withChildren(without(p.children(), name)));
        }
        return new ClassTable(copy, newRoots);
    }

    private static List<CimName> plus(List<CimName> list, CimName name) {
        List<CimName> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(name);
        return List.copyOf(out);
    }

    private static List<CimName> without(List<CimName> list, CimName name) {
        List<CimName> out = new ArrayList<>(list);
        out.remove(name);
        return List.copyOf(out);
    }
}
