package org.iscsismis.dispatch;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimException;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimStatus;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;

/**
 * Collects the instances with path, or the paths, of an operation run for a pulled enumeration
 * whose results come from providers (providers push into a sink and cannot be paused between two
 * pulls). {@link #drain} hands them out and forgets each one once taken. What it holds is charged
 * to a memory reservation as it arrives: once the server's memory budget is spent, the next result
 * fails the Open with CIM_ERR_SERVER_LIMITS_EXCEEDED. The reservation is given back when the
 * enumeration ends (see {@link PullSource#close()}), not item by item.
 */
final class BufferingSink implements ResponseSink {

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

    // the operations run for a pull never produce the other result kinds

    @Override
    public void className(CimName name) {
        throw unexpected("className");
    }

    @Override
    public void cimClass(CimClass cimClass) {
        throw unexpected("cimClass");
    }

    @Override
    public void instance(CimInstance instance) {
        throw unexpected("instance");
    }

    @Override
    public void objectWithPath(CimClass cimClass, ObjectPath classPath) {
        throw unexpected("objectWithPath(class)");
    }

    @Override
    public void qualifierDeclaration(CimQualifierType declaration) {
        throw unexpected("qualifierDeclaration");
    }

    @Override
    public void propertyValue(CimValue value) {
        throw unexpected("propertyValue");
    }

    @Override
    public void methodResult(CimValue returnValue, List<ParamValue> outParameters) {
        throw unexpected("methodResult");
    }

    @Override
    public void pullResult(String enumerationContext, boolean endOfSequence) {
        throw unexpected("pullResult");
    }

    @Override
    public void enumerationCount(Long count) {
        throw unexpected("enumerationCount");
    }

    private static IllegalStateException unexpected(String kind) {
        return new IllegalStateException("a pulled enumeration does not collect " + kind);
    }
}
