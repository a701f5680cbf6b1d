package org.iscsismis.replication;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Futures waiting for pairs to reach a CopyState (WaitForCopyState). A wait is satisfied when the CopyState matches
 * and no operation is still heading elsewhere (RequestedCopyState is Not Applicable or the awaited state); the
 * state is always read fresh, because a change's own view may already be stale when it is checked.
 */
final class CopyStateWaiters {

    private record Waiter(CopyState state, CompletableFuture<PairSnapshot> future) { }

    private final Map<ReplicationPair, List<Waiter>> waiters = new ConcurrentHashMap<>();

    CompletableFuture<PairSnapshot> add(ReplicationPair pair, CopyState state) {
        CompletableFuture<PairSnapshot> f = new CompletableFuture<>();
        waiters.computeIfAbsent(pair, p -> new CopyOnWriteArrayList<>()).add(new Waiter(state, f));
        check(pair);
        return f;
    }

    /** Complete the waits the pair's current state satisfies. */
    void check(ReplicationPair pair) {
        List<Waiter> ws = waiters.get(pair);
        if (ws == null || ws.isEmpty()) {
            return;
        }
        PairSnapshot now = pair.snapshot();
        for (Waiter w : ws) {
            boolean settled = now.requestedCopyState() == CopyState.NOT_APPLICABLE || now.requestedCopyState() == w.state();
            if (now.copyState() == w.state() && settled && w.future().complete(now)) {
                ws.remove(w);
            } else if (w.future().isDone()) {
                ws.remove(w);
            }
        }
    }

    /** The pair is gone: its waits fail. */
    void removed(ReplicationPair pair) {
        List<Waiter> ws = waiters.remove(pair);
        if (ws != null) {
            ws.forEach(w -> w.future().completeExceptionally(new NoSuchElementException("pair " + pair.id + " was removed")));
        }
    }
}
