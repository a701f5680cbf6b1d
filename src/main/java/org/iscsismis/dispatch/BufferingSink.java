package org.iscsismis.dispatch;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.RefusingResponseSink;

/**
 * Collects the instances with path, or the paths, of an operation run for a pulled enumeration
 * whose results come from providers (providers push into a sink and cannot be paused between two
 * pulls). {@link #drain} hands them out and forgets each one once taken. What it holds is charged
 * to a memory reservation as it arrives: once the server's memory budget is spent, the next result
 * fails the Open with CIM_ERR_SERVER_LIMITS_EXCEEDED. The reservation is given back when the
 * enumeration ends (see {@link PullSource#close()}), not item by item.
 */
final class BufferingSink extends RefusingResponseSink { // a pull's operations produce no other kinds

    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final MemoryBudget.Reservation reservation;

    BufferingSink(MemoryBudget.Reservation reservation) {
        this.reservation = reservation;
    }

    /** Gives the reservation back. */
    void release() {
        reservation.close();
    }

    /** The items collected so far, removed as they are taken. */
    <T> Iterator<T> drain(Class<T> type) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !items.isEmpty();
            }

            @Override
            public T next() {
                if (items.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return type.cast(items.poll());
            }
        };
    }

    /** How many items are left. */
    long size() {
        return items.size();
    }

    @Override
    public void namedInstance(CimInstance instance) {
        add(instance);
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        add(instance);
    }

    @Override
    public void instanceName(ObjectPath path) {
        add(path);
    }

    @Override
    public void objectPath(ObjectPath path) {
        add(path);
    }

    private void add(Object item) {
        long bytes = HeapEstimate.of(item);
        if (!reservation.growBy(bytes)) {
            throw new CimException(CimStatus.SERVER_LIMITS_EXCEEDED, "The results of this pulled enumeration do not fit"
                    + " in the server's memory budget (" + items.size() + " results buffered, " + reservation.budgetLeft()
                    + " of " + reservation.budgetCapacity() + " bytes left); close other enumerations, pull with a"
                    + " narrower class, or try again later");
        }
        items.add(item);
    }
}
