package org.iscsismis.dispatch;

import java.util.List;
import java.util.function.Consumer;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;

/**
 * A sink that hands each instance of an instance-returning operation (EnumerateInstances,
 * Associators, References) to a consumer as it is delivered, so a query filters a provider's results
 * one at a time instead of collecting them.
 */
final class InstanceStreamSink implements ResponseSink {

    private final Consumer<CimInstance> consumer;

    InstanceStreamSink(Consumer<CimInstance> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void namedInstance(CimInstance instance) {
        consumer.accept(instance);
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        consumer.accept(instance);
    }

    // the operations a query runs produce instances only

    @Override
    public void instance(CimInstance instance) {
        throw unexpected("instance");
    }

    @Override
    public void instanceName(ObjectPath path) {
        throw unexpected("instanceName");
    }

    @Override
    public void objectPath(ObjectPath path) {
        throw unexpected("objectPath");
    }

    @Override
    public void className(CimName name) {
        throw unexpected("className");
    }

    @Override
    public void cimClass(CimClass cimClass) {
        throw unexpected("cimClass");
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
        return new IllegalStateException("a query's source operation does not produce " + kind);
    }
}
