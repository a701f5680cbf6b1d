package org.iscsismis.operation;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;

/**
 * A sink for code that runs operations in-process and expects one kind of result: every method refuses with an
 * {@link IllegalStateException} naming the result, and a subclass overrides the ones its operation produces.
 */
public abstract class RefusingResponseSink implements ResponseSink {

    /** The exception for a result the operation was not expected to produce. */
    protected IllegalStateException unexpected(String result) {
        return new IllegalStateException(getClass().getSimpleName() + " does not take a " + result);
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
    public void instance(CimInstance instance) {
        throw unexpected("instance");
    }

    @Override
    public void namedInstance(CimInstance instance) {
        throw unexpected("namedInstance");
    }

    @Override
    public void instanceName(ObjectPath path) {
        throw unexpected("instanceName");
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        throw unexpected("objectWithPath(instance)");
    }

    @Override
    public void objectWithPath(CimClass cimClass, ObjectPath classPath) {
        throw unexpected("objectWithPath(class)");
    }

    @Override
    public void objectPath(ObjectPath path) {
        throw unexpected("objectPath");
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
}
