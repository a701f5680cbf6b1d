package org.iscsismis.dispatch;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;

/**
 * Collects the instances with path, or the paths, of an operation run for a pulled enumeration
 * whose results come from providers (providers push into a sink and cannot be paused between two
 * pulls). {@link #drain} hands them out and forgets each one once taken.
 */
final class BufferingSink implements ResponseSink {

    private final ArrayDeque<Object> items = new ArrayDeque<>();

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
        items.add(instance);
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        items.add(instance);
    }

    @Override
    public void instanceName(ObjectPath path) {
        items.add(path);
    }

    @Override
    public void objectPath(ObjectPath path) {
        items.add(path);
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
