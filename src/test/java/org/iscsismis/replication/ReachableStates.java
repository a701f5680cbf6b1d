package org.iscsismis.replication;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states a pair of one SyncType can reach, found by walking the {@link TransitionTable} from Initialized — with
 * the work a transition starts, and the one precondition the table does not show (a mirror restores only from a whole
 * copy: it reached Synchronized and no drain has started since) — and for each, a shortest trigger path to it.
 */
final class ReachableStates {

    /** Where a walk stands: the state as a client sees it, and whether a mirror's target holds a whole copy. */
    record Node(PairStateTable.State state, boolean wholeCopy) { }

    private ReachableStates() {
    }

    /** Every reachable state of {@code type} with a shortest path of triggers from a pair created Initialized. */
    static Map<PairStateTable.State, List<Trigger>> pathsTo(SyncType type) {
        Map<Node, List<Trigger>> seen = new LinkedHashMap<>();
        Node start = new Node(new PairStateTable.State(type, CopyState.INITIALIZED, null), false);
        seen.put(start, List.of());
        Deque<Node> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Node n = queue.removeFirst();
            for (Trigger trigger : TransitionTable.triggers()) {
                next(n, trigger).ifPresent(m -> {
                    if (!seen.containsKey(m)) {
                        List<Trigger> path = new ArrayList<>(seen.get(n));
                        path.add(trigger);
                        seen.put(m, List.copyOf(path));
                        queue.addLast(m);
                    }
                });
            }
        }
        Map<PairStateTable.State, List<Trigger>> out = new LinkedHashMap<>();
        seen.forEach((node, path) -> out.merge(node.state(), path, (a, b) -> a.size() <= b.size() ? a : b));
        return out;
    }

    /** The node a trigger leads to, if the pair allows it there. */
    static Optional<Node> next(Node n, Trigger trigger) {
        PairStateTable.State s = n.state();
        if (trigger == EngineEvent.WORK_DONE && s.activity() == null) {
            return Optional.empty(); // only running work can finish
        }
        if (trigger == Operation.RESTORE_FROM_REPLICA && s.type() == SyncType.MIRROR && !n.wholeCopy()) {
            return Optional.empty();
        }
        Optional<Transition> cell = TransitionTable.standard().find(s.type(), s.copyState(), trigger);
        if (cell.isEmpty() || cell.get().removes()) {
            return Optional.empty();
        }
        Transition t = cell.get();
        ProgressStatus activity;
        if (t.work() != Transition.Work.NONE) {
            activity = t.progress();
        } else if (trigger == EngineEvent.WORK_DONE || t.effect() == Transition.Effect.CANCEL_WORK || t.to() != s.copyState()) {
            activity = null;
        } else {
            activity = s.activity(); // e.g. Reset To Sync while copying: the copy goes on
        }
        boolean whole = n.wholeCopy();
        if (t.to() == CopyState.SYNCHRONIZED && (s.copyState() != CopyState.SYNCHRONIZED || trigger == EngineEvent.WORK_DONE)) {
            whole = true;
        } else if (t.work() == Transition.Work.DRAIN && t.to() == CopyState.UNSYNCHRONIZED) {
            whole = false;
        }
        return Optional.of(new Node(new PairStateTable.State(s.type(), t.to(), activity), whole));
    }
}
