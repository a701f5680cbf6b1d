package org.iscsismis.dispatch;

import java.util.List;
import org.iscsismis.cim.CimClass;
import org.iscsismis.cim.CimInstance;
import org.iscsismis.cim.CimName;
import org.iscsismis.cim.CimNamespace;
import org.iscsismis.cim.CimQualifierType;
import org.iscsismis.cim.CimValue;
import org.iscsismis.cim.ObjectPath;
import org.iscsismis.operation.ParamValue;
import org.iscsismis.operation.ResponseSink;

/**
 * Passes on only the results in namespaces the caller may read. Results that carry a namespace of their own are
 * those of the association operations and their pulled forms, whose far ends may live in another namespace (the
 * interop namespace's ElementConformsToProfile points into the iSCSI namespace): a far end the caller may not read
 * is left out, as if the reference dangled.
 */
final class ReadableResultsSink implements ResponseSink {

    private final ResponseSink out;
    private final Caller caller;

    ReadableResultsSink(ResponseSink out, Caller caller) {
        this.out = out;
        this.caller = caller;
    }

    private boolean readable(ObjectPath path) {
        CimNamespace ns = path == null ? null : path.namespace();
        return ns == null || caller.mayRead(ns);
    }

    @Override
    public void objectWithPath(CimInstance instance) {
        if (readable(instance.path())) {
            out.objectWithPath(instance);
        }
    }

    @Override
    public void objectWithPath(CimClass cimClass, ObjectPath classPath) {
        if (readable(classPath)) {
            out.objectWithPath(cimClass, classPath);
        }
    }

    @Override
    public void objectPath(ObjectPath path) {
        if (readable(path)) {
            out.objectPath(path);
        }
    }

    @Override
    public void className(CimName name) {
        out.className(name);
    }

    @Override
    public void cimClass(CimClass cimClass) {
        out.cimClass(cimClass);
    }

    @Override
    public void instance(CimInstance instance) {
        out.instance(instance);
    }

    @Override
    public void namedInstance(CimInstance instance) {
        out.namedInstance(instance);
    }

    @Override
    public void instanceName(ObjectPath path) {
        out.instanceName(path);
    }

    @Override
    public void qualifierDeclaration(CimQualifierType declaration) {
        out.qualifierDeclaration(declaration);
    }

    @Override
    public void propertyValue(CimValue value) {
        out.propertyValue(value);
    }

    @Override
    public void methodResult(CimValue returnValue, List<ParamValue> outParameters) {
        out.methodResult(returnValue, outParameters);
    }

    @Override
    public void pullResult(String enumerationContext, boolean endOfSequence) {
        out.pullResult(enumerationContext, endOfSequence);
    }

    @Override
    public void enumerationCount(Long count) {
        out.enumerationCount(count);
    }
}
